// --record and --replay above the AWS layer: what a recording says about the run (tool, time, command
// line, target), masking it with --redact, reading and writing the file, and holding a replay to the
// target it was recorded for.

import { readFileSync, writeFileSync } from 'node:fs';
import { RECORDING_VERSION, type Recorder, type RecordedTarget, type Recording } from './aws/recording.js';
import { UsageError, type DiagnoseOptions } from './options.js';
import { namedIn, type Redactor } from './redact.js';

/** The target a run diagnoses, as a recording names it. */
export function targetOf(options: DiagnoseOptions): RecordedTarget {
  return {
    command: options.flow ?? 'forgot-password',
    userPoolId: options.userPoolId,
    region: options.region,
    input: options.input,
    ...(options.clientId ? { clientId: options.clientId } : {}),
    ...(options.attribute ? { attribute: options.attribute } : {}),
    ...(options.asSent ? { asSent: true } : {}),
    sinceMs: options.sinceMs,
  };
}

/** The recording of a run, masked by `redactor` once it has learned every name the answers hold. */
export function recordingOf(
  recorder: Recorder,
  run: { version: string; now: Date; commandLine: readonly string[]; options: DiagnoseOptions },
  redactor: Redactor | undefined,
): Recording {
  redactor?.learn(recorder.outputs().flatMap((o) => namedIn(o)));
  const text = redactor ? (s: string) => redactor.text(s) : undefined;
  const target = targetOf(run.options);
  return {
    recordingVersion: RECORDING_VERSION,
    tool: { name: 'cognito-doctor', version: run.version },
    now: run.now.toISOString(),
    commandLine: run.commandLine.map((a) => (text ? text(a) : a)),
    target: text ? { ...target, input: text(target.input) } : target,
    redacted: Boolean(redactor),
    answers: recorder.answers(text),
  };
}

/**
 * A replay must ask what was recorded: another user, pool or --since would miss every read. A
 * redacted recording names the input masked, so the replay's input is compared masked.
 */
export function checkReplayTarget(
  recording: Recording,
  options: DiagnoseOptions,
  redactor: Redactor | undefined,
): void {
  const asked = targetOf(options);
  if (recording.redacted && redactor) asked.input = redactor.text(asked.input);
  const recorded = recording.target as unknown as Record<string, unknown>;
  const fields = new Set([...Object.keys(recorded), ...Object.keys(asked)]);
  const differ = [...fields].filter(
    (f) => JSON.stringify(recorded[f]) !== JSON.stringify((asked as unknown as Record<string, unknown>)[f]),
  );
  if (differ.length) {
    throw new UsageError(
      `the recording is of \`cognito-doctor ${recording.commandLine.join(' ')}\`; this replay differs in ${differ.join(', ')}: replay it with that command line.`,
    );
  }
}

/** A recording from its file, or a usage error that says what is wrong with it. */
export function readRecording(path: string): Recording {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`--replay ${path}: ${(err as Error).message.split('\n')[0]!}`);
  }
  const r = data as Partial<Recording> | null;
  if (r?.recordingVersion !== RECORDING_VERSION || !Array.isArray(r.answers) || !r.target || !r.now) {
    throw new UsageError(
      `--replay ${path} is not a cognito-doctor recording of version ${RECORDING_VERSION} (written by --record).`,
    );
  }
  return r as Recording;
}

export function writeRecording(path: string, recording: Recording): void {
  writeFileSync(path, `${JSON.stringify(recording, null, 2)}\n`);
}
