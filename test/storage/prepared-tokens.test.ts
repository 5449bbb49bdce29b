/**
 * Passages tokenised before a document's write transaction (prepareDocumentTokens) are indexed with
 * exactly the tokens the index would compute inside it, and each prepared entry is used once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentPassageRows, prepareDocumentTokens, rowTokens } from '../../src/storage/search/rows.ts';

void test('prepared passage tokens are the ones computed in the transaction, taken once', () => {
  const document = {
    id: 'doc_prepared',
    title: 'Accord de réadmission Maroc–UE',
    language: 'fr',
    text: 'Le Maroc et l’Union européenne ont signé un accord de réadmission.\n\n'.repeat(40),
  };
  const rows = documentPassageRows(document);
  assert.ok(rows.length > 1);
  const computed = rows.map((row) => rowTokens(row));
  prepareDocumentTokens(document);
  const prepared = rows.map((row) => rowTokens(row));
  assert.deepEqual(prepared, computed);
  assert.match(prepared[0]?.concepts ?? '', /\S/);
  // Identical passages share one entry: after it is taken, tokens are computed again, the same.
  assert.deepEqual(
    rows.map((row) => rowTokens(row)),
    computed,
  );
});
