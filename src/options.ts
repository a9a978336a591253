// Every precedence rule for options, as pure functions of the raw flags and the environment.
import type { ContactAttribute } from './domain/contact-holders.js';
import type { Flow } from './domain/flow.js';
import type { UserInput } from './domain/user-input.js';
import { MAX_USERS_FILE_BYTES } from './domain/users-file.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type OutputFormat = 'pretty' | 'json' | 'markdown';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pretty', 'json', 'markdown'];

export interface RawDiagnoseOptions {
  userPoolId?: string;
  clientId?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  output?: string;
  json?: boolean;
  only?: string;
  skip?: string;
  strict?: boolean;
  redact?: boolean;
  /** Commander's --no-links sets it false. */
  links?: boolean;
  since?: string;
  timeout?: string;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  fix?: boolean;
  dryRun?: boolean;
  yes?: boolean;
  asSent?: boolean;
  /** A batch: the file (or `-`, stdin) of users, one a line. */
  usersFile?: string;
  concurrency?: string;
  rate?: string;
  record?: string;
  replay?: string;
}

export interface DiagnoseOptions {
  /** The message diagnosed; ForgotPassword when absent. */
  flow?: Flow;
  /** verify-attribute: the attribute whose code did not arrive. */
  attribute?: ContactAttribute;
  input: string;
  /** Set when the input was rewritten (a phone number to E.164): what was done, for the report. */
  inputNormalised?: string;
  /** The input as typed, when it was rewritten (so --redact masks that form too). */
  inputGiven?: string;
  userPoolId: string;
  region: string;
  clientId?: string;
  profile?: string;
  endpointUrl?: string;
  output: OutputFormat;
  only: string[];
  skip: string[];
  strict: boolean;
  redact: boolean;
  /** AWS console links on the findings that name a resource (--no-links: none). */
  links: boolean;
  sinceMs: number;
  /** The time limit of one pass of the checklist: unfinished checks then end as `error`. */
  timeoutMs: number;
  /** How long one attempt of a request may take; derived from timeoutMs unless given (tests). */
  requestTimeoutMs?: number;
  /** --rate: at most this many AWS requests a second for the whole run; absent, the quotas alone. */
  rate?: number;
  quiet: boolean;
  verbose: boolean;
  /** Apply the fixes cognito-doctor can make; never together with dryRun. */
  fix: boolean;
  /** Show the fixes --fix would apply; change nothing. */
  dryRun: boolean;
  /** Confirm every --fix step without asking. */
  yes: boolean;
  /** The input is exactly what the app sends to ForgotPassword, not only what the ticket gives. */
  asSent?: boolean;
  /** With asSent, the argument as written when it was normalised: what the app really sends. */
  sentAs?: string;
  /** --record: the file the run's AWS answers are written to. */
  record?: string;
  /** --replay: the recording that answers the run's reads instead of AWS. */
  replay?: string;
}

const POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d+)_[0-9A-Za-z]+$/;

/** The Region a pool id names (`eu-west-1_AbC123` → `eu-west-1`), or a usage error. */
export function regionOfPoolId(userPoolId: string): string {
  const match = POOL_ID.exec(userPoolId);
  if (!match) {
    throw new UsageError(`"${userPoolId}" is not a user pool id: expected <region>_<id>, like eu-west-1_AbC123.`);
  }
  return match[1]!;
}

/** The furthest back --since may reach: CloudTrail's event history keeps 90 days. */
export const MAX_SINCE_DAYS = 90;

interface DurationFlag {
  flag: string;
  example: string;
  /** The longest duration that makes sense, with why. */
  max?: { ms: number; why: string };
}

const SINCE: DurationFlag = {
  flag: '--since',
  example: '24h',
  max: { ms: MAX_SINCE_DAYS * 86_400_000, why: `CloudTrail: ${MAX_SINCE_DAYS} days` },
};

