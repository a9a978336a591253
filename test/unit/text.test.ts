import { describe, expect, it } from 'vitest';
import { excerpt, plain } from '../../src/domain/text.js';

describe('plain: text from AWS before a terminal or a ticket', () => {
  it.each([
    ['\u001b[31mred\u001b[0m', 'red'],
    ['\u001b[2J\u001b[Hclear', 'clear'],
    ['\u001b]0;title\u0007after', 'after'],
    ['\u001b]8;;http://example.com/x\u001b\\link\u001b]8;;\u001b\\', 'link'],
    ['\u009b31mc1', 'c1'],
    ['a\r\nb\nc\td', 'a  b c d'],
    ['line\u2028sep', 'line sep'],
    ['\u202eesrever\u202c', 'esrever'],
    ['nul\u0000bell\u0007del\u007f', 'nulbelldel'],
    ['jürgen@bücher.example | `x`', 'jürgen@bücher.example | `x`'],
  ])('%j → %j', (text, want) => {
    expect(plain(text)).toBe(want);
  });
});

describe('excerpt', () => {
  it('keeps short text and cuts long text with a note, never inside a character', () => {
    expect(excerpt('short', 10)).toBe('short');
    expect(excerpt('😀'.repeat(12), 10, '; see JSON')).toBe(`${'😀'.repeat(10)}… [cut: 12 characters; see JSON]`);
  });
});
