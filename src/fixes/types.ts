import type { AdminGetUserCommandOutput, UserPoolType, UserType } from '@aws-sdk/client-cognito-identity-provider';
import type { AwsCaller } from '../aws/caller.js';
import type { IamAction } from '../aws/services.js';
import type { CauseCode } from '../causes.js';
import type { Channel, Finding } from '../checks/types.js';
import type { Context } from '../context/index.js';
import type { WriteRequest } from '../remedy/write-request.js';

/** Who answers the questions of --fix: a person at a terminal, or `--yes`. */
export interface Operator {
  /** A person answers: only then can a password be typed. */
  readonly interactive: boolean;
  /** Ask a yes/no question; `--yes` answers yes and says so. */
  confirm(question: string): Promise<boolean>;
  /** Read a secret without echo (interactive only). */
  secret(question: string): Promise<string>;
}

export interface ApplyContext {
  aws: AwsCaller;
  operator: Operator;
  /** Aborted by Ctrl-C (SIGINT, SIGTERM, SIGHUP): no step is started after it. */
  interrupt?: AbortSignal;
}

/** One change cognito-doctor can make itself: one write, printed as one exact `aws` line. */
export interface FixStep {
  /** The finding it fixes. */
  code: CauseCode;
  check: string;
  /** What it does, in a few words: "Enable user jane". */
  summary: string;
  /** The write, as the finding's remediation published it: the one description of this step. */
  request: WriteRequest;
  /** The `aws` line made from `request` (a secret appears as a shell variable). */
  command: string;
  /** Said before asking: what the operator asserts by saying yes. */
  caution?: string;
  /** Why the cause may still be reported after the step was applied. */
  afterwards?: string;
  /**
   * What `--yes` cannot answer for: `secret` (a password typed at the prompt), `explicit` (the step
   * overrides someone else's choice, such as an SMS opt-out: its own question at a terminal).
   */
  needs?: 'secret' | 'explicit';
  /** Set when the step must not be applied: why, and what to do instead. Never sent. */
  refused?: string;
  /** Offered to a person who declines this step. */
  alternative?: FixStep;
}

/** The account facts a fix needs, all already read by the checklist (no new requests). */
export interface FixFacts {
  ctx: Context;
  /** The resolved user's AdminGetUser record. */
  user: AdminGetUserCommandOutput;
  username: string;
  attributes: Readonly<Record<string, string>>;
  pool: UserPoolType;
  /** MFA methods in force for the user. */
  mfa: readonly string[];
  /** The codes of the failing findings of each channel's own checks: a message sent by it would not arrive. */
  failing: Readonly<Partial<Record<Channel, readonly string[]>>>;
  /** The input names none of the several accounts it matched: the user was picked, not named. */
  ambiguous?: { candidates: readonly UserType[]; truncated: boolean };
}

/** The fix for some finding codes; `plan` returns undefined when the facts leave nothing to do. */
export interface Fixer {
  readonly codes: readonly CauseCode[];
  /** Every IAM action its steps may need. */
  readonly actions: readonly IamAction[];
  plan(finding: Finding, facts: FixFacts): Promise<FixStep | undefined>;
}

/** `unknown`: the write was sent but its reply was lost; the re-check shows what happened. */
export type FixStatus = 'planned' | 'applied' | 'failed' | 'unknown' | 'declined' | 'skipped' | 'refused';

/** One step as reported under `fixes`. */
export interface FixRecord extends Pick<FixStep, 'code' | 'check' | 'summary' | 'command'> {
  action: IamAction;
  region: string;
  /** The API input sent (or that would be): a typed secret appears as `${NAME}`. */
  input: Record<string, unknown>;
  status: FixStatus;
  /** Why it failed, was declined, skipped or refused, or what is left to do after it was applied. */
  message?: string;
}

/** Whether any step sent a write (so the account may have changed and is checked again). */
export function sentAny(records: readonly FixRecord[]): boolean {
  return records.some((r) => r.status === 'applied' || r.status === 'failed' || r.status === 'unknown');
}
