/**
 * A commitment names who commits and to what (sentences written for these tests): descriptions of
 * frameworks, conditions and refusals commit no one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../../src/extraction/pipeline.ts';

const commitments = (text: string) =>
  extractDocument(text)
    .statements.filter((s) => s.kind === 'commitment')
    .map((s) => [...s.owners].sort());

void describe('commitments name who commits and to what', () => {
  void it('keeps a party that commits to an action, in English and French', () => {
    assert.deepEqual(
      commitments('Ghana and Germany agreed to open a migration advice centre in Accra in 2025.'),
      [['DE', 'GH']],
    );
    assert.deepEqual(
      commitments('Le Sénégal et l’Espagne se sont engagés à renforcer la coopération en matière de retour.'),
      [['ES', 'SN']],
    );
  });

  void it('drops a description of a framework that commits no one', () => {
    assert.deepEqual(
      commitments(
        'Partnership frameworks are flexible tools designed for cases where a partner is unwilling to commit to a formal agreement.',
      ),
      [],
    );
    assert.deepEqual(
      commitments('The forum is committed to open and inclusive dialogue on human mobility.'),
      [],
    );
  });

  void it('drops a commitment in a condition or denied by its subject', () => {
    assert.deepEqual(
      commitments('Funding is released only if Tunisia agrees to expand return cooperation.'),
      [],
    );
    assert.deepEqual(commitments('Le Niger ne s’est pas engagé à reprendre ses ressortissants.'), []);
  });
});
