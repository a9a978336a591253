import type { AdminGetUserCommandOutput, UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { AwsCaller } from '../aws/caller.js';
import type { IamAction } from '../aws/services.js';
import type { CauseCode } from '../causes.js';
import type { Finding } from '../checks/types.js';
import type { Context } from '../context/index.js';

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
}

/** One change cognito-doctor can make itself, equivalent to one exact `aws` command. */
export interface FixStep {
  /** The finding it fixes. */
  code: CauseCode;
  check: string;
  /** What it does, in a few words: "Enable user jane". */
  summary: string;
  /** The exact `aws` line that does the same (a secret appears as a shell variable). */
  command: string;
  /** The one IAM action it needs (the source of iam/fix-policy.json). */
  action: IamAction;
  region: string;
  /** Said before asking: what the operator asserts by saying yes. */
  caution?: string;
  /** Why the cause may still be reported after the step was applied. */
  afterwards?: string;
  /** Needs a person at the prompt (a password is typed): never applied with --yes alone. */
  interactiveOnly?: boolean;
  /** Offered to a person who declines this step. */
  alternative?: FixStep;
  apply(run: ApplyContext): Promise<void>;
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
}

/** The fix for some finding codes; `plan` returns undefined when the facts leave nothing to do. */
export interface Fixer {
  readonly codes: readonly CauseCode[];
  /** Every IAM action its steps may need. */
  readonly actions: readonly IamAction[];
  plan(finding: Finding, facts: FixFacts): Promise<FixStep | undefined>;
}

export type FixStatus = 'planned' | 'applied' | 'failed' | 'declined' | 'skipped';

/** One step as reported under `fixes`. */
export interface FixRecord extends Pick<FixStep, 'code' | 'check' | 'summary' | 'command' | 'action' | 'region'> {
  status: FixStatus;
  /** Why it failed, was declined or skipped, or what is left to do after it was applied. */
  message?: string;
}
