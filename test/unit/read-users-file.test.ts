import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_USERS_FILE_BYTES } from '../../src/domain/users-file.js';
import { readUsersFile } from '../../src/options.js';

const dir = mkdtempSync(join(tmpdir(), 'cognito-doctor-users-file-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A file is read from its path: standard input is never touched. */
const noStdin: AsyncIterable<Buffer> = {
  [Symbol.asyncIterator]: () => {
    throw new Error('read standard input');
  },
};

describe('readUsersFile', () => {
  it('caps what it reads from a pipe, which has no size to check first', async () => {
    const fifo = join(dir, 'users.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    writer.on('error', () => undefined); // the reader stops early: the pipe breaks
    writer.end(Buffer.alloc(MAX_USERS_FILE_BYTES + 1024, 'a'));
    await expect(readUsersFile(fifo, noStdin)).rejects.toThrow(`more than ${MAX_USERS_FILE_BYTES} bytes`);
    writer.destroy();
  });

  it('reads a pipe within the cap whole', async () => {
    const fifo = join(dir, 'small.fifo');
    execFileSync('mkfifo', [fifo]);
    createWriteStream(fifo).end('jane\ndana\n');
    expect(await readUsersFile(fifo, noStdin)).toBe('jane\ndana\n');
  });
});