/** `24h`, `90m`, `7d`, `30s` → milliseconds (for --since unless told otherwise). */
export function parseDuration(text: string, { flag, example, max }: DurationFlag = SINCE): number {
  const match = /^(\d+)\s*(s|m|h|d)$/.exec(text.trim());
  if (!match) {
    throw new UsageError(`${flag} "${text}" is not a duration: use a number and s, m, h or d, like ${example}.`);
  }
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 's' | 'm' | 'h' | 'd'];
  const ms = Number(match[1]) * unit;
  if (ms <= 0) throw new UsageError(`${flag} must be longer than zero.`);
  if (max && ms > max.ms) {
    throw new UsageError(
      `${flag} ${text.trim()} reaches further back than the sources keep (${max.why}): use at most ${MAX_SINCE_DAYS}d.`,
    );
  }
  return ms;
}

/** The highest --rate: above every quota the tool counts against, so higher means nothing more. */
export const MAX_RATE = 1000;

/** --rate: requests per second for the whole run, a positive number (decimals allowed: 0.5). */
export function parseRate(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const rate = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : NaN;
  if (!(rate > 0)) {
    throw new UsageError(`--rate "${text}" is not a number of requests per second above zero, like 10 or 0.5.`);
  }
  if (rate > MAX_RATE) throw new UsageError(`--rate ${text.trim()} is above ${MAX_RATE} requests per second.`);
  return rate;
}

/** The default --timeout: a diagnosis takes seconds; a minute leaves room for retries and slow Regions. */
export const DEFAULT_TIMEOUT = '60s';

export function outputFormat(raw: Pick<RawDiagnoseOptions, 'output' | 'json'>): OutputFormat {
  if (raw.json && raw.output !== undefined && raw.output !== 'json') {
    throw new UsageError(`--json and --output ${raw.output} contradict each other: pass one of them.`);
  }
  if (raw.json) return 'json';
  const output = raw.output ?? 'pretty';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(output)) {
    throw new UsageError(`--output "${output}" is not one of ${OUTPUT_FORMATS.join(', ')}.`);
  }
  return output as OutputFormat;
}

function idList(flag: string, text: string | undefined, known: readonly string[]): string[] {
  if (text === undefined) return [];
  const ids = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!ids.length) throw new UsageError(`${flag} names no check (checks: ${known.join(', ')}).`);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length) {
    throw new UsageError(`${flag}: unknown check id ${unknown.join(', ')} (checks: ${known.join(', ')}).`);
  }
  return ids;
}

/** The pool (-p), its Region (from the id; --region must agree) and the endpoint, checked. */
function poolTarget(raw: Pick<RawDiagnoseOptions, 'userPoolId' | 'region' | 'endpointUrl'>) {
  const userPoolId = requiredPool(raw);
  const region = regionOfPoolId(userPoolId);
  if (raw.region && raw.region !== region) {
    throw new UsageError(
      `--region ${raw.region} disagrees with the pool id, which lives in ${region}: pass --region ${region} or drop --region.`,
    );
  }
  if (raw.endpointUrl && !/^https?:\/\/[^\s/]+/.test(raw.endpointUrl)) {
    throw new UsageError(`--endpoint-url "${raw.endpointUrl}" is not an http(s) URL.`);
  }
  return { userPoolId, region };
}

export interface RawCensusOptions {
  userPoolId?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  output?: string;
  json?: boolean;
  redact?: boolean;
  timeout?: string;
  limit?: string;
  verbose?: boolean;
  rate?: string;
  record?: string;
  replay?: string;
}

/** The census's flags (`pool`): the same rules as a diagnosis for those they share, and --limit. */
export function resolveCensusOptions(raw: RawCensusOptions) {
  const { userPoolId, region } = poolTarget(raw);
  replayConflicts(raw);
  const limit = raw.limit === undefined ? undefined : Number(raw.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new UsageError(`--limit "${raw.limit}" is not a number of users: use a whole number above zero, like 500.`);
  }
  return {
    userPoolId,
    region,
    ...(raw.profile ? { profile: raw.profile } : {}),
    ...(raw.endpointUrl ? { endpointUrl: raw.endpointUrl } : {}),
    output: outputFormat(raw),
    redact: raw.redact ?? false,
    verbose: raw.verbose ?? false,
    timeoutMs: parseDuration(raw.timeout ?? DEFAULT_TIMEOUT, { flag: '--timeout', example: DEFAULT_TIMEOUT }),
    ...(limit !== undefined ? { limit } : {}),
    ...(raw.rate !== undefined ? { rate: parseRate(raw.rate)! } : {}),
    ...(raw.record ? { record: raw.record } : {}),
    ...(raw.replay ? { replay: raw.replay } : {}),
  };
}

