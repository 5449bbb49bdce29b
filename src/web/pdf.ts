/**
 * HTML printed to PDF by Debian's Chromium, driven by playwright-core (no browser download: the
 * system's binary, or CHROMIUM_PATH). The page is set from a string and every request it would
 * make is refused, so a PDF never depends on, or leaks to, the network.
 */
import { programUnavailable } from '../domain/errors.ts';

const CHROMIUM = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * One PDF at a time per process: each starts a browser (hundreds of MB), and the server answers
 * `/api/countries/:code/brief?format=pdf` to anyone who can read, so requests wait their turn.
 */
let queue: Promise<unknown> = Promise.resolve();

export function htmlToPdf(html: string): Promise<Buffer> {
  const turn = queue.then(() => print(html));
  queue = turn.catch(() => undefined);
  return turn;
}

async function print(html: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  } catch (error) {
    throw programUnavailable(
      `Chromium (${CHROMIUM()})`,
      error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error),
      'install it with `apt-get install chromium` or set CHROMIUM_PATH; `--format html` needs no browser',
    );
  }
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
