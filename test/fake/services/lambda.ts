// Lambda (restJson1): GetFunction and GetPolicy for trigger functions. World:
// `lambda.<region>.functions["<name>"]` = { configuration?, policy?, qualifiers? } (see LambdaFunctionWorld).

import { AwsFault } from '../protocols.js';
import { regional, type FakeRequest, type ServiceDef } from '../service.js';
import { worldDate } from '../world.js';

export interface LambdaFunctionWorld {
  /** Fields of GetFunction's Configuration to set (State, StateReason, LastUpdateStatus, Timeout …). */
  configuration?: Record<string, unknown>;
  /** Statements of the resource-based policy (Resource defaults to the function ARN); none → no policy. */
  policy?: Record<string, unknown>[];
  /** Published versions and aliases; each has its own policy. Unlisted qualifiers do not exist. */
  qualifiers?: Record<string, { configuration?: Record<string, unknown>; policy?: Record<string, unknown>[] }>;
}

export interface LambdaWorld {
  functions?: Record<string, LambdaFunctionWorld>;
}

/** `name`, `account:function:name` or a full ARN, each optionally `:qualifier`, plus `?Qualifier=`. */
function resolve(req: FakeRequest) {
  const raw = req.params.FunctionName!;
  const parts = raw.split(':');
  let region = req.region;
  let account = req.account;
  let name: string;
  let qualifier: string | undefined;
  if (parts[0] === 'arn') [, , , region = req.region, account = req.account, , name = '', qualifier] = parts;
  else if (parts[1] === 'function') [account = req.account, , name = '', qualifier] = parts;
  else [name = '', qualifier] = parts;
  qualifier = req.query.get('Qualifier') ?? qualifier;
  if (qualifier === '$LATEST') qualifier = undefined;
  const unqualified = `arn:aws:lambda:${region}:${account}:function:${name}`;
  const arn = qualifier ? `${unqualified}:${qualifier}` : unqualified;
  const fn = regional<LambdaWorld>(req.world, 'lambda', req.region).functions?.[name];
  const version = qualifier ? fn?.qualifiers?.[qualifier] : undefined;
  // A function lives in one Region and account: an ARN naming another finds nothing, as on AWS.
  if (!fn || region !== req.region || account !== req.account || (qualifier && !version)) {
    throw new AwsFault('ResourceNotFoundException', `Function not found: ${arn}`, 404);
  }
  return { name, arn, unqualified, qualifier, fn, version };
}

/** Lambda's own timestamp format (a string, not a JSON timestamp): `2026-10-22T10:00:00.000+0000`. */
function lambdaDate(value: string, now: Date): string {
  return worldDate(value, now)!.replace(/Z$/, '+0000');
}

export const lambda: ServiceDef = {
  name: 'lambda',
  protocol: 'rest-json',
  routes: [
    { method: 'GET', path: /^\/2015-03-31\/functions\/(?<FunctionName>[^/]+)\/policy$/, operation: 'GetPolicy' },
    { method: 'GET', path: /^\/2015-03-31\/functions\/(?<FunctionName>[^/]+)$/, operation: 'GetFunction' },
  ],
  operations: {
    GetFunction(_input, req) {
      const { name, arn, qualifier, fn, version } = resolve(req);
      return {
        Configuration: {
          FunctionName: name,
          FunctionArn: arn,
          Runtime: 'nodejs20.x',
          Role: `arn:aws:iam::${req.account}:role/${name}-role`,
          Handler: 'index.handler',
          CodeSize: 2048,
          Description: '',
          Timeout: 3,
          MemorySize: 128,
          LastModified: lambdaDate('now-30d', req.now),
          CodeSha256: 'bWFkZS11cC1jb2RlLXNoYTI1Ni1mb3ItdGhlLWZha2U=',
          Version: qualifier && /^\d+$/.test(qualifier) ? qualifier : '$LATEST',
          State: 'Active',
          LastUpdateStatus: 'Successful',
          PackageType: 'Zip',
          Architectures: ['x86_64'],
          ...fn.configuration,
          ...version?.configuration,
        },
        Code: {
          RepositoryType: 'S3',
          Location: `https://awslambda-${req.region}-tasks.s3.${req.region}.amazonaws.com/snapshots/${req.account}/${name}`,
        },
      };
    },
    GetPolicy(_input, req) {
      const { arn, qualifier, fn, version } = resolve(req);
      const statements = qualifier ? version?.policy : fn.policy;
      if (!statements?.length) {
        throw new AwsFault('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
      }
      const policy = {
        Version: '2012-10-17',
        Id: 'default',
        Statement: statements.map((s) => ({ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: arn, ...s })),
      };
      return { Policy: JSON.stringify(policy), RevisionId: '4c3b2a10-0000-4000-8000-000000000001' };
    },
  },
};
