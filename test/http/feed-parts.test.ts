/**
 * The feed's small parts: the log's URL redaction (the token's value only, however the name is
 * spelled or escaped) and XML text (escaped, characters XML 1.0 cannot carry dropped).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SaxesParser } from 'saxes';
import { xmlText } from '../../src/presentation/feeds/atom.ts';
import { redactedUrl } from '../../src/http/redact.ts';

void test('redactedUrl replaces every token value and keeps the rest', () => {
  assert.equal(redactedUrl('/api/feeds/watches.atom'), '/api/feeds/watches.atom');
  assert.equal(
    redactedUrl('/api/feeds/watches.atom?lang=fr&token=mda_t_secret'),
    '/api/feeds/watches.atom?lang=fr&token=[redacted]',
  );
  assert.equal(
    redactedUrl('/x?TOKEN=a&%74oken=b&tokens=c'),
    '/x?TOKEN=[redacted]&%74oken=[redacted]&tokens=c',
  );
  assert.equal(redactedUrl('/x?token'), '/x?token=[redacted]');
  assert.equal(redactedUrl('/x?%E0=1&token=s'), '/x?%E0=1&token=[redacted]');
});

void test('xmlText escapes markup and drops control characters, so the result parses', () => {
  const nasty = 'A & B <c> "d" \'e\' \u0001\u000bf\u00a0é';
  const escaped = xmlText(nasty);
  assert.equal(escaped, 'A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos; f\u00a0é');
  let text = '';
  const parser = new SaxesParser();
  parser.on('text', (t) => (text += t));
  parser.write(`<t a="${escaped}">${escaped}</t>`).close();
  assert.equal(text, 'A & B <c> "d" \'e\' f\u00a0é');
});