/**
 * Every flag checked and combined. `normalise` checks the user argument as Cognito would and rewrites
 * a written phone number (src/domain/user-input.ts; passed in so --help never loads phone metadata).
 */
export function resolveDiagnoseOptions(
  input: string,
  raw: RawDiagnoseOptions,
  checkIds: readonly string[],
  normalise: (input: string, region: string) => UserInput,
  flow: Flow = 'forgot-password',
  attribute?: string,
): DiagnoseOptions {
  checkAttribute(flow, attribute);
  if (!input.trim()) throw new UsageError('The user to diagnose is empty.');
  const region = regionOfPoolId(requiredPool(raw));
  const user = normalise(input, region);
  if (!user.ok) throw new UsageError(user.problem);
  return { ...resolveRunOptions(raw, checkIds, flow, attribute), ...userOptions(input, user, raw.asSent) };
}

/** The options of a run that name a user, from the argument as given and as `normalise` checked it. */
export function userOptions(
  given: string,
  user: UserInput & { ok: true },
  asSent: boolean | undefined,
): Pick<DiagnoseOptions, 'input' | 'inputNormalised' | 'inputGiven' | 'sentAs'> {
  return {
    input: user.input,
    ...(user.normalised ? { inputNormalised: user.normalised, inputGiven: given.trim() } : {}),
    ...(asSent && user.normalised ? { sentAs: given.trim() } : {}),
  };
}

function checkAttribute(flow: Flow, attribute: string | undefined): void {
  if (flow === 'verify-attribute' && attribute !== 'email' && attribute !== 'phone_number') {
    throw new UsageError(
      attribute
        ? `The attribute to verify is "${attribute}": use email or phone_number.`
        : "missing required argument 'attribute' (email or phone_number)",
    );
  }
}

function requiredPool(raw: Pick<RawDiagnoseOptions, 'userPoolId'>): string {
  if (!raw.userPoolId) throw new UsageError("required option '-p, --user-pool-id <id>' not specified");
  return raw.userPoolId.trim();
}

/** Every flag but the user: what the users of a batch share. */
export function resolveRunOptions(
  raw: RawDiagnoseOptions,
  checkIds: readonly string[],
  flow: Flow = 'forgot-password',
  attribute?: string,
): Omit<DiagnoseOptions, 'input'> {
  checkAttribute(flow, attribute);
  const { userPoolId, region } = poolTarget(raw);
  const only = idList('--only', raw.only, checkIds);
  const skip = idList('--skip', raw.skip, checkIds);
  const both = only.filter((id) => skip.includes(id));
  if (both.length) {
    throw new UsageError(`--only and --skip both name ${both.join(', ')}: a check cannot be run and skipped.`);
  }
  if (raw.output === 'ndjson') {
    throw new UsageError('--output ndjson prints a batch, one report per line: add --users-file <path>.');
  }
  const clientId = raw.clientId?.trim();
  if (raw.yes && !raw.fix && !raw.dryRun) {
    throw new UsageError('--yes confirms the steps of --fix: add --fix (or --dry-run to only see them).');
  }
  replayConflicts(raw);
  if (clientId !== undefined && !/^[\w+]+$/.test(clientId)) {
    throw new UsageError(`--client-id "${raw.clientId}" is not an app client id.`);
  }
  return {
    ...(flow !== 'forgot-password' ? { flow } : {}),
    ...(flow === 'verify-attribute' ? { attribute: attribute as ContactAttribute } : {}),
    userPoolId,
    region,
    ...(clientId ? { clientId } : {}),
    ...(raw.profile ? { profile: raw.profile } : {}),
    ...(raw.endpointUrl ? { endpointUrl: raw.endpointUrl } : {}),
    output: outputFormat(raw),
    only,
    skip,
    strict: raw.strict ?? false,
    redact: raw.redact ?? false,
    links: raw.links ?? true,
    sinceMs: parseDuration(raw.since ?? '24h'),
    timeoutMs: parseDuration(raw.timeout ?? DEFAULT_TIMEOUT, { flag: '--timeout', example: DEFAULT_TIMEOUT }),
    ...(raw.rate !== undefined ? { rate: parseRate(raw.rate)! } : {}),
    quiet: raw.quiet ?? false,
    verbose: raw.verbose ?? false,
    // --dry-run wins: asking for a preview never changes anything.
    fix: (raw.fix ?? false) && !raw.dryRun,
    dryRun: raw.dryRun ?? false,
    yes: raw.yes ?? false,
    ...(raw.asSent ? { asSent: true } : {}),
    ...(raw.record ? { record: raw.record } : {}),
    ...(raw.replay ? { replay: raw.replay } : {}),
  };
}

