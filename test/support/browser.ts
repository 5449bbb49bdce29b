/**
 * Debian's Chromium for the browser tests. scripts/run-tests.sh starts one for the whole run
 * (test/support/shared-browser.mjs) and exports its address in MDA_TEST_BROWSER_WS: a file then
 * connects to it instead of starting its own (a Chromium start costs about a second of CPU, ten
 * files did it). Each file works in its own browser contexts, so files share nothing but the
 * process; closing the returned browser closes this file's contexts and disconnects. A file run
 * on its own (no variable) launches its own Chromium, with the same flags.
 */
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';

/** The variable scripts/run-tests.sh sets to the shared browser's WebSocket address. */
export const SHARED_BROWSER_VARIABLE = 'MDA_TEST_BROWSER_WS';

/** How the tests launch Chromium, alone or shared: Debian's build, no sandbox (containers), no GPU. */
export const LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
};

/** The run's shared Chromium when there is one, else a new one of this file's own. */
export function openBrowser(): Promise<Browser> {
  const shared = process.env[SHARED_BROWSER_VARIABLE];
  if (shared !== undefined && shared !== '') return chromium.connect(shared);
  return chromium.launch(LAUNCH_OPTIONS);
}

/**
 * `work` on every item, spread over the given tabs (one item at a time per tab), the results in
 * the items' order. The pages of a walk are independent reads: with two tabs, Chromium renders
 * (and axe-core scans) one page while the server renders the next, instead of the two waiting on
 * each other in turn.
 */
export async function acrossTabs<T, R>(
  tabs: readonly Page[],
  items: readonly T[],
  work: (tab: Page, item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    tabs.map(async (tab) => {
      for (let index = next++; index < items.length; index = next++) {
        results[index] = await work(tab, items[index] as T);
      }
    }),
  );
  return results;
}

/** How many tabs a walk over many pages uses (see `acrossTabs`). */
export const WALK_TABS = 2;
