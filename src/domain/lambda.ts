// Pure rules about trigger functions: what a trigger ARN names, and whether a function's resource
// policy lets Cognito (this pool) invoke it. Unit-tested on plain data.

import { asText } from './text.js';

export interface FunctionRef {
  /** As the pool names it, qualifier included. */
  arn: string;
  /** Without the version or alias: `arn:aws:lambda:eu-west-1:123456789012:function:name`. */
  unqualifiedArn: string;
  name: string;
  /** A version (`3`) or alias (`live`) the trigger is pinned to. */
  qualifier?: string;
  region: string;
  account?: string;
}

/** `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`; anything else is taken as a name. */
export function parseFunctionArn(arn: string, defaultRegion: string): FunctionRef {
  const parts = arn.split(':');
  if (parts[0] === 'arn' && parts.length >= 7 && parts[5] === 'function') {
    const [, partition, service, region, account, , name, qualifier] = parts;
    const unqualifiedArn = `arn:${partition}:${service}:${region}:${account}:function:${name}`;
    return {
      arn,
      unqualifiedArn,
      name: name!,
      region: region!,
      account: account!,
      ...(qualifier ? { qualifier } : {}),
    };
  }
  return { arn, unqualifiedArn: arn, name: arn, region: defaultRegion };
}

export const COGNITO_PRINCIPAL = 'cognito-idp.amazonaws.com';

interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface InvokePermission {
  /** The statement that lets this pool invoke the function, when one does. */
  allowedBy?: string;
  /** Statements naming Cognito as principal (whether or not they match this pool), for the evidence. */
  cognitoStatements: Statement[];
  /** Why no statement applies, in words; empty when one does. */
  reason: string;
}

/** IAM-style wildcard match (`*`, `?`), as ArnLike and StringLike do. */
function like(pattern: string, value: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`).test(value);
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(asText) : v === undefined ? [] : [asText(v)]);

function namesCognito(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const p = principal as Record<string, unknown>;
  return asList(p.Service).includes(COGNITO_PRINCIPAL) || asList(p.AWS).includes('*');
}

function allowsInvoke(action: Statement['Action']): boolean {
  return asList(action).some((a) => ['lambda:invokefunction', 'lambda:*', '*'].includes(a.toLowerCase()));
}

/**
 * Whether a statement's conditions on `aws:SourceArn` / `aws:SourceAccount` hold for this pool.
 * Other condition keys are not about the caller's identity here and are taken as satisfied.
 */
function conditionsHold(condition: Statement['Condition'], poolArn: string, account: string | undefined): boolean {
  for (const [operator, block] of Object.entries(condition ?? {})) {
    const op = operator.replace(/IfExists$/, '').toLowerCase();
    for (const [key, values] of Object.entries(block)) {
      const k = key.toLowerCase();
      const actual = k === 'aws:sourcearn' ? poolArn : k === 'aws:sourceaccount' ? account : undefined;
      if (actual === undefined) continue;
      const patterns = asList(values);
      const negated = op.includes('not');
      const wildcard = op.startsWith('arn') || op.endsWith('like');
      const matches = patterns.some((p) => (wildcard ? like(p, actual) : p === actual));
      if (matches === negated) return false;
    }
  }
  return true;
}

/** Does the function's resource policy let Cognito invoke it on behalf of this pool? */
export function cognitoInvokePermission(
  policy: string | undefined,
  poolArn: string,
  account: string | undefined,
): InvokePermission {
  if (!policy) return { cognitoStatements: [], reason: 'the function has no resource-based policy' };
  let statements: Statement[];
  try {
    const doc = JSON.parse(policy) as { Statement?: Statement | Statement[] };
    statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  } catch {
    return { cognitoStatements: [], reason: 'the resource-based policy is not valid JSON' };
  }
  const cognito = statements.filter((s) => namesCognito(s.Principal));
  const denied = cognito.find(
    (s) => s.Effect === 'Deny' && allowsInvoke(s.Action) && conditionsHold(s.Condition, poolArn, account),
  );
  if (denied) {
    return { cognitoStatements: cognito, reason: `statement ${denied.Sid ?? '(no Sid)'} denies it` };
  }
  const allowing = cognito.find(
    (s) => s.Effect === 'Allow' && allowsInvoke(s.Action) && conditionsHold(s.Condition, poolArn, account),
  );
  if (allowing) return { allowedBy: allowing.Sid ?? '(no Sid)', cognitoStatements: cognito, reason: '' };
  const reason = cognito.length
    ? `no statement for ${COGNITO_PRINCIPAL} allows lambda:InvokeFunction with this pool as the source (its SourceArn/SourceAccount conditions name another pool or account)`
    : `no statement names ${COGNITO_PRINCIPAL} as principal`;
  return { cognitoStatements: cognito, reason };
}
