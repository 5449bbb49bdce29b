import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../../src/extraction/pipeline.ts';
import { statementKind } from '../../src/extraction/statements.ts';
import { foldText } from '../../src/extraction/text.ts';

const kindOf = (sentence: string): string | null => statementKind(foldText(sentence));

void describe('statements: kinds from cue phrases', () => {
  void it('reads commitments in French and English', () => {
    assert.equal(
      kindOf('Les deux parties ont convenu de mettre en place une structure de concertation.'),
      'commitment',
    );
    assert.equal(kindOf("Les Etats s'engagent à renforcer la coopération."), 'commitment');
    assert.equal(kindOf('Both sides agreed to hold a second round of talks.'), 'commitment');
  });

  void it('reads recommendations, lessons, good practices and challenges', () => {
    assert.equal(kindOf('Il est recommandé de renforcer les capacités des garde-côtes.'), 'recommendation');
    assert.equal(kindOf('Member States should align their visa policies.'), 'recommendation');
    assert.equal(kindOf('Lessons learned from the pilot show the value of long-term engagement.'), 'lesson');
    assert.equal(kindOf('Les bonnes pratiques comprennent les patrouilles conjointes.'), 'good_practice');
    assert.equal(kindOf('Le manque de ressources humaines constitue un obstacle majeur.'), 'challenge');
  });

  void it('ignores sentences without a cue', () => {
    assert.equal(kindOf('The meeting took place in Madrid.'), null);
  });
});

void describe('statements: owners and deadlines', () => {
  void it('gives a commitment of "les deux parties" the two principal actors and its deadline', () => {
    const text =
      "Le Mali et l'Union européenne ont tenu un dialogue. Le Mali et l'Union européenne ont adopté une feuille de route. " +
      "Les deux parties se sont mis d'accord de mener le prochain dialogue de Haut Niveau avant le mois de Septembre 2017.";
    const commitment = extractDocument(text).statements.find(
      (s) => s.kind === 'commitment' && s.deadline !== null,
    );
    assert.ok(commitment, 'a commitment with a deadline');
    assert.deepEqual([...commitment.owners].sort(), ['EU', 'ML']);
    assert.equal(commitment.deadline?.value, '2017-09');
  });

  void it('gives an English commitment the actors named before the cue', () => {
    const text = 'Germany and Morocco agreed to set up a joint working group by December 2025.';
    const commitment = extractDocument(text).statements.find((s) => s.kind === 'commitment');
    assert.ok(commitment);
    assert.deepEqual([...commitment.owners].sort(), ['DE', 'MA']);
    assert.equal(commitment.deadline?.value, '2025-12');
  });
});
