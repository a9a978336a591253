// A diagnose command with --users-file: the users read and checked, then diagnosed as one batch. Like a
// single diagnosis, everything it needs is imported here statically: one import for the command line.
import { runBatch } from '../batch.js';
import { checklists } from '../checks/index.js';
import type { CliIo } from '../cli-io.js';
import type { Flow } from '../domain/flow.js';
import { normaliseUserInput } from '../domain/user-input.js';
import { parseUsersFile } from '../domain/users-file.js';
import { decideColor, readUsersFile, resolveBatchOptions, UsageError, type RawDiagnoseOptions } from '../options.js';
import { createStyle } from '../render/style.js';
import { VERSION } from '../version.js';

/** Diagnoses every user of `raw.usersFile`; resolves to the batch's exit code. */
export async function runBatchCommand(
  flow: Flow,
  raw: RawDiagnoseOptions & { color?: boolean; usersFile: string },
  attribute: string | undefined,
  io: CliIo,
): Promise<number> {
  const settings = resolveBatchOptions(
    raw,
    checklists[flow].map((c) => c.id),
    flow,
    attribute,
  );
  const text = await readUsersFile(raw.usersFile, io.stdin);
  const file = parseUsersFile(text, (line) => normaliseUserInput(line, settings.run.region));
  if (!file.ok) throw new UsageError(`--users-file ${raw.usersFile}: ${file.problem}`);
  if (settings.run.profile) io.env.AWS_PROFILE = settings.run.profile;
  const summary = await runBatch(file.entries, settings, {
    stderr: io.stderr,
    env: io.env,
    style: createStyle(decideColor(raw.color, io.env, io.stdout.isTTY === true)),
    version: VERSION,
    write: (text) => io.stdout.write(text),
    ...(io.interrupt ? { interrupt: io.interrupt } : {}),
  });
  return summary.exitCode;
}
