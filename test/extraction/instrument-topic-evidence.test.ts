import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDocument } from '../../src/extraction/pipeline.ts';
import { planInstruments, type ClaimFn } from '../../src/storage/instrument-records.ts';

/** The spans each instrument topic claim quotes, planned as the store plans them. */
function topicSpans(text: string): { topic: string; quote: string }[] {
  const spans: { topic: string; quote: string }[] = [];
  let n = 0;
  const claim: ClaimFn = (_kind, _id, property, value, span) => {
    if (property === 'topic') spans.push({ topic: String(value), quote: text.slice(span.start, span.end) });
    return n++;
  };
  planInstruments(extractDocument(text).instruments, claim, new Set());
  return spans;
}

void describe('the evidence of an instrument topic', () => {
  void it('is the mention when its type or name says the topic, the sentence otherwise', () => {
    const sentence =
      'Le Ghana et la Norvège ont signé en mars 2021 un accord de réadmission, qui prévoit aussi la création de ' +
      "centres d'accueil pour les réfugiés, la délivrance de passeports biométriques et la lutte contre les passeurs.";
    const spans = topicSpans(`Communiqué. ${sentence}`);
    const readmission = spans.find((s) => s.topic === 'return_readmission');
    assert.ok(readmission, JSON.stringify(spans));
    assert.match(readmission.quote, /^accord de réadmission/);
    assert.ok(readmission.quote.length < sentence.length / 2, readmission.quote);
    for (const other of spans.filter((s) => s.topic !== 'return_readmission')) {
      assert.equal(other.quote, sentence, `${other.topic} is read around the mention`);
    }
  });

  void it('works the same in English', () => {
    const spans = topicSpans(
      'Press release. Ghana and Norway signed a readmission agreement in March 2021 and discussed border management and smuggling.',
    );
    const readmission = spans.find((s) => s.topic === 'return_readmission');
    assert.ok(readmission, JSON.stringify(spans));
    assert.match(readmission.quote, /^readmission agreement/);
  });
});