/** What a batch prints: a report per line, or a table for people (pretty) or a ticket (markdown). */
export type BatchFormat = 'ndjson' | 'pretty' | 'markdown';

/**
 * The options of a batch (`--users-file`): those of a run, and the batch's own rules. A batch never
 * writes (--fix is refused; --dry-run shows each user's plan), and prints many reports: --json, which
 * prints one document, is refused in favour of --output ndjson.
 */
export function resolveBatchOptions(
  raw: RawDiagnoseOptions,
  checkIds: readonly string[],
  flow: Flow = 'forgot-password',
  attribute?: string,
): { run: Omit<DiagnoseOptions, 'input'>; format: BatchFormat; concurrency: number } {
  if (raw.fix && !raw.dryRun) {
    throw new UsageError(
      "--fix changes AWS resources, one confirmed step at a time: a batch (--users-file) never writes. Use --dry-run to see every user's plan, then --fix on one user.",
    );
  }
  if (raw.record !== undefined || raw.replay !== undefined) {
    throw new UsageError('--record and --replay keep the evidence of one user: give one user, not --users-file.');
  }
  if (raw.json || raw.output === 'json') {
    throw new UsageError(
      `${raw.json ? '--json' : '--output json'} prints one report: a batch (--users-file) prints one report per line with --output ndjson.`,
    );
  }
  const format = raw.output ?? 'pretty';
  if (!(BATCH_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--output "${format}" is not one of ${BATCH_FORMATS.join(', ')} (with --users-file).`);
  }
  const concurrency = Number(raw.concurrency ?? DEFAULT_CONCURRENCY);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new UsageError(`--concurrency "${raw.concurrency}" is not a whole number from 1 to ${MAX_CONCURRENCY}.`);
  }
  const run = resolveRunOptions({ ...raw, output: undefined }, checkIds, flow, attribute);
  return { run, format: format as BatchFormat, concurrency };
}

export const BATCH_FORMATS: readonly BatchFormat[] = ['ndjson', 'pretty', 'markdown'];
/** Users in flight at once: enough to keep the request rate up while each user waits on its reads. */
export const DEFAULT_CONCURRENCY = 16;
export const MAX_CONCURRENCY = 256;

/** A replay reads nothing from AWS and changes nothing: options that only make sense with AWS are usage errors. */
function replayConflicts(
  raw: Pick<RawDiagnoseOptions, 'replay' | 'record' | 'fix' | 'dryRun' | 'endpointUrl' | 'profile'>,
): void {
  if (!raw.replay) return;
  const conflicting = [
    raw.record !== undefined && '--record',
    raw.fix && !raw.dryRun && '--fix',
    raw.endpointUrl !== undefined && '--endpoint-url',
    raw.profile !== undefined && '--profile',
  ].filter(Boolean);
  if (conflicting.length) {
    throw new UsageError(
      `--replay answers from the recording, with no AWS request: ${conflicting.join(', ')} cannot go with it.`,
    );
  }
}

/**
 * Who confirms the steps of --fix: `--yes`, or a person when stdin and stderr are
 * terminals outside CI; otherwise nothing may be changed, which is a usage error.
 */
export function fixConfirmation(
  options: Pick<DiagnoseOptions, 'fix' | 'yes'>,
  terminal: { stdinIsTTY: boolean; stderrIsTTY: boolean },
  env: Readonly<Record<string, string | undefined>>,
): 'none' | 'auto' | 'prompt' {
  if (!options.fix) return 'none';
  if (options.yes) return 'auto';
  if (terminal.stdinIsTTY && terminal.stderrIsTTY && !env.CI) return 'prompt';
  throw new UsageError(
    '--fix changes AWS resources and there is no terminal to confirm each step on: re-run with --yes (or use --dry-run to see the plan).',
  );
}

/** Colour: --color/--no-color, then FORCE_COLOR, then NO_COLOR, then whether stdout is a TTY. */
export function decideColor(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  stdoutIsTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  return stdoutIsTTY && env.TERM !== 'dumb';
}

export interface RawSecretHashOptions {
  clientId: string;
  userPoolId?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  rate?: string;
}

export function resolveSecretHashOptions(username: string, raw: RawSecretHashOptions) {
  if (!username) throw new UsageError('The username to hash is empty.');
  if (!/^[\w+]+$/.test(raw.clientId)) throw new UsageError(`--client-id "${raw.clientId}" is not an app client id.`);
  const region = raw.userPoolId ? regionOfPoolId(raw.userPoolId) : raw.region;
  if (raw.userPoolId && raw.region && raw.region !== region) {
    throw new UsageError(`--region ${raw.region} disagrees with the pool id, which lives in ${region}.`);
  }
  return {
    username,
    clientId: raw.clientId,
    ...(raw.userPoolId ? { userPoolId: raw.userPoolId } : {}),
    ...(region ? { region } : {}),
    ...(raw.profile ? { profile: raw.profile } : {}),
    ...(raw.endpointUrl ? { endpointUrl: raw.endpointUrl } : {}),
    ...(raw.rate !== undefined ? { rate: parseRate(raw.rate)! } : {}),
  };
}

/**
 * The client secret from COGNITO_CLIENT_SECRET, else from standard input when it is not a terminal
 * (one trailing newline dropped), so it never appears in argv or the shell history.
 */
export async function readSecret(
  env: Readonly<Record<string, string | undefined>>,
  stdin: AsyncIterable<string | Buffer> & { isTTY?: boolean },
): Promise<string | undefined> {
  if (env.COGNITO_CLIENT_SECRET) return env.COGNITO_CLIENT_SECRET;
  if (stdin.isTTY) return undefined;
  let text = '';
  for await (const chunk of stdin) text += chunk.toString();
  return text.replace(/\r?\n$/, '') || undefined;
}

/**
 * The text of `--users-file`: the file, or standard input for `-`. At most MAX_USERS_FILE_BYTES are
 * read: a larger input is refused before any request.
 */
export async function readUsersFile(path: string, stdin: AsyncIterable<string | Buffer>): Promise<string> {
  const tooLong = () =>
    new UsageError(`--users-file ${path}: more than ${MAX_USERS_FILE_BYTES} bytes; split it into smaller batches.`);
  // Counted as read, not by the file's size: a pipe or <(command) has none.
  const capped = async (input: AsyncIterable<string | Buffer>) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of input) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > MAX_USERS_FILE_BYTES) throw tooLong();
      chunks.push(bytes);
    }
    return Buffer.concat(chunks).toString('utf8');
  };
  if (path === '-') return capped(stdin);
  const [{ stat }, { createReadStream }] = await Promise.all([import('node:fs/promises'), import('node:fs')]);
  try {
    const file = await stat(path);
    if (file.isDirectory())
      throw new UsageError(`--users-file ${path} is a directory: give a file of users, one a line.`);
    if (file.size > MAX_USERS_FILE_BYTES) throw tooLong();
    const stream = createReadStream(path);
    try {
      return await capped(stream);
    } finally {
      stream.destroy();
    }
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(
      `--users-file ${path}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).`,
    );
  }
}
