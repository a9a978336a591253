import type { Channel, Check, Finding } from '../checks/types.js';
import type { Context } from '../context/index.js';
import { activeMfa, ambiguousMatch } from '../domain/user-resolution.js';
import { fixersFor } from './registry.js';
import type { FixFacts, FixRecord, FixStatus, FixStep } from './types.js';

/**
 * The steps --fix would take, in checklist order, one per distinct command: only for findings that
 * block the reset as the report states them (`fail`). A warning, or a failure of the channel Cognito
 * will not use (the report calls it not blocking), is left alone. Reads only memoised facts, and the
 * search for other accounts holding a contact before one is marked verified. `failing` names the
 * channels whose own checks fail, whether or not Cognito uses them for this flow (failingChannels).
 */
export async function planFixes(
  findings: readonly Finding[],
  ctx: Context,
  failing: FixFacts['failing'] = {},
): Promise<FixStep[]> {
  const fixable = findings.filter((f) => f.status === 'fail' && fixersFor(f.code).length);
  if (!fixable.length) return [];
  const facts = await factsFor(ctx, failing);
  if (!facts) return [];
  const steps: FixStep[] = [];
  for (const finding of fixable) {
    for (const fixer of fixersFor(finding.code)) {
      const planned = await fixer.plan(finding, facts).catch(() => undefined);
      const step = planned && facts.ambiguous ? refuseAmbiguous(planned, facts) : planned;
      // Two causes with one remedy (FORCE_CHANGE_PASSWORD and an expired temporary password) make one step.
      if (step && !steps.some((s) => s.command === step.command)) steps.push(step);
    }
  }
  return steps;
}

/**
 * The failing findings of each channel's own checks, as the checks found them: a failure the report
 * calls not blocking (Cognito sends this flow's code by the other channel) still stops a message sent
 * by that channel, such as a resent invitation.
 */
export function failingChannels(findings: readonly Finding[], checks: readonly Check[]): FixFacts['failing'] {
  const failing: Partial<Record<Channel, string[]>> = {};
  for (const f of findings) {
    const scope = checks.find((c) => c.id === f.check)?.scope;
    if (f.status !== 'fail' || (scope !== 'EMAIL' && scope !== 'SMS')) continue;
    (failing[scope] ??= []).push(f.code ?? f.check);
  }
  return failing;
}

/** The address or number a step writes to when it writes to no user: an unsuppressed address, an opted-in number. */
function contactOf(input: Readonly<Record<string, unknown>>): string | undefined {
  const value = input.EmailAddress ?? input.phoneNumber ?? input.OptedOutNumber;
  return typeof value === 'string' ? value : undefined;
}

/**
 * A write, when the input names none of the accounts it matched: which one the person owns is not
 * known, so none of them is changed, nor another address or number of the one diagnosed. Only a step on
 * the very address or number the ticket names (the input) stays: it is the same for every holder.
 */
function refuseAmbiguous(step: FixStep, facts: FixFacts): FixStep {
  if (!facts.ambiguous) return step;
  const input = facts.ctx.target.input;
  const contact = contactOf(step.request.input);
  if (!('Username' in step.request.input) && contact?.toLowerCase() === input.toLowerCase()) return step;
  const { candidates, truncated } = facts.ambiguous;
  const accounts = candidates
    .map((u) => `${u.Username} (${u.UserStatus}${u.Enabled === false ? ', disabled' : ''})`)
    .join(', ');
  const { alternative: _none, ...alone } = step;
  return {
    ...alone,
    refused: `Refused: "${input}" matches ${truncated ? 'at least ' : ''}${candidates.length} accounts, ${accounts}, and names none of them: ${facts.username} was diagnosed, but which account the person owns is not known, and --fix changes no account, nor its address or number, on a guess. Find out which one they use, then run again with its username in place of "${input}".`,
  };
}

async function factsFor(ctx: Context, failing: FixFacts['failing']): Promise<FixFacts | undefined> {
  try {
    const [resolution, pool] = await Promise.all([ctx.user(), ctx.pool()]);
    const user = resolution.user;
    if (!user?.Username) return undefined;
    const candidates = ambiguousMatch(resolution.via, resolution.candidates, resolution.candidatesTruncated === true);
    return {
      ctx,
      user,
      username: user.Username,
      attributes: resolution.attributes,
      pool,
      mfa: activeMfa(user, pool.MfaConfiguration),
      failing,
      ...(candidates ? { ambiguous: { candidates, truncated: resolution.candidatesTruncated === true } } : {}),
    };
  } catch {
    // The user or pool could not be read: the findings say so, and nothing can be fixed.
    return undefined;
  }
}

export function fixRecord(step: FixStep, status: FixStatus, message?: string): FixRecord {
  return {
    code: step.code,
    check: step.check,
    summary: step.summary,
    command: step.command,
    action: step.request.action,
    region: step.request.region,
    input: JSON.parse(JSON.stringify(step.request.input)) as Record<string, unknown>,
    status,
    ...(message ? { message } : {}),
  };
}

/** A step of --dry-run: what --fix would do, and what it asks first. */
export function plannedRecord(step: FixStep): FixRecord {
  const notes = [
    step.needs === 'explicit' &&
      "--fix asks for this step's own confirmation at a terminal; --yes does not confirm it.",
    step.needs === 'secret' && '--fix asks for the password at a terminal; --yes skips it.',
    step.alternative &&
      `At a terminal, declining this offers instead: ${step.alternative.summary} (${step.alternative.command}).`,
  ].filter((n): n is string => typeof n === 'string');
  return fixRecord(step, 'planned', notes.join(' ') || undefined);
}
