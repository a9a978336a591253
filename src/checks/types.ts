import type { FailureKind } from '../aws/errors.js';
import type { IamAction } from '../aws/services.js';
import type { CauseCode } from '../causes.js';
import type { Context } from '../context/index.js';
import type { PublishedRequest } from '../remedy/write-request.js';

export type Status = 'pass' | 'info' | 'warn' | 'fail' | 'skip' | 'error';
export type Channel = 'EMAIL' | 'SMS';

/** JSON values keyed by the API field that proves them: `AdminGetUser.UserStatus`. */
export type Evidence = Record<string, unknown>;

export interface Remediation {
  text: string;
  /** Exact, shell-quoted `aws` lines with the real ids (see `aws` in ./remedy.ts). */
  commands: string[];
  docs: string[];
  /** The writes among `commands`, as data, in the same order. */
  requests?: PublishedRequest[];
  /** The commands are alternatives (resend the invitation *or* set a password): run one. */
  choice?: true;
}

/** What a check returns for one cause. `error` is never returned: the runner assigns it. */
export interface Outcome {
  status: Exclude<Status, 'error'>;
  /** A cause id from the catalogue (src/causes.ts); required unless `pass`/`skip`. */
  code?: CauseCode;
  message: string;
  evidence?: Evidence;
  remediation?: Remediation;
}

/**
 * Which verdict a check speaks for: `core` checks decide whether the reset can happen at all; a
 * channel check matters only when Cognito picks that channel (otherwise it can only warn); `advice`
 * never makes the verdict inconclusive.
 */
export type Scope = 'core' | Channel | 'advice';

export interface Check {
  readonly id: string;
  /** The healthy state, as a person would say it: "The user exists". */
  readonly title: string;
  readonly scope: Scope;
  /** Earlier checks whose facts this one needs; skipped when one of them errored or was skipped. */
  readonly dependsOn?: readonly string[];
  /** Every cause code this check can report. */
  readonly codes: readonly CauseCode[];
  /** Every IAM action this check may read (the source of iam/diagnose-policy.json). */
  readonly reads: readonly IamAction[];
  readonly docs: readonly string[];
  /** Codes for reads this check cannot make, where a generic one would say less (`pool-not-found`). */
  readonly errorCodes?: Partial<Record<FailureKind, CauseCode>>;
  run(ctx: Context): Promise<Outcome | Outcome[]>;
}

/** A check's outcome as reported: what `--output json` prints under `findings`. */
export interface Finding {
  check: string;
  status: Status;
  code?: CauseCode;
  title: string;
  message: string;
  evidence: Evidence;
  remediation?: Remediation;
}
