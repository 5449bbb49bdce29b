// Starts a worker thread on a TypeScript module in a development checkout: registers tsx's loader
// in the thread (a thread does not inherit the parent's loader hooks), then loads the module named
// by workerData.entry. The compiled dist/ starts its threads on the .js modules directly.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
