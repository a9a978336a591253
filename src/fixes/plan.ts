import type { Finding } from '../checks/types.js';
import type { Context } from '../context/index.js';
import { activeMfa } from '../domain/user-resolution.js';
import { fixersFor } from './registry.js';
import type { FixFacts, FixRecord, FixStatus, FixStep } from './types.js';

/**
 * The steps --fix would take, in checklist order, one per distinct command: only for findings that
 * block the reset as the report states them (`fail`). A warning, or a failure of the channel Cognito
 * will not use (the report calls it not blocking), is left alone. Reads only memoised facts, and the
 * search for other accounts holding a contact before one is marked verified.
 */
export async function planFixes(findings: readonly Finding[], ctx: Context): Promise<FixStep[]> {
  const fixable = findings.filter((f) => f.status === 'fail' && fixersFor(f.code).length);
  if (!fixable.length) return [];
  const facts = await factsFor(ctx);
  if (!facts) return [];
  const steps: FixStep[] = [];
  for (const finding of fixable) {
    for (const fixer of fixersFor(finding.code)) {
      const step = await fixer.plan(finding, facts).catch(() => undefined);
      // Two causes with one remedy (FORCE_CHANGE_PASSWORD and an expired temporary password) make one step.
      if (step && !steps.some((s) => s.command === step.command)) steps.push(step);
    }
  }
  return steps;
}

async function factsFor(ctx: Context): Promise<FixFacts | undefined> {
  try {
    const [resolution, pool] = await Promise.all([ctx.user(), ctx.pool()]);
    const user = resolution.user;
    if (!user?.Username) return undefined;
    return {
      ctx,
      user,
      username: user.Username,
      attributes: resolution.attributes,
      pool,
      mfa: activeMfa(user, pool.MfaConfiguration),
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
