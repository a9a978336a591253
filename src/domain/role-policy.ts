// Just enough IAM policy evaluation to prove what Cognito needs from its SMS role: a trust policy that
// lets cognito-idp.amazonaws.com assume it (with the pool's ExternalId), and an Allow for the send
// action without an explicit Deny. Pure functions over decoded policy documents, unit-tested.

export interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function statementsOf(doc: { Statement?: unknown } | undefined): Statement[] {
  // The document is JSON from AWS: keep only the entries that are objects.
  return list(doc?.Statement).filter((s): s is Statement => typeof s === 'object' && s !== null);
}

/** IAM wildcard match: `*` any run, `?` one character. */
export function wildcard(pattern: string, value: string, ignoreCase = false): boolean {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, ignoreCase ? 'i' : '').test(value);
}

const actionMatches = (s: Statement, action: string) => list(s.Action).some((a) => wildcard(a, action, true));

export interface TrustContext {
  service: string;
  /** The ExternalId the pool sends when it assumes the role (none: the key is absent). */
  externalId?: string;
  accountId?: string;
  poolArn?: string;
}

export interface TrustVerdict {
  ok: boolean;
  /** Why not, in words for the report. */
  problem?: string;
}

function principalServices(principal: unknown): string[] | '*' {
  if (principal === '*') return '*';
  if (!principal || typeof principal !== 'object') return [];
  const p = principal as Record<string, unknown>;
  if (list(p.AWS as string | string[]).includes('*')) return '*';
  return list(p.Service as string | string[]);
}

/** The request context value of a condition key Cognito's AssumeRole carries, or null when unknown. */
function contextValue(key: string, ctx: TrustContext): string | undefined | null {
  switch (key.toLowerCase()) {
    case 'sts:externalid':
      return ctx.externalId;
    case 'aws:sourceaccount':
      return ctx.accountId;
    case 'aws:sourcearn':
      return ctx.poolArn;
    default:
      return null;
  }
}

const OPERATORS: Record<string, (pattern: string, value: string) => boolean> = {
  stringequals: (p, v) => p === v,
  stringequalsignorecase: (p, v) => p.toLowerCase() === v.toLowerCase(),
  stringlike: (p, v) => wildcard(p, v),
  arnequals: (p, v) => p === v,
  arnlike: (p, v) => wildcard(p, v),
};

/** The first condition of a statement the AssumeRole request fails, in words; undefined when all hold. */
function failedCondition(s: Statement, ctx: TrustContext): string | undefined {
  for (const [operator, entries] of Object.entries(s.Condition ?? {})) {
    const test = OPERATORS[operator.toLowerCase()];
    for (const [key, expected] of Object.entries(entries)) {
      const actual = contextValue(key, ctx);
      // Keys and operators this tool cannot evaluate are not held against the role.
      if (!test || actual === null) continue;
      const wanted = list(expected);
      if (actual === undefined) return `requires ${key} ${operator} ${wanted.join(' or ')}, but the request has none`;
      if (!wanted.some((w) => test(w, actual))) {
        return `requires ${key} ${operator} ${wanted.join(' or ')}, but Cognito sends ${actual}`;
      }
    }
  }
  return undefined;
}

export function evaluateTrust(doc: { Statement?: unknown } | undefined, ctx: TrustContext): TrustVerdict {
  const statements = statementsOf(doc).filter((s) => actionMatches(s, 'sts:AssumeRole'));
  const forService = statements.filter((s) => {
    const services = principalServices(s.Principal);
    return services === '*' || services.includes(ctx.service);
  });
  const denied = forService.find((s) => s.Effect === 'Deny' && !failedCondition(s, ctx));
  if (denied) return { ok: false, problem: `a Deny statement${denied.Sid ? ` (${denied.Sid})` : ''} refuses it` };
  const allows = forService.filter((s) => s.Effect === 'Allow');
  if (!allows.length) {
    const others = statements.flatMap((s) => {
      const services = principalServices(s.Principal);
      const federated = (s.Principal as { Federated?: string | string[] } | undefined)?.Federated;
      return [...(services === '*' ? [] : services), ...list(federated)];
    });
    return {
      ok: false,
      problem: `no statement lets ${ctx.service} call sts:AssumeRole${others.length ? ` (it trusts ${[...new Set(others)].join(', ')})` : ''}`,
    };
  }
  const failures = allows.map((s) => failedCondition(s, ctx));
  if (failures.some((f) => f === undefined)) return { ok: true };
  return { ok: false, problem: `the statement for ${ctx.service} ${failures[0]}` };
}

export interface PermissionVerdict {
  allowed: boolean;
  /** The policy that allows it, or the one whose explicit Deny wins. */
  by?: string;
  deniedBy?: string;
}

/**
 * Whether identity policies allow `action` on `resource` (an explicit Deny wins). Conditions on the
 * permission statements are not evaluated: Cognito's send has no context this tool can know.
 */
export function evaluatePermission(
  policies: { source: string; document: { Statement?: unknown } | undefined }[],
  action: string,
  resource = '*',
): PermissionVerdict {
  const matches = (s: Statement) =>
    actionMatches(s, action) && list(s.Resource).some((r) => r === '*' || wildcard(r, resource));
  const deny = policies.find((p) => statementsOf(p.document).some((s) => s.Effect === 'Deny' && matches(s)));
  if (deny) return { allowed: false, deniedBy: deny.source };
  const allow = policies.find((p) => statementsOf(p.document).some((s) => s.Effect === 'Allow' && matches(s)));
  return allow ? { allowed: true, by: allow.source } : { allowed: false };
}
