/**
 * Child process for the crash test (not a test file): ingests the files named on the command line
 * into the data folder given first, printing `added <documentId>` after each commit so the parent
 * knows what must survive a SIGKILL.
 */
import { openAtlasStore } from '../../src/storage/database.ts';
import { ingestPaths } from '../../src/services/ingest.ts';

const [dataDir, ...files] = process.argv.slice(2);
const store = await openAtlasStore({ dataDir: dataDir! });
await ingestPaths(files, store, {
  onProgress: ({ item }) => {
    if (item.status === 'added') process.stdout.write(`added ${item.documentId!}\n`);
  },
});
await store.close();
