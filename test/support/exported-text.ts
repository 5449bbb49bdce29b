/** Everything a whole-atlas export writes, as one text: to check what an export holds or leaves out. */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AtlasStore } from '../../src/storage/atlas-store.ts';

export async function exportedText(store: AtlasStore, dir: string): Promise<string> {
  const out = await mkdtemp(join(dir, 'export-'));
  await store.exportTo(out);
  const files = await readdir(out, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name), 'utf8')),
  );
  return texts.join('\n');
}
