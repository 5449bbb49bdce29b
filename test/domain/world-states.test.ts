/**
 * src/domain/world-states.json is the part of world-countries the actor registry reads: it must be
 * exactly what the installed package gives, or the registry would drift from it unseen.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/world-states.mjs', import.meta.url));

void describe('world-states.json', () => {
  void it('is what scripts/world-states.mjs makes from the installed world-countries', () => {
    const run = spawnSync(process.execPath, [SCRIPT, '--check'], { encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
  });
});
