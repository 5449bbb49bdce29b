/**
 * The run's shared Chromium (see browser.ts): scripts/run-tests.sh starts this in the background,
 * reads the WebSocket address from its first line of output, and stops it (SIGTERM) at the end.
 */
import { chromium } from 'playwright-core';
import { LAUNCH_OPTIONS } from './browser.ts';

const server = await chromium.launchServer({ ...LAUNCH_OPTIONS, host: '127.0.0.1', port: 0 });
process.stdout.write(`${server.wsEndpoint()}\n`);
const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
