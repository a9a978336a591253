// --record and --replay above the AWS layer: what a recording says about the run (tool, time, command
// line, target), masking it with --redact, reading and writing the file, and holding a replay to the
// target it was recorded for.

import { accessSync, chmodSync, constants, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RECORDING_VERSION, type Recorder, type RecordedTarget, type Recording } from './aws/recording.js';
import { UsageError, type DiagnoseOptions } from './options.js';
import { Pseudonyms } from './pseudonyms.js';
import { namedIn } from './redact.js';

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

/** A diagnosis's recording: its user (as typed, and as sent) gets a pseudonym with --redact. */
export function recordingOf(
  recorder: Recorder,
  run: {
    version: string;
    now: Date;
    commandLine: readonly string[];
    options: DiagnoseOptions;
    /** The run's report: its words are no pseudonym's (a replay would mask them). */
    report: unknown;
  },
): Promise<Recording> {
  const { options } = run;
  return recordingFor(recorder, {
    ...run,
    target: targetOf(options),
    redact: options.redact,
    user: {
      input: options.input,
      names: [options.input, options.inputGiven, options.sentAs],
      given: options.inputGiven,
    },
  });
}

/**
 * The recording of a run. With --redact every personal value gets a pseudonym (see pseudonyms.ts),
 * learned from the user diagnosed (if any) and from every name the answers hold before anything is written.
 */
export async function recordingFor(
  recorder: Recorder,
  run: {
    version: string;
    now: Date;
    commandLine: readonly string[];
    target: RecordedTarget;
    redact: boolean;
    /** The run's report: its words are no pseudonym's (a replay would mask them). */
    report: unknown;
    /** The user a diagnosis names: its input, the forms it was given in, and the argument as typed. */
    user?: { input: string; names: (string | undefined)[]; given: string | undefined };
  },
): Promise<Recording> {
  const { user } = run;
  let text: ((s: string) => string) | undefined;
  let written = (typed: string) => typed;
  if (run.redact) {
    const pseudonyms = new Pseudonyms();
    pseudonyms.avoidWordsOf(`${JSON.stringify(run.report)} ${JSON.stringify(recorder.answers())}`);
    if (user) pseudonyms.learnNames(user.names);
    pseudonyms.learnNames(recorder.outputs().flatMap((o) => namedIn(withJson(o))));
    await pseudonyms.learnPhones([JSON.stringify(recorder.answers()), ...(user ? [user.input] : [])]);
    text = (s) => pseudonyms.text(s);
    written = (typed) => (user && /^\+\d+$/.test(user.input) ? pseudonyms.written(typed, user.input) : text!(typed));
  }
  const { target } = run;
  return {
    recordingVersion: RECORDING_VERSION,
    tool: { name: 'cognito-doctor', version: run.version },
    now: run.now.toISOString(),
    // The input as typed may be a number written with spaces: it is named by its pseudonym.
    commandLine: run.commandLine.map((a) => (!text ? a : a === user?.given ? written(a) : text(a))),
    target: text ? { ...target, input: text(target.input) } : target,
    redacted: Boolean(text),
    answers: recorder.answers(text),
  };
}

/** `value` with the JSON documents its strings hold parsed (a CloudTrail event names users and subs). */
function withJson(value: unknown): unknown {
  if (typeof value === 'string' && value.startsWith('{')) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return value.map(withJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withJson(v)]));
  }
  return value;
}

/**
 * A replay must ask what was recorded: another user, pool or --since would miss every read. A
 * redacted recording names the user by a pseudonym, and so must the replay's command line.
 */
export function checkReplayTarget(recording: Recording, options: DiagnoseOptions): void {
  checkReplayOf(recording, targetOf(options), options.redact);
}

/** A replay of `asked` must find it recorded: the same command, pool, user and options. */
export function checkReplayOf(recording: Recording, asked: RecordedTarget, redact: boolean): void {
  const recorded = recording.target as unknown as Record<string, unknown>;
  const fields = new Set([...Object.keys(recorded), ...Object.keys(asked)]);
  const differ = [...fields].filter(
    (f) => JSON.stringify(recorded[f]) !== JSON.stringify((asked as unknown as Record<string, unknown>)[f]),
  );
  if (differ.length) {
    // With --redact the recorded command line may name the user (a recording made without it).
    const of = redact ? 'another target' : `\`cognito-doctor ${recording.commandLine.join(' ')}\``;
    throw new UsageError(
      `the recording is of ${of}; this replay differs in ${differ.join(', ')}: replay it with the recorded user, pool and options.`,
    );
  }
}

/** Why a file could not be read, in words: the system's error code, not its raw message. */
const UNREADABLE: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a recording',
  EACCES: 'cannot be read (permission denied)',
};

/** A recording from its file, or a usage error that says what is wrong with it. */
export function readRecording(path: string): Recording {
  // The run's standard input is not read behind its back; a pipe is still a file to name.
  if (path === '-') throw new UsageError('--replay reads a file: for a recording on standard input, give /dev/stdin.');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const { code, message } = err as NodeJS.ErrnoException;
    throw new UsageError(`--replay ${path}: ${(code && UNREADABLE[code]) ?? message.split('\n')[0]!}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--replay ${path}: not JSON (${(err as Error).message.split('\n')[0]!})`);
  }
  const r = data as Partial<Recording> | null;
  const now = typeof r?.now === 'string' ? Date.parse(r.now) : NaN;
  if (r?.recordingVersion !== RECORDING_VERSION || !Array.isArray(r.answers) || !r.target || Number.isNaN(now)) {
    throw new UsageError(
      `--replay ${path} is not a cognito-doctor recording of version ${RECORDING_VERSION} (written by --record).`,
    );
  }
  return r as Recording;
}

/**
 * A usage error, before any request (and so before any --fix write), when the --record file could not
 * be written at the end of the run: its directory missing or not writable, or the path a directory or a
 * file that cannot be written. Nothing is created here.
 */
export function checkRecordTarget(path: string): void {
  const why = unwritable(path);
  if (why) throw new UsageError(`--record ${path}: ${why}; nothing was sent.`);
}

function unwritable(path: string): string | undefined {
  const dir = dirname(resolve(path));
  try {
    if (statSync(path).isDirectory()) return 'is a directory: name a file';
    return writable(path) ? undefined : 'cannot be written (permission denied)';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return `${dir} is not a directory`;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return (err as Error).message.split('\n')[0]!;
  }
  try {
    if (!statSync(dir).isDirectory()) return `${dir} is not a directory`;
  } catch {
    return `the directory ${dir} does not exist`;
  }
  return writable(dir) ? undefined : `cannot be created in ${dir} (permission denied)`;
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function writeRecording(path: string, recording: Recording): void {
  // The answers name users and their contacts: readable by the owner only, like a credentials file;
  // `mode` sets a new file's, and an older file written over is narrowed first.
  if (existsSync(path)) chmodSync(path, 0o600);
  writeFileSync(path, `${JSON.stringify(recording, null, 2)}\n`, { mode: 0o600 });
}

/** Writes a run's recording; false, said on stderr, when it cannot be written (the report still comes out). */
export function saveRecording(path: string, recording: Recording, stderr: { write(text: string): unknown }): boolean {
  try {
    writeRecording(path, recording);
    return true;
  } catch (err) {
    stderr.write(`cognito-doctor: the recording could not be written to ${path}: ${(err as Error).message}\n`);
    return false;
  }
}
