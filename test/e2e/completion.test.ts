// `cognito-doctor completion`: the scripts the built CLI prints, completed the way each shell would.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checklists, checks } from '../../src/checks/index.js';
import { runCli, testEnv } from '../helpers/cli.js';

const ids = checks.map((c) => c.id);
const dir = mkdtempSync(join(tmpdir(), 'cognito-doctor-completion-'));

async function script(shell: string): Promise<string> {
  const { code, stdout, stderr } = await runCli(['completion', shell], testEnv());
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const path = join(dir, `completion.${shell}`);
  writeFileSync(path, stdout);
  return path;
}

const hasShell = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

describe('cognito-doctor completion bash', () => {
  /** What bash offers for a command line whose last word is being typed. */
  function complete(path: string, line: string[], cwd?: string): string[] {
    const words = line.map((w) => `'${w}'`).join(' ');
    const out = execFileSync(
      'bash',
      [
        '-c',
        `source '${path}'; COMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _cognito_doctor; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      { encoding: 'utf8', ...(cwd ? { cwd } : {}) },
    );
    return out.split('\n').filter(Boolean);
  }

  it('completes commands, options, check ids in a comma list, output formats and shells', async () => {
    const path = await script('bash');
    expect(complete(path, ['cognito-doctor', ''])).toEqual(
      expect.arrayContaining(['forgot-password', 'checks', 'secret-hash', 'completion', '--version']),
    );
    expect(complete(path, ['cognito-doctor', 'forgot-password', 'jane', '--dr'])).toEqual(['--dry-run']);
    expect(complete(path, ['cognito-doctor', 'invitation', 'jane', '--no-l'])).toEqual(['--no-links']);
    expect(complete(path, ['cognito-doctor', 'forgot-password', 'jane', '--only', ''])).toEqual(ids);
    expect(complete(path, ['cognito-doctor', 'forgot-password', 'jane', '--skip', 'sms,e'])).toEqual(['sms,email']);
    // Each flow offers its own checklist: sign-up has no recovery check, and a sign-up check.
    expect(complete(path, ['cognito-doctor', 'sign-up', 'jane', '--only', ''])).toEqual(
      checklists['sign-up'].map((c) => c.id),
    );
    expect(complete(path, ['cognito-doctor', 'forgot-password', 'jane', '-o', ''])).toEqual([
      'pretty',
      'json',
      'markdown',
      'ndjson',
    ]);
    expect(complete(path, ['cognito-doctor', 'checks', '--output', ''])).toEqual(['pretty', 'json', 'markdown']);
    expect(complete(path, ['cognito-doctor', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(complete(path, ['cognito-doctor', 'verify-attribute', 'jane', ''])).toEqual(['email', 'phone_number']);
    // A value of an option is free text: nothing is offered.
    expect(complete(path, ['cognito-doctor', 'forgot-password', 'jane', '-p', ''])).toEqual([]);
  });

  it('completes file names for the options that take a file', async () => {
    const path = await script('bash');
    const files = mkdtempSync(join(tmpdir(), 'cognito-doctor-files-'));
    for (const name of ['users.txt', 'run.recording.json']) writeFileSync(join(files, name), '');
    expect(complete(path, ['cognito-doctor', 'sign-up', '--users-file', 'us'], files)).toEqual(['users.txt']);
    expect(complete(path, ['cognito-doctor', 'forgot-password', 'jane', '--record', 'r'], files)).toEqual([
      'run.recording.json',
    ]);
    expect(complete(path, ['cognito-doctor', 'invitation', 'jane', '--replay', ''], files).sort()).toEqual([
      'run.recording.json',
      'users.txt',
    ]);
  });
});

describe('cognito-doctor completion zsh and fish', () => {
  it.each(['zsh', 'fish'])('%s: every command, every option and every check id', async (shell) => {
    const path = await script(shell);
    const text = execFileSync('cat', [path], { encoding: 'utf8' });
    for (const command of ['forgot-password', 'checks', 'secret-hash', 'completion']) expect(text).toContain(command);
    for (const option of ['user-pool-id', 'only', 'skip', 'dry-run', 'no-color', 'no-links', 'client-id']) {
      expect(text).toContain(shell === 'fish' ? `-l ${option}` : `--${option}`);
    }
    for (const id of ids) expect(text).toContain(` ${id}`);
    expect(text).toContain('pretty json markdown');
    // File names after --users-file, --record and --replay.
    expect(text).toContain(shell === 'fish' ? '-l users-file -r -F' : 'users-file:_files');
  });

  it.runIf(hasShell('zsh'))('zsh parses the script', async () => {
    expect(spawnSync('zsh', ['-n', await script('zsh')]).status).toBe(0);
  });

  it.runIf(hasShell('fish'))('fish offers check ids after a comma', async () => {
    const path = await script('fish');
    const out = execFileSync(
      'fish',
      ['-c', `source '${path}'; complete -C 'cognito-doctor forgot-password jane --only pool,us'`],
      { encoding: 'utf8' },
    );
    expect(out.split('\n').map((l) => l.split('\t')[0])).toEqual(
      expect.arrayContaining(['pool,user', 'pool,user-status']),
    );
  });
});

describe('cognito-doctor completion, wrong use', () => {
  it('an unknown shell is a usage error', async () => {
    const { code, stdout, stderr } = await runCli(['completion', 'tcsh'], testEnv());
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/bash, zsh, fish/);
  });
});
