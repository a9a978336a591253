import type { FailureKind } from '../aws/errors.js';
import type { IamAction } from '../aws/services.js';
import type { CauseCode } from '../causes.js';
import type { ConsoleLink } from '../domain/console-links.js';
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

/**
 * One source a check could not read while it went on with the others (see ./unread.ts): which action,
 * which error, and what the read would have shown. What the other sources proved stays reported.
 */
export interface Unread {
  action: string;
  region: string;
  errorCode: string;
  /** What the read would have shown, as a question: "whether SNS logged a failed SMS to this number". */
  wouldShow: string;
}

/**
 * What a check returns for one cause. `error` comes only with `unread` (one source failed, the check
 * went on); a check that cannot go on throws, and the runner makes the whole check `error`.
 */
export interface Outcome {
  status: Status;
  /** A cause id from the catalogue (src/causes.ts); required unless `pass`/`skip`. */
  code?: CauseCode;
  message: string;
  evidence?: Evidence;
  remediation?: Remediation;
  unread?: Unread;
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
  /** What stays unknown when the check cannot run, as a question; else "whether" and the title. */
  readonly unknown?: string;
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
  /** Set on an `error` finding for one source the check could not read; its other findings stand. */
  unread?: Unread;
  /** The AWS console pages of the resources it names (src/domain/console-links.ts); not with --no-links. */
  links?: ConsoleLink[];
}
