// Evidence that travels: every answer a run's reads got, kept (--record) and served again (--replay).
//
// The layer is the caller's memoised read, not HTTP: a recording holds what the SDK parsed, keyed as the
// caller keys requests (action, Region, input), and failures as the caller classified them. So a replay
// loads no SDK, needs no credentials and opens no socket; the checks see the same values and the same
// AwsCallErrors, and the file reads as the API documents its outputs, which a reviewer can check by eye.
// The SDK's parsed outputs hold Dates: they are written as {"$date": ISO} and revived on replay.

import { AwsCallError, NOT_RECORDED as NOT_RECORDED_CODE, type FailureKind } from './errors.js';
import type { IamAction } from './services.js';

/** The version of the recording format; a reader refuses any other. */
export const RECORDING_VERSION = 1;

/** A failed read as the caller classified it. */
export interface RecordedError {
  kind: FailureKind;
  code: string;
  message: string;
  requestId?: string;
}

export interface RecordedAnswer {
  action: IamAction;
  region: string;
  input: unknown;
  output?: unknown;
  error?: RecordedError;
}

export interface Recording {
  recordingVersion: typeof RECORDING_VERSION;
  tool: { name: 'cognito-doctor'; version: string };
  /** The time of the run: every time window (log and CloudTrail lookbacks) is computed from it. */
  now: string;
  /** The command line, without the program name (redacted with the recording). */
  commandLine: string[];
  /** What was diagnosed: a replay must ask for the same. */
  target: RecordedTarget;
  /** Personal values are pseudonyms in inputs, outputs, errors and the command line (a replay is redacted). */
  redacted: boolean;
  answers: RecordedAnswer[];
}

export interface RecordedTarget {
  command: string;
  userPoolId: string;
  region: string;
  input: string;
  clientId?: string;
  attribute?: string;
  asSent?: boolean;
  sinceMs: number;
  /** pool: --limit, the users a census classifies. */
  limit?: number;
}

/** What a secret's value is replaced by: checks that ask whether there is one see the same answer. */
export const NOT_RECORDED = '(secret, not recorded)';

// Pagination tokens are not secrets: the next page's request carries them, so they are part of its key.
const PAGINATION = /^(next\w*|pagination)token$/i;
const SECRET = /secret|password|token|credential|accesskey/i;

/** True for a field whose string value is a secret: never written to a recording. */
export function isSecretField(key: string, path: readonly string[]): boolean {
  if (SECRET.test(key) && !PAGINATION.test(key)) return true;
  const parent = path.at(-1);
  // A function's code URL is presigned (it carries a token); its environment variables often hold keys.
  return (parent === 'Code' && key === 'Location') || parent === 'Variables';
}

/** What a user attribute no check reads is replaced by in a redacted recording (a name, an address…). */
export const PERSONAL_NOT_RECORDED = '(personal, not recorded)';

/** The user attributes the checks read: a redacted recording keeps these (as pseudonyms) and no other. */
const READ_ATTRIBUTES = new Set(['sub', 'email', 'email_verified', 'phone_number', 'phone_number_verified']);

/** `{Name, Value}` of a user attribute (AdminGetUser's `UserAttributes`, ListUsers' `Users[].Attributes`) no check reads. */
function unreadAttribute(o: Record<string, unknown>, path: readonly string[]): boolean {
  const userAttributes = path.at(-1) === 'UserAttributes' || (path.at(-1) === 'Attributes' && path.at(-2) === 'Users');
  return userAttributes && typeof o.Name === 'string' && typeof o.Value === 'string' && !READ_ATTRIBUTES.has(o.Name);
}

/**
 * `value` as JSON-safe data: Dates tagged, bytes as base64, secrets replaced, $metadata dropped. With
 * `text` (a redacted recording: each string through its pseudonyms), the values of user attributes no
 * check reads are not recorded at all.
 */
