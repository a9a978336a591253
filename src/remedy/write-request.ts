// One write to AWS described once, as data: the action, the Region and the input. The printed `aws`
// line, the JSON report's `remediation.requests` and the SDK request of --fix are all made from it,
// so what the report tells a person to run is exactly what --fix sends.

import type { IamAction, ServiceName } from '../aws/services.js';
import { asText } from '../domain/text.js';

/** A value the operator supplies (a password): never in argv, the report or a file. */
export class Placeholder {
  constructor(
    /** The shell variable the printed command reads: `NEW_PASSWORD`. */
    readonly name: string,
    /** What to put in it, said next to the command. */
    readonly means: string,
  ) {}

  /** In the JSON report: `${NEW_PASSWORD}`, explained under `placeholders`. */
  toJSON(): string {
    return `\${${this.name}}`;
  }
}

/** One structure of a list input (`{Name, Value}`); a value may be the operator's. */
export type Structure = Readonly<Record<string, string | Placeholder>>;

export type InputValue = string | number | boolean | Placeholder | readonly string[] | readonly Structure[];

export interface WriteRequest {
  /** `cognito-idp:AdminEnableUser`: the IAM action, which also names the API operation. */
  action: IamAction;
  region: string;
  /** The API input, member names as the API reference spells them. */
  input: Readonly<Record<string, InputValue>>;
  /** Said next to the command wherever it is printed (marking a contact verified, …). */
  warning?: string;
}

/** One write of a remediation: what a runbook replays through any SDK. */
export interface PublishedRequest {
  action: IamAction;
  region: string;
  /** The API input; an operator-supplied value appears as `${NAME}` (see `placeholders`). */
  input: Record<string, unknown>;
  /** The printed `aws` line, made from the same description. */
  command: string;
  /** What the operator asserts or risks by running it. */
  warning?: string;
  /** Each `${NAME}` in `input` (and shell variable in `command`): what to set it to. */
  placeholders?: Record<string, string>;
}

/** How the `aws` CLI names each service we write to (SES writes go through the v2 API). */
const CLI_SERVICE: Partial<Record<ServiceName, string>> = {
  'cognito-idp': 'cognito-idp',
  ses: 'sesv2',
  sns: 'sns',
  'sms-voice': 'pinpoint-sms-voice-v2',
};

export function operationOf(action: IamAction): string {
  return action.slice(action.indexOf(':') + 1);
}

export function serviceOf(action: IamAction): ServiceName {
  return action.slice(0, action.indexOf(':')) as ServiceName;
}

/** `AdminUpdateUserAttributes` → `admin-update-user-attributes`; `phoneNumber` → `phone-number`. */
function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** An argument left to the shell unquoted, such as `"${NEW_PASSWORD:?set NEW_PASSWORD}"`. */
export interface RawArg {
  raw: string;
}

const SHORTHAND_SAFE = /^[A-Za-z0-9_@+.:/-]*$/;

/** A placeholder as the shell reads it: a missing value stops the shell before the command runs, instead of sending "". */
function guarded(p: Placeholder): string {
  return `"\${${p.name}:?set ${p.name}}"`;
}

/**
 * An option and its value as the aws CLI parses them: `--username=-rf` when the value starts with
 * `-`, which the CLI would otherwise take for an option ("expected one argument").
 */
export function optionArgs(flag: string, value: string): string[] {
  return value.startsWith('-') ? [`${flag}=${value}`] : [flag, value];
}

/**
 * A list of structures in the CLI's shorthand when every value allows it (a placeholder as the
 * guarded shell variable), JSON otherwise.
 */
function structures(items: readonly Structure[]): (string | RawArg)[] {
  const simple = items.every((item) =>
    Object.values(item).every((v) => v instanceof Placeholder || SHORTHAND_SAFE.test(v)),
  );
  if (!simple) {
    if (items.some((item) => Object.values(item).some((v) => v instanceof Placeholder))) {
      throw new Error('a placeholder in a structure needs shorthand-safe values beside it');
    }
    return [JSON.stringify(items)];
  }
  return items.map((item) => {
    const pairs = Object.entries(item).map(([k, v]) => (v instanceof Placeholder ? `${k}=${guarded(v)}` : `${k}=${v}`));
    return { raw: pairs.join(',') };
  });
}

/** The placeholders of an input, at the top level or inside its structures. */
function placeholdersIn(value: unknown): Placeholder[] {
  if (value instanceof Placeholder) return [value];
  if (Array.isArray(value)) return value.flatMap(placeholdersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(placeholdersIn);
  return [];
}

/** The `aws` arguments for a request, without `--region` and `--profile`. */
export function cliArgs(request: WriteRequest): (string | RawArg)[] {
  const service = CLI_SERVICE[serviceOf(request.action)];
  if (!service) throw new Error(`no aws CLI service for ${request.action}`);
  const args: (string | RawArg)[] = [service, kebab(operationOf(request.action))];
  for (const [name, value] of Object.entries(request.input)) {
    const flag = `--${kebab(name)}`;
    if (typeof value === 'boolean') args.push(value ? flag : `--no-${kebab(name)}`);
    // Joined with `=`: a value the operator sets may start with `-` too (a password).
    else if (value instanceof Placeholder) args.push({ raw: `${flag}=${guarded(value)}` });
    else if (Array.isArray(value)) {
      const list = value as readonly (string | Structure)[];
      if (!list.every((v) => typeof v === 'string')) args.push(flag, ...structures(list as Structure[]));
      // A list whose first value starts with `-` goes as JSON, which the CLI never takes for an option.
      else args.push(flag, ...(list.some((v) => v.startsWith('-')) ? [JSON.stringify(list)] : list));
    } else args.push(...optionArgs(flag, asText(value)));
  }
  return args;
}

/** The placeholders a request reads, by name: what `remediation.requests[].placeholders` explains. */
export function placeholdersOf(request: WriteRequest): Record<string, string> {
  return Object.fromEntries(placeholdersIn(request.input).map((p) => [p.name, p.means]));
}

/** The input as the SDK sends it, with each placeholder replaced by the operator's value. */
export function sdkInput(
  request: WriteRequest,
  values: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  const fill = (v: unknown): unknown => {
    if (v instanceof Placeholder) {
      const value = values[v.name];
      if (value === undefined) throw new Error(`no value for ${v.name}`);
      return value;
    }
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return fill(request.input) as Record<string, unknown>;
}

/**
 * Writes whose effect is not safe to repeat: a second invitation mails another temporary password,
 * a second password set can break the password history, an opt-in is allowed once in 30 days.
 * They are sent once, with no SDK retry.
 */
const NOT_REPEATABLE: ReadonlySet<string> = new Set([
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminSetUserPassword',
  'sns:OptInPhoneNumber',
  'sms-voice:DeleteOptedOutNumber',
]);

export function repeatable(action: IamAction): boolean {
  return !NOT_REPEATABLE.has(action);
}
