import type { IamAction } from './services.js';

/** `timeout`: every attempt outlasted the share of --timeout one attempt may take (AWS answered too slowly for it). */
export type FailureKind =
  'not-found' | 'access-denied' | 'throttled' | 'credentials' | 'network' | 'timeout' | 'aws-error';

/** An AWS read that failed, classified once here so checks and the runner never parse SDK errors. */
export class AwsCallError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly action: IamAction,
    readonly region: string,
    /** The AWS error name (`AccessDeniedException`) or Node error code (`ECONNREFUSED`). */
    readonly awsCode: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'AwsCallError';
  }
}

const NOT_FOUND = new Set([
  'ResourceNotFoundException',
  'ResourceNotFound',
  'UserNotFoundException',
  'NotFoundException',
  'NoSuchEntity',
  'NoSuchEntityException',
]);
const ACCESS_DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'AuthorizationError',
  'AuthorizationErrorException',
  'UnauthorizedOperation',
  'AccessDeniedForDependencyException',
]);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'Throttled',
  'ThrottledException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);
const CREDENTIALS = new Set([
  'CredentialsProviderError',
  'TokenProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
]);
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'TimeoutError',
  'RequestTimeout',
]);

interface SdkErrorLike {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  /** The raw HTTP response, which the SDK attaches when it cannot parse the body. */
  $response?: { statusCode?: number; headers?: Record<string, string> };
}

/** The code of a read a --replay recording does not hold. */
export const NOT_RECORDED = 'NotRecorded';

/** The code of an answer that is not what the API answers with: unparseable, or missing what it must carry. */
export const MALFORMED = 'MalformedResponse';

/** An answer that parsed but lacks what the API always returns (`{}` for AdminGetUser): never a default. */
export function malformedAnswer(action: IamAction, region: string, what: string): AwsCallError {
  return new AwsCallError(
    'aws-error',
    action,
    region,
    MALFORMED,
    `the answer was not a valid ${action.split(':')[1]} response: ${what}`,
  );
}

/** The SDK could not parse the body (an HTML error page from a proxy, a cut-off answer): say what came back. */
function unreadable(e: SdkErrorLike, action: IamAction, region: string): AwsCallError | undefined {
  const parse = e.name === 'SyntaxError' || /Deserialization error/i.test(e.message ?? '');
  if (!parse) return undefined;
  const status = e.$response?.statusCode ?? e.$metadata?.httpStatusCode;
  const type = e.$response?.headers?.['content-type'];
  const reason = (e.message ?? '').split('\n')[0]!;
  return new AwsCallError(
    'aws-error',
    action,
    region,
    MALFORMED,
    `the answer could not be read (HTTP ${status ?? '?'}${type ? `, ${type}` : ''}): ${reason}`,
    e.$metadata?.requestId,
  );
}

/** The read's result, or undefined when AWS says the resource does not exist; other failures still throw. */
export async function orUndefinedIfNotFound<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (err) {
    if (err instanceof AwsCallError && err.kind === 'not-found') return undefined;
    throw err;
  }
}

export function classifyAwsError(err: unknown, action: IamAction, region: string): AwsCallError {
  if (err instanceof AwsCallError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorLike;
  const bad = unreadable(e, action, region);
  if (bad) return bad;
  if (e.name === MALFORMED) {
    return new AwsCallError('aws-error', action, region, MALFORMED, e.message ?? MALFORMED, e.$metadata?.requestId);
  }
  const code = (e.code && NETWORK.has(e.code) ? e.code : e.name) || e.code || 'Error';
  const message = (e.message || String(err)).split('\n')[0]!;
  const status = e.$metadata?.httpStatusCode;
  let kind: FailureKind = 'aws-error';
  if (NOT_FOUND.has(code)) kind = 'not-found';
  else if (ACCESS_DENIED.has(code)) kind = 'access-denied';
  else if (CREDENTIALS.has(code) || /SSO|token.*expired|credentials/i.test(code)) kind = 'credentials';
  else if (THROTTLED.has(code) || status === 429) kind = 'throttled';
  else if (NETWORK.has(code) || /ECONN|ENOTFOUND|socket hang up|getaddrinfo/i.test(message)) kind = 'network';
  return new AwsCallError(kind, action, region, code, message, e.$metadata?.requestId);
}

/** One sentence that names the cause and what to do, for a person or a ticket. */
export function remedyFor(error: AwsCallError, profile?: string): string {
  const p = profile ? ` --profile ${profile}` : '';
  switch (error.kind) {
    case 'access-denied':
      return `Grant ${error.action} to the identity running cognito-doctor (iam/diagnose-policy.json has every read it needs).`;
    case 'throttled':
      return 'AWS throttled the read after retries; run again in a minute.';
    case 'credentials':
      return /sso/i.test(error.message) || /sso/i.test(error.awsCode)
        ? `The SSO session has expired or is missing: run \`aws sso login${p}\`, then retry.`
        : `No valid AWS credentials: set AWS_PROFILE or pass --profile, or run \`aws configure${p}\` / \`aws sso login${p}\`.`;
    case 'timeout':
      return `AWS in ${error.region} answered slower than the time --timeout leaves each attempt (a sixth of it): run again with a larger --timeout, like the default 60s.`;
    case 'network':
      return `Could not reach AWS in ${error.region} (${error.awsCode}); check the network, proxy or --endpoint-url.`;
    case 'not-found':
      return error.action === 'cognito-idp:DescribeUserPool'
        ? `No such user pool in ${error.region} for these credentials: check the pool id, and that \`aws sts get-caller-identity${p}\` shows the account that owns it.`
        : 'The resource does not exist in this account and Region.';
    default:
      if (error.awsCode === NOT_RECORDED) {
        return 'The recording does not hold this read: record it again with this command line and this version of cognito-doctor.';
      }
      return error.awsCode === MALFORMED
        ? 'The answer was not what the AWS API sends (a proxy, a captive portal or a wrong --endpoint-url in between?): check the network path and run again; --verbose shows every call.'
        : 'AWS returned an unexpected error; run again with --verbose to see every call.';
  }
}