export function encode(value: unknown, text?: (s: string) => string, path: string[] = []): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (typeof value === 'string') return text ? text(value) : value;
  if (Array.isArray(value)) return value.map((v) => encode(v, text, path));
  if (value && typeof value === 'object') {
    if (text && unreadAttribute(value as Record<string, unknown>, path)) {
      return { ...value, Value: PERSONAL_NOT_RECORDED };
    }
    const entries = Object.entries(value).filter(([k, v]) => k !== '$metadata' && v !== undefined);
    return Object.fromEntries(
      entries.map(([k, v]) => [
        k,
        typeof v === 'string' && isSecretField(k, path) ? NOT_RECORDED : encode(v, text, [...path, k]),
      ]),
    );
  }
  return value;
}

/** The SDK's values again from encode's: Dates and bytes revived. */
export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && typeof o.$date === 'string') return new Date(o.$date);
    if (keys.length === 1 && typeof o.$bytes === 'string') return new Uint8Array(Buffer.from(o.$bytes, 'base64'));
    return Object.fromEntries(keys.map((k) => [k, decode(o[k])]));
  }
  return value;
}

/** The caller's key of a request; `text` masks it as a redacted recording holds it. */
export function requestKey(action: string, region: string, input: unknown, text?: (s: string) => string): string {
  return `${action} ${region} ${JSON.stringify(encode(input, text))}`;
}

interface Kept {
  action: IamAction;
  region: string;
  input: unknown;
  answer?: { output: unknown } | { error: AwsCallError };
}

/** Keeps every read's answer as it settles (--record). Writes are never given to it. */
export class Recorder {
  private readonly kept: Kept[] = [];

  keep(action: IamAction, region: string, input: unknown, answer: Promise<unknown>, stopped: () => boolean): void {
    const entry: Kept = { action, region, input };
    this.kept.push(entry);
    answer.then(
      (output) => (entry.answer = { output }),
      (error: unknown) => {
        // A read cancelled because the run stopped got no answer from AWS: there is nothing to replay.
        if (error instanceof AwsCallError && !stopped()) entry.answer = { error };
      },
    );
  }

  /**
   * Every settled answer, with `text` replacing each string, sorted by request key: requests in flight
   * together settle in any order, and the same run should make the same file.
   */
  answers(text?: (s: string) => string): RecordedAnswer[] {
    const seen = new Set<string>();
    const out: RecordedAnswer[] = [];
    for (const k of this.kept) {
      if (!k.answer) continue;
      const key = requestKey(k.action, k.region, k.input, text);
      if (seen.has(key)) continue;
      seen.add(key);
      const base = { action: k.action, region: k.region, input: encode(k.input, text) };
      if ('output' in k.answer) out.push({ ...base, output: encode(k.answer.output, text) });
      else {
        const e = k.answer.error;
        const error: RecordedError = {
          kind: e.kind,
          code: e.awsCode,
          message: text ? text(e.message) : e.message,
          ...(e.requestId ? { requestId: e.requestId } : {}),
        };
        out.push({ ...base, error });
      }
    }
    return out.sort((a, b) =>
      requestKey(a.action, a.region, a.input) < requestKey(b.action, b.region, b.input) ? -1 : 1,
    );
  }

  /** The values the answers hold, for the redactor to learn names from before it masks them. */
  outputs(): unknown[] {
    return this.kept.flatMap((k) => (k.answer && 'output' in k.answer ? [k.answer.output] : []));
  }
}

/**
 * Answers reads from a recording (--replay). A redacted recording's requests are made from its own
 * pseudonyms, so they are looked up as they are.
 */
export class Replayer {
  private readonly answers = new Map<string, RecordedAnswer>();

  constructor(readonly recording: Recording) {
    for (const a of recording.answers) {
      const key = requestKey(a.action, a.region, a.input);
      if (!this.answers.has(key)) this.answers.set(key, a);
    }
  }

  answer(action: IamAction, region: string, input: unknown): Promise<unknown> {
    const key = requestKey(action, region, input);
    const found = this.answers.get(key);
    if (!found) {
      const asked = key.slice(action.length + region.length + 2);
      return Promise.reject(
        new AwsCallError(
          'aws-error',
          action,
          region,
          NOT_RECORDED_CODE,
          `the recording holds no answer to ${action} in ${region} with input ${asked}`,
        ),
      );
    }
    if (found.error) {
      const e = found.error;
      return Promise.reject(new AwsCallError(e.kind, action, region, e.code, e.message, e.requestId));
    }
    return Promise.resolve(decode(found.output));
  }
}
