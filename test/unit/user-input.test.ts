import { describe, expect, it } from 'vitest';
import { normaliseUserInput } from '../../src/domain/user-input.js';
import { visible } from '../../src/domain/text.js';

const refusal = (input: string) => {
  const r = normaliseUserInput(input, 'eu-west-1');
  return r.ok ? undefined : r.problem;
};

describe('normaliseUserInput: only what Cognito’s username pattern accepts', () => {
  it.each([
    ['ja\u200bne', 'an invisible formatting character (U+200B) at character 3 of 5'],
    ['ab\u202ecba', 'an invisible formatting character (U+202E) at character 3 of 6'],
    ['\u2066jane\u2069', 'an invisible formatting character (U+2066) at character 1 of 6'],
    ['\ufeffjane@example.com', 'an invisible formatting character (U+FEFF) at character 1 of 17'],
    ['jane\u00addoe', 'an invisible formatting character (U+00AD) at character 5 of 8'],
    ['+44\u200b7400123457', 'an invisible formatting character (U+200B) at character 4 of 14'],
    ['jane\u001b[2J', 'a control character (U+001B) at character 5 of 8'],
    ['jane doe', 'a space (U+0020) at character 5 of 8'],
    ['jane\u00a0doe@example.com', 'a space (U+00A0) at character 5 of 20'],
    ['jane\u3000doe', 'a space (U+3000) at character 5 of 8'],
    ['jane\ue000', 'a private-use character (U+E000) at character 5 of 5'],
    ['😀\u{1f600}x\u{e0001}', 'an invisible formatting character (U+E0001) at character 4 of 4'],
  ])('%j is refused, naming the character and where it is', (input, said) => {
    const problem = refusal(input);
    expect(problem).toContain(`contains ${said},`);
    expect(problem).toMatch(/which Cognito never accepts in a username, e-mail address or phone number/);
    // The value is never repeated (with --redact it must not reach stderr either).
    expect(problem).not.toContain(input);
  });

  it('accepts letters, marks, symbols, numbers and punctuation of any script, and trims surrounding spaces', () => {
    for (const name of ['jürgen', 'José', 'ñ-o_o.x+1@ex.com', '李小龙', 'o’brien', '-rf', 'x$(id)`id`', 'a\u0301b']) {
      expect(normaliseUserInput(name, 'eu-west-1')).toEqual({ ok: true, input: name });
    }
    expect(normaliseUserInput('\u00a0 jane\u2003\n', 'eu-west-1')).toEqual({ ok: true, input: 'jane' });
  });

  it('still reads a phone number written with spaces, no-break spaces included', () => {
    expect(normaliseUserInput('+44\u00a07400 123457', 'eu-west-2')).toMatchObject({ ok: true, input: '+447400123457' });
  });
});

describe('visible', () => {
  it('writes each character a terminal would hide or act on as its code point, and keeps the rest', () => {
    expect(visible('ab\u202ecba ja\u200bne\tx')).toBe('ab<U+202E>cba ja<U+200B>ne<U+0009>x');
    expect(visible('jürgen o’brien -rf')).toBe('jürgen o’brien -rf');
  });
});
