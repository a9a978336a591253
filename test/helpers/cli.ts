// Run the built CLI as a separate process (async: a synchronous spawn would block the fake endpoint
// living in this process), with dummy credentials, a temporary HOME and no way off loopback.

import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'dist/cli.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An environment with nothing of the developer's: no profile, no real endpoint, no IMDS. */
export function testEnv(endpoint?: string, extra: Record<string, string> = {}): Record<string, string> {
  const keep = ['PATH', 'SYSTEMROOT', 'TMPDIR'];
  const env: Record<string, string> = Object.fromEntries(
    keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]),
  );
  return {
    ...env,
    HOME: mkdtempSync(join(tmpdir(), 'cognito-doctor-home-')),
    AWS_ACCESS_KEY_ID: 'AKIDTESTFAKE',
    AWS_SECRET_ACCESS_KEY: 'test-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NO_COLOR: '1',
    ...(endpoint ? { AWS_ENDPOINT_URL: endpoint } : {}),
    ...extra,
  };
}

/** `stdin`, when given, is written to the CLI's standard input and closed; otherwise it has none. */
export function runCli(args: readonly string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
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
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}
