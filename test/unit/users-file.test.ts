import { describe, expect, it } from 'vitest';
import { normaliseUserInput } from '../../src/domain/user-input.js';
import { MAX_BATCH_USERS, parseUsersFile } from '../../src/domain/users-file.js';

const parse = (text: string) => parseUsersFile(text, (line) => normaliseUserInput(line, 'eu-west-2'));

describe('parseUsersFile', () => {
  it('one user a line, as the single form takes it; blank lines and # comments ignored; line numbers kept', () => {
    const file = parse(
      '\uFEFF# incident 42\r\njane\r\n\r\n  jane@example.com  \n   # later\n07400 123457\nf81d4fae-7dec-11d0-a765-00a0c91e6bf6\n',
    );
    expect(file).toEqual({
      ok: true,
      entries: [
        { line: 2, ok: true, input: 'jane', given: 'jane' },
        { line: 4, ok: true, input: 'jane@example.com', given: 'jane@example.com' },
        {
          line: 6,
          ok: true,
          input: '+447400123457',
          given: '07400 123457',
          normalised: expect.stringContaining('+447400123457') as string,
        },
        {
          line: 7,
          ok: true,
          input: 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
          given: 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
        },
      ],
    });
  });

  it('a # after a space starts a comment to the end of the line; a # inside a value is part of it', () => {
    const file = parse('jane@example.com   # VIP ticket 123\nteam#2\t# the second team account\nops#1#x\n# all\n');
    expect(file).toEqual({
      ok: true,
      entries: [
        { line: 1, ok: true, input: 'jane@example.com', given: 'jane@example.com' },
        { line: 2, ok: true, input: 'team#2', given: 'team#2' },
        { line: 3, ok: true, input: 'ops#1#x', given: 'ops#1#x' },
      ],
    });
  });

  it('a line that names no user is its own entry, naming the line; the rest go on', () => {
    const file = parse(`jane\n${'x'.repeat(129)}\n+44 7400 12\nbob\n`);
    if (!file.ok) throw new Error(file.problem);
    expect(file.entries.map((e) => [e.line, e.ok])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, true],
    ]);
    const bad = file.entries[1]!;
    expect(!bad.ok && bad.problem).toBe(
      'Line 2: The user to diagnose is 129 characters long: Cognito accepts at most 128.',
    );
  });

  it('duplicates are kept: each line is answered', () => {
    const file = parse('jane\njane\n');
    expect(file.ok && file.entries.map((e) => e.line)).toEqual([1, 2]);
  });

  it('refuses a file with no user, and one with more users than a batch takes (naming the first line too many)', () => {
    expect(parse('# nothing\n\n')).toEqual({ ok: false, problem: expect.stringMatching(/names no user/) as string });
    const lines = Array.from({ length: MAX_BATCH_USERS + 1 }, (_, i) => `user${i}`);
    const file = parse(['# header', ...lines].join('\n'));
    expect(file.ok).toBe(false);
    expect(!file.ok && file.problem).toMatch(
      new RegExp(`more than ${MAX_BATCH_USERS} users \\(line ${MAX_BATCH_USERS + 2} `),
    );
    expect(parse(lines.slice(0, MAX_BATCH_USERS).join('\n')).ok).toBe(true);
  });
});
