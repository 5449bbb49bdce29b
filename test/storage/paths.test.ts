/** Where the database file goes: `--data DIR`, then MDA_DATA_DIR, then `<project>/data`. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { it } from 'node:test';
import { databaseFile, PROJECT_ROOT, resolveDataDir } from '../../src/storage/paths.ts';

void it('resolves the data folder from the option, the environment, then the project', () => {
  assert.ok(existsSync(join(PROJECT_ROOT, 'package.json')), 'PROJECT_ROOT is the repository root');
  assert.equal(resolveDataDir(undefined, {}), join(PROJECT_ROOT, 'data'));
  assert.equal(resolveDataDir(undefined, { MDA_DATA_DIR: '/srv/atlas' }), '/srv/atlas');
  assert.equal(resolveDataDir('/tmp/x', { MDA_DATA_DIR: '/srv/atlas' }), '/tmp/x');
  assert.equal(resolveDataDir('rel', {}), resolve('rel'));
  assert.equal(databaseFile('/srv/atlas'), '/srv/atlas/atlas.sqlite');
});
