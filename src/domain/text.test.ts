import { describe, expect, it } from 'vitest';
import { isBlank, textFault } from './text.js';

describe('text rules', () => {
  it.each([
    ['a plain title', '推进投资审批制度改革', false, null],
    ['a tab', '标题\t说明', false, null],
    ['NUL', 'a\u0000b', false, 'control'],
    ['NUL in multi-line text', 'a\u0000b', true, 'control'],
    ['a line feed in a title', '第一行\n第二行', false, 'control'],
    ['a line feed in a narrative', '第一行\n第二行', true, null],
    ['CRLF in a narrative', '第一行\r\n第二行', true, null],
    ['a vertical tab', 'a\u000Bb', true, 'control'],
    ['DEL', 'a\u007Fb', true, 'control'],
    ['a C1 control', 'a\u0085b', true, 'control'],
    ['ESC', '\u001B[31m红\u001B[0m', true, 'control'],
    ['right-to-left override', '\u202Egnp.exe', false, 'bidi'],
    ['left-to-right embedding', 'a\u202Ab', true, 'bidi'],
    ['first strong isolate', 'a\u2068b\u2069', true, 'bidi'],
    ['a zero-width joiner inside text', '👨\u200D👩', false, null],
  ] as const)('%s', (_name, text, multiLine, fault) => {
    expect(textFault(text, { multiLine })).toBe(fault);
  });

  it.each([
    ['', true],
    ['   ', true],
    ['\u200B', true],
    ['\u200B\u200C\u200D\uFEFF \t\n', true],
    ['\u3000', true],
    ['a\u200B', false],
    ['改', false],
  ])('isBlank(%j) is %s', (text, blank) => {
    expect(isBlank(text)).toBe(blank);
  });
});
