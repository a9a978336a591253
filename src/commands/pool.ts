// `cognito-doctor pool`: the census's options resolved, the report written to stdout and the evidence to
// the --record file (a --replay answers every read from one).
import { census } from '../census/run.js';
import type { CliIo } from '../cli-io.js';
import { readRecording, saveRecording } from '../evidence.js';
import { runExitCode } from '../exit-codes.js';
import { decideColor, resolveCensusOptions, type RawCensusOptions } from '../options.js';
import { createStyle } from '../render/style.js';
import { VERSION } from '../version.js';

/** Runs the census of `raw`'s pool; resolves to the exit code. */
export async function runPoolCommand(
  raw: RawCensusOptions & { color?: boolean },
  args: readonly string[],
  io: CliIo,
): Promise<number> {
  const options = resolveCensusOptions(raw);
  if (options.profile) io.env.AWS_PROFILE = options.profile;
  const replay = options.replay ? readRecording(options.replay) : undefined;
  const { report, output, recording } = await census(options, {
    stderr: io.stderr,
    env: io.env,
    style: createStyle(decideColor(raw.color, io.env, io.stdout.isTTY === true)),
    version: VERSION,
    ...(io.interrupt ? { interrupt: io.interrupt } : {}),
    ...(replay ? { replay } : {}),
    commandLine: args,
  });
  const saved = !recording || !options.record || saveRecording(options.record, recording, io.stderr);
  io.stdout.write(output);
  return runExitCode(report.exitCode, saved);
}
