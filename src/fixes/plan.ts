import type { Finding } from '../checks/types.js';
import type { Context } from '../context/index.js';
import { activeMfa } from '../domain/user-resolution.js';
import { fixersFor } from './registry.js';
import type { FixFacts, FixRecord, FixStatus, FixStep } from './types.js';

/**
 * The steps --fix would take for the warn/fail findings, in checklist order, one per distinct
 * command. Reads only facts the checklist already read (memoised): planning sends no request.
 */
export async function planFixes(findings: readonly Finding[], ctx: Context): Promise<FixStep[]> {
  const fixable = findings.filter((f) => (f.status === 'fail' || f.status === 'warn') && fixersFor(f.code).length);
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
    action: step.action,
    region: step.region,
    status,
    ...(message ? { message } : {}),
  };
}
