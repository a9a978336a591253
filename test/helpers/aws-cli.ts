// The real aws CLI v2 that Debian ships (/usr/bin/aws, a Python script). Starting it costs most of a
// CPU second, so a long list of command lines runs through its own driver in one Python process
// (aws-cli-batch.py): the same code and the same exit codes as one process per line.

import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ROOT } from './cli.js';

export const AWS_CLI = '/usr/bin/aws';

/**
 * An `aws` on PATH other than Debian's (a newer v2, or v1 from pip), for the printed lines whose
 * subcommand 2.9.19 lacks; undefined when the machine has none.
 */
export function otherAwsCli(path = process.env.PATH ?? ''): string | undefined {
  const debian = realpathSync(AWS_CLI);
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'aws');
    try {
      accessSync(candidate, constants.X_OK);
      if (realpathSync(candidate) !== debian) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export interface AwsCliAnswer {
  /** What `aws` would exit with: 0, 252 for a line it cannot parse, … */
  rc: number;
  stderr: string;
}

/** Run each argument list (without `aws`) through the CLI at AWS_CLI, in order, with `env`. */
export function awsCliBatch(
  lines: readonly (readonly string[])[],
  env: Record<string, string>,
): Promise<AwsCliAnswer[]> {
  // The interpreter the script names in its #! line, so the batch runs the very CLI the script would.
  const python = /^#!\s*(\S+)/.exec(readFileSync(AWS_CLI, 'utf8'))![1]!;
  return new Promise((resolve, reject) => {
    const child = spawn(python, [join(ROOT, 'test/helpers/aws-cli-batch.py')], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const answers = stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { rc: number | null; stderr: string })
        // sys.exit(None), as the aws script ends a successful help, is exit 0.
        .map((a) => ({ rc: a.rc ?? 0, stderr: a.stderr }));
      if (code !== 0 || answers.length !== lines.length) {
        reject(
          new Error(
            `aws-cli-batch.py: exit ${String(code)}, ${String(answers.length)} of ${String(lines.length)} answers\n${stderr}`,
          ),
        );
      } else resolve(answers);
    });
    child.stdin.end(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  });
}
