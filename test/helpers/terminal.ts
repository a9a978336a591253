import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CLI } from './cli.js';

// The interactive prompt through a real pseudo-terminal (util-linux `script`): stdin and stderr are
// a TTY, stdout goes to a file. Each answer is typed only once its question is on the screen.
export const hasScript = spawnSync('script', ['--version']).status === 0;

export async function runInTerminal(
  args: string[],
  env: Record<string, string>,
  answers: [prompt: string, reply: string][],
): Promise<{ code: number | null; screen: string; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-doctor-pty-'));
  const out = join(dir, 'stdout.json');
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  // A pty made from a pipe has 0 columns, which no real terminal has (and which sends ora's spinner
  // into a loop): give it a size first.
  const command = `stty cols 120 rows 40; ${[process.execPath, CLI, ...args].map(quote).join(' ')} > ${quote(out)}`;
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...env, TERM: 'xterm' } });
  let screen = '';
  let from = 0;
  const pending = [...answers];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    screen += chunk;
    for (let at = screen.indexOf(pending[0]?.[0] ?? '\0', from); pending.length && at >= 0;) {
      const [prompt, reply] = pending.shift()!;
      from = at + prompt.length;
      child.stdin.write(`${reply}\r`);
      at = pending.length ? screen.indexOf(pending[0]![0], from) : -1;
    }
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  expect(pending, 'questions never asked').toEqual([]);
  return { code, screen, stdout: readFileSync(out, 'utf8') };
}
