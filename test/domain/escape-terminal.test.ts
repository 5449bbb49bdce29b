/** Terminal escaping: user text can neither start a line nor send control sequences to a terminal. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeTerminalLine, escapeTerminalText } from '../../src/domain/escape-terminal.ts';

void describe('escapeTerminalLine', () => {
  void it('writes newlines, carriage returns, tabs and ANSI escapes as visible escapes', () => {
    assert.equal(
      escapeTerminalLine('a\nerror: forged\r\t\u001b[31mred\u001b[0m'),
      'a\\nerror: forged\\r\\t\\x1b[31mred\\x1b[0m',
    );
  });

  void it('escapes DEL, C1 controls, line separators and bidirectional overrides', () => {
    assert.equal(
      escapeTerminalLine('\u007f\u009b\u2028\u2029\u202egpj.exe'),
      '\\x7f\\x9b\\u2028\\u2029\\u202egpj.exe',
    );
  });

  void it('leaves ordinary text alone, accents, quotes and emoji included', () => {
    const text = 'Côte d’Ivoire — « accord » 145,1 M€ 🇲🇱 C:\\dossier';
    assert.equal(escapeTerminalLine(text), text);
  });
});

void describe('escapeTerminalText', () => {
  void it('keeps line breaks and escapes every other control character', () => {
    assert.equal(
      escapeTerminalText('ligne 1\nligne\u001b]0;titre\u0007 2'),
      'ligne 1\nligne\\x1b]0;titre\\x07 2',
    );
  });
});
