// Does an SES identity's sending-authorization policy let Cognito's default sender use it? Cognito sends as
// the service principal `email.cognito-idp.amazonaws.com` on behalf of the pool (aws:SourceArn) and its
// account (aws:SourceAccount). This evaluates the statements the way IAM does for that one request:
// an explicit Deny wins, then any Allow. Conditions it cannot evaluate make the answer `unverifiable`
// rather than a guess.

export const COGNITO_EMAIL_PRINCIPAL = 'email.cognito-idp.amazonaws.com';
const SEND_ACTIONS = ['ses:SendEmail', 'ses:SendRawEmail'];

export interface SendingRequest {
  /** The SES identity ARN the pool sends from (`SourceArn`). */
  identityArn: string;
  /** The user pool ARN, the value of aws:SourceArn. */
  poolArn: string;
  /** The pool's account, the value of aws:SourceAccount. */
  account: string;
}

export interface AuthorizationVerdict {
  verdict: 'allowed' | 'denied' | 'missing' | 'unverifiable';
  /** The policy (by name) and statement (Sid or index) that decided it. */
  policy?: string;
  statement?: string;
  reason: string;
}

interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  /** JSON from AWS: a block may be anything, null included. */
  Condition?: Record<string, Record<string, unknown> | null>;
}

type Match = 'yes' | 'no' | 'unknown';

/** `policies`: GetEmailIdentity `Policies`, name → policy JSON text. */
export function cognitoSendingAuthorization(
  policies: Record<string, string> | undefined,
  request: SendingRequest,
): AuthorizationVerdict {
  const entries = Object.entries(policies ?? {});
  if (!entries.length) return { verdict: 'missing', reason: 'the identity has no sending-authorization policy' };
  let allow: AuthorizationVerdict | undefined;
  let unknownDeny: AuthorizationVerdict | undefined;
  let unknownAllow: AuthorizationVerdict | undefined;
  for (const [name, text] of entries) {
    const statements = parseStatements(text);
    if (!statements) {
      unknownDeny ??= { verdict: 'unverifiable', policy: name, reason: `policy "${name}" is not valid JSON` };
      continue;
    }
    for (const [i, s] of statements.entries()) {
      const where = { policy: name, statement: s.Sid ?? `#${i + 1}` };
      const applies = all(
        principalMatches(s),
        actionMatches(s),
        resourceMatches(s, request),
        conditionsMatch(s, request),
      );
      const effect = s.Effect?.toLowerCase();
      if (effect === 'deny' && applies === 'yes')
        return { verdict: 'denied', ...where, reason: `statement ${where.statement} of policy "${name}" denies it` };
      if (applies === 'unknown') {
        const verdict: AuthorizationVerdict = {
          verdict: 'unverifiable',
          ...where,
          reason: `statement ${where.statement} of policy "${name}" has elements this tool cannot evaluate`,
        };
        if (effect === 'deny') unknownDeny ??= verdict;
        else unknownAllow ??= verdict;
      }
      if (effect === 'allow' && applies === 'yes')
        allow ??= {
          verdict: 'allowed',
          ...where,
          reason: `statement ${where.statement} of policy "${name}" allows it`,
        };
    }
  }
  // An unevaluated Deny could still override an Allow; an unevaluated Allow could be the one that grants.
  if (unknownDeny) return unknownDeny;
  if (allow) return allow;
  if (unknownAllow) return unknownAllow;
  return {
    verdict: 'missing',
    reason: `no statement allows ${COGNITO_EMAIL_PRINCIPAL} to send from this identity for this pool`,
  };
}

/** The policy a fix should attach, scoped to this pool and account (the developer guide's example). */
export function cognitoSendingPolicy(request: SendingRequest): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowCognitoToSendForThisPool',
        Effect: 'Allow',
        Principal: { Service: [COGNITO_EMAIL_PRINCIPAL] },
        Action: SEND_ACTIONS,
        Resource: request.identityArn,
        Condition: {
          StringEquals: { 'aws:SourceAccount': request.account },
          ArnLike: { 'aws:SourceArn': request.poolArn },
        },
      },
    ],
  });
}

function parseStatements(text: string): Statement[] | undefined {
  try {
    const doc = JSON.parse(text) as { Statement?: unknown };
    const s = doc.Statement;
    if (Array.isArray(s)) return s as Statement[];
    return s && typeof s === 'object' ? [s] : [];
  } catch {
    return undefined;
  }
}

function list(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function all(...matches: Match[]): Match {
  if (matches.includes('no')) return 'no';
  return matches.includes('unknown') ? 'unknown' : 'yes';
}

function principalMatches(s: Statement): Match {
  if (s.NotPrincipal !== undefined) return 'unknown';
  const p = s.Principal;
  if (p === '*') return 'yes';
  if (!p || typeof p !== 'object') return 'no';
  const byType = p as Record<string, unknown>;
  if (list(byType.AWS).includes('*')) return 'yes';
  return list(byType.Service).some((svc) => svc.toLowerCase() === COGNITO_EMAIL_PRINCIPAL) ? 'yes' : 'no';
}

function actionMatches(s: Statement): Match {
  if (s.NotAction !== undefined) return 'unknown';
  const patterns = list(s.Action);
  return SEND_ACTIONS.some((a) => patterns.some((p) => glob(p, a, true))) ? 'yes' : 'no';
}

function resourceMatches(s: Statement, r: SendingRequest): Match {
  if (s.NotResource !== undefined) return 'unknown';
  const patterns = list(s.Resource);
  if (!patterns.length) return 'unknown';
  return patterns.some((p) => glob(p, r.identityArn, false)) ? 'yes' : 'no';
}

const STRING_OPERATORS: Record<string, (pattern: string, value: string) => boolean> = {
  stringequals: (p, v) => p === v,
  stringequalsignorecase: (p, v) => p.toLowerCase() === v.toLowerCase(),
  stringlike: (p, v) => glob(p, v, false),
  arnequals: (p, v) => p === v,
  arnlike: (p, v) => glob(p, v, false),
  stringnotequals: (p, v) => p !== v,
  stringnotlike: (p, v) => !glob(p, v, false),
  arnnotequals: (p, v) => p !== v,
  arnnotlike: (p, v) => !glob(p, v, false),
};

function conditionsMatch(s: Statement, r: SendingRequest): Match {
  const context: Record<string, string> = { 'aws:sourcearn': r.poolArn, 'aws:sourceaccount': r.account };
  const results: Match[] = [];
  for (const [rawOperator, block] of Object.entries(s.Condition ?? {})) {
    const operator = rawOperator.toLowerCase().replace(/ifexists$/, '');
    const test = STRING_OPERATORS[operator];
    if (!test || rawOperator.includes(':')) return 'unknown'; // ForAnyValue:/ForAllValues:, numeric, date …
    const negated = operator.includes('not');
    for (const [key, expected] of Object.entries(block ?? {})) {
      const value = context[key.toLowerCase()];
      if (value === undefined) return 'unknown';
      const patterns = list(expected);
      // Positive operators match when any value matches; negated ones when no value matches.
      results.push(
        (negated ? patterns.every((p) => test(p, value)) : patterns.some((p) => test(p, value))) ? 'yes' : 'no',
      );
    }
  }
  return all(...results);
}

/** IAM wildcards: `*` any run of characters, `?` one character. Actions compare case-insensitively. */
function glob(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}
