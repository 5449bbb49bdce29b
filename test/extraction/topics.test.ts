import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyTopics, topicsOfSpan } from '../../src/extraction/topics.ts';
import { foldText } from '../../src/extraction/text.ts';
import { segment } from '../../src/extraction/segmentation.ts';

function topicsOf(text: string): string[] {
  const folded = foldText(text);
  return classifyTopics(folded, segment(text).sentences).map((t) => t.code);
}

void describe('topics', () => {
  void it('finds the main topic of French sentences', () => {
    const found = topicsOf(
      'Le retour et la réadmission des migrants en situation irrégulière restent prioritaires. La gestion intégrée des frontières a été renforcée aux postes frontières.',
    );
    assert.ok(found.includes('return_readmission'));
    assert.ok(found.includes('border_management'));
    assert.ok(!found.includes('diaspora'));
  });

  void it('finds English topics: visa policy and the diaspora', () => {
    const found = topicsOf(
      'The Commission proposed restrictive visa measures for the partner country. Diaspora organisations and transnational communities engage with their countries of origin.',
    );
    assert.ok(found.includes('visa'));
    assert.ok(found.includes('diaspora'));
  });

  void it('does not read a topic from a single weak word', () => {
    assert.deepEqual(topicsOf('The meeting discussed cooperation and the borders of the agenda.'), []);
  });

  void it('does not read topics from office titles', () => {
    const text = "Il a été reçu par le Ministre de la Justice et des droits de l'homme.";
    assert.ok(!topicsOf(text).includes('human_rights'));
  });

  void it('tells the main topic of one span', () => {
    const text = 'Smuggling networks and trafficking in human beings were dismantled.';
    assert.deepEqual(topicsOfSpan(foldText(text), { start: 0, end: text.length }), ['irregular_migration']);
  });
});
