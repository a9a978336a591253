// The users of a batch (`--users-file`), one a line, as pure rules: what a line may hold, what is
// ignored, and how much a file may hold.
import type { UserInput } from './user-input.js';

/** The most users one batch diagnoses: past it the file is refused, before any request. */
export const MAX_BATCH_USERS = 10_000;
/** The most text a users file may hold (generous for 10,000 identifiers), read before any check. */
export const MAX_USERS_FILE_BYTES = 4 * 1024 * 1024;

/** One line that names a user: the user as the single form takes it, or why the line cannot be one. */
export type BatchEntry =
  | { line: number; ok: true; input: string; normalised?: string; given: string }
  | { line: number; ok: false; given: string; problem: string };

export type UsersFile = { ok: true; entries: BatchEntry[] } | { ok: false; problem: string };

/**
 * Each line that is neither blank nor a `#` comment (a whole line, or the end of one after a space)
 * names one user, exactly as the positional argument does (username, e-mail address, phone number or
 * sub), checked by `normalise`. A line that is not a
 * user gets its own entry with the problem, so the rest of the file still runs. Duplicates are kept:
 * each line is answered, in order (the batch's shared requests make a repeated user cost nothing).
 */
export function parseUsersFile(text: string, normalise: (input: string) => UserInput): UsersFile {
  const entries: BatchEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    // A `#` at the start or after a space starts a comment: no username, address or number holds a space,
    // while a username may hold a `#` (`team#2`).
    const given = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!given) continue;
    if (entries.length === MAX_BATCH_USERS) {
      return {
        ok: false,
        problem: `The users file names more than ${MAX_BATCH_USERS} users (line ${i + 1} is one too many): split it into batches of at most ${MAX_BATCH_USERS}.`,
      };
    }
    const user = normalise(given);
    entries.push(
      user.ok
        ? {
            line: i + 1,
            ok: true,
            input: user.input,
            ...(user.normalised ? { normalised: user.normalised } : {}),
            given,
          }
        : { line: i + 1, ok: false, given, problem: `Line ${i + 1}: ${user.problem}` },
    );
  }
  if (!entries.length) return { ok: false, problem: 'The users file names no user (blank lines and # comments only).' };
  return { ok: true, entries };
}
