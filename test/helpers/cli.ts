// Run the CLI two ways, with dummy credentials, a temporary HOME and no way off loopback:
// - runCli: in-process, through the same run() the built CLI calls (same argv parsing, same outputs),
//   with its own captured streams and environment. Fast: the SDK and the checks load once per file.
// - spawnCli: the built CLI (dist/cli.js) as its own process, for the representative set that proves
//   the bundle and the process wrapper (exit code, signals, a terminal) behave the same.

import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { run } from '../../src/program.js';

export { testEnv } from './env.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'dist/cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The built CLI as its own process (async: a synchronous spawn would block the fake endpoint in this
 * process). `stdin`, when given, is written to its standard input and closed; otherwise it has none.
 */
export function spawnCli(args: readonly string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env,
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** In-process runs take turns: the SDK reads credentials, profiles and endpoints from process.env. */
let turn: Promise<unknown> = Promise.resolve();

/** The CLI in this process: `env` is the whole environment of the run and `stdin` its input, as for spawnCli. */
export function runCli(args: readonly string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  const result = turn.then(() => runInProcess(args, env, stdin));
  turn = result.catch(() => undefined);
  return result;
}

async function runInProcess(args: readonly string[], env: Record<string, string>, stdin = ''): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const saved = process.env;
  process.env = { ...env };
  try {
    const code = await run(args, {
      // Like a spawned CLI's stdin: not a terminal, and at its end after `stdin`.
      stdin: Readable.from(stdin ? [stdin] : []),
      stdout: sink((s) => (stdout += s)),
      stderr: sink((s) => (stderr += s)),
      env: process.env,
    });
    return { code, stdout, stderr };
  } finally {
    process.env = saved;
  }
}
