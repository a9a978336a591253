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

export type InputValue =
  string | number | boolean | Placeholder | readonly string[] | readonly Record<string, string>[];

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

/** A list of structures in the CLI's shorthand when every value allows it, JSON otherwise. */
function structures(items: readonly Record<string, string>[]): string[] {
  const simple = items.every((item) => Object.values(item).every((v) => SHORTHAND_SAFE.test(v)));
  if (!simple) return [JSON.stringify(items)];
  return items.map((item) =>
    Object.entries(item)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
  );
}

/** The `aws` arguments for a request, without `--region` and `--profile`. */
export function cliArgs(request: WriteRequest): (string | RawArg)[] {
  const service = CLI_SERVICE[serviceOf(request.action)];
  if (!service) throw new Error(`no aws CLI service for ${request.action}`);
  const args: (string | RawArg)[] = [service, kebab(operationOf(request.action))];
  for (const [name, value] of Object.entries(request.input)) {
    const flag = `--${kebab(name)}`;
    if (typeof value === 'boolean') args.push(value ? flag : `--no-${kebab(name)}`);
    else if (value instanceof Placeholder) {
      // A missing value stops the shell before the command runs, instead of sending "".
      args.push(flag, { raw: `"\${${value.name}:?set ${value.name}}"` });
    } else if (Array.isArray(value)) {
      const list = value as readonly (string | Record<string, string>)[];
      const strings = list.every((v) => typeof v === 'string');
      args.push(flag, ...(strings ? (list as string[]) : structures(list as Record<string, string>[])));
    } else args.push(flag, asText(value));
  }
  return args;
}

/** The placeholders a request reads, by name: what `remediation.requests[].placeholders` explains. */
export function placeholdersOf(request: WriteRequest): Record<string, string> {
  const found = Object.values(request.input).filter((v): v is Placeholder => v instanceof Placeholder);
  return Object.fromEntries(found.map((p) => [p.name, p.means]));
}

/** The input as the SDK sends it, with each placeholder replaced by the operator's value. */
export function sdkInput(
  request: WriteRequest,
  values: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(request.input).map(([k, v]) => {
      if (!(v instanceof Placeholder)) return [k, v];
      const value = values[v.name];
      if (value === undefined) throw new Error(`no value for ${v.name}`);
      return [k, value];
    }),
  );
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
