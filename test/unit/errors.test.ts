import { describe, expect, it } from 'vitest';
import { AwsCallError, classifyAwsError, malformedAnswer, remedyFor, type FailureKind } from '../../src/aws/errors.js';
import type { IamAction } from '../../src/aws/services.js';

/** An error shaped as the SDK throws it. */
const sdkError = (name: string, message = `${name} happened`, extra: object = {}) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400, requestId: 'req-1' } }, extra);

describe('classifyAwsError', () => {
  it.each([
    ['ResourceNotFoundException', 'not-found'],
    ['UserNotFoundException', 'not-found'],
    ['NotFoundException', 'not-found'],
    ['NoSuchEntity', 'not-found'],
    ['AccessDeniedException', 'access-denied'],
    ['AuthorizationErrorException', 'access-denied'],
    ['AuthorizationError', 'access-denied'],
    ['TooManyRequestsException', 'throttled'],
    ['ThrottlingException', 'throttled'],
    ['ThrottledException', 'throttled'],
    ['Throttling', 'throttled'],
    ['CredentialsProviderError', 'credentials'],
    ['TokenProviderError', 'credentials'],
    ['ExpiredTokenException', 'credentials'],
    ['ExpiredToken', 'credentials'],
    ['UnrecognizedClientException', 'credentials'],
    ['InvalidSignatureException', 'credentials'],
    ['SSOTokenProviderFailure', 'credentials'],
    ['TimeoutError', 'network'],
    ['InternalErrorException', 'aws-error'],
    ['InvalidParameterException', 'aws-error'],
  ] as [string, FailureKind][])('%s → %s', (name, kind) => {
    const e = classifyAwsError(sdkError(name), 'sns:GetSMSAttributes', 'eu-west-1');
    expect(e).toBeInstanceOf(AwsCallError);
    expect([e.kind, e.awsCode, e.action, e.region, e.requestId]).toEqual([
      kind,
      name,
      'sns:GetSMSAttributes',
      'eu-west-1',
      'req-1',
    ]);
  });

  it('an unmodelled error with HTTP 429 is throttling', () => {
    const e = classifyAwsError(
      sdkError('SESv2ServiceException', 'x', { $metadata: { httpStatusCode: 429 } }),
      'ses:GetAccount',
      'eu-west-1',
    );
    expect(e.kind).toBe('throttled');
  });

  it('Node network errors keep their code', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(classifyAwsError(refused, 'cognito-idp:DescribeUserPool', 'eu-west-1')).toMatchObject({
      kind: 'network',
      awsCode: 'ECONNREFUSED',
    });
    const dns = new Error('getaddrinfo EAI_AGAIN cognito-idp.eu-west-1.amazonaws.com');
    expect(classifyAwsError(dns, 'cognito-idp:DescribeUserPool', 'eu-west-1').kind).toBe('network');
  });

  it('keeps only the first line of the message, and handles non-errors', () => {
    expect(classifyAwsError(sdkError('X', 'first\nsecond'), 'ses:GetAccount', 'r').message).toBe('first');
    expect(classifyAwsError('boom', 'ses:GetAccount', 'r')).toMatchObject({ kind: 'aws-error', message: 'boom' });
    expect(classifyAwsError(undefined, 'ses:GetAccount', 'r').kind).toBe('aws-error');
  });

  it('returns an AwsCallError unchanged', () => {
    const e = new AwsCallError('throttled', 'ses:GetAccount', 'eu-west-1', 'TooManyRequestsException', 'slow down');
    expect(classifyAwsError(e, 'sns:GetSMSAttributes', 'us-east-1')).toBe(e);
  });
});

describe('remedyFor', () => {
  const err = (kind: FailureKind, awsCode: string, message = '', action: IamAction = 'sns:GetSMSAttributes') =>
    new AwsCallError(kind, action, 'eu-west-1', awsCode, message);

  it('names the IAM action that is missing', () => {
    expect(remedyFor(err('access-denied', 'AccessDeniedException'))).toContain('Grant sns:GetSMSAttributes');
  });

  it('an SSO problem: aws sso login with the profile', () => {
    const sso = err(
      'credentials',
      'CredentialsProviderError',
      'The SSO session token associated with profile=x was not found',
    );
    expect(remedyFor(sso, 'x')).toContain('`aws sso login --profile x`');
    expect(remedyFor(sso)).toContain('`aws sso login`');
  });

  it('no credentials at all: configure or log in', () => {
    expect(remedyFor(err('credentials', 'CredentialsProviderError', 'Could not load credentials'), 'p')).toMatch(
      /aws configure --profile p.*aws sso login --profile p/,
    );
  });

  it('a missing pool: check the id and the account', () => {
    expect(remedyFor(err('not-found', 'ResourceNotFoundException', '', 'cognito-idp:DescribeUserPool'))).toMatch(
      /No such user pool in eu-west-1.*aws sts get-caller-identity/,
    );
  });

  it.each([
    ['throttled', /run again in a minute/],
    ['network', /Could not reach AWS in eu-west-1/],
    ['aws-error', /--verbose/],
  ] as [FailureKind, RegExp][])('%s', (kind, text) => {
    expect(remedyFor(err(kind, 'X'))).toMatch(text);
  });
});

describe('answers that are not AWS API answers', () => {
  it('an unparseable body says the status and content type, as MalformedResponse', () => {
    const err = Object.assign(
      new SyntaxError(`Unexpected token '<', "<html>" is not valid JSON\n  Deserialization error`),
      {
        $metadata: { httpStatusCode: 502 },
      },
    );
    Object.defineProperty(err, '$response', { value: { statusCode: 502, headers: { 'content-type': 'text/html' } } });
    const failure = classifyAwsError(err, 'cognito-idp:DescribeUserPool', 'eu-west-1');
    expect([failure.kind, failure.awsCode]).toEqual(['aws-error', 'MalformedResponse']);
    expect(failure.message).toBe(
      `the answer could not be read (HTTP 502, text/html): Unexpected token '<', "<html>" is not valid JSON`,
    );
    expect(remedyFor(failure)).toMatch(/not what the AWS API sends/);
  });

  it('an answer missing what the API always returns names the operation and the field', () => {
    const failure = malformedAnswer('cognito-idp:AdminGetUser', 'eu-west-1', 'it carries no Username');
    expect(classifyAwsError(failure, 'cognito-idp:AdminGetUser', 'eu-west-1')).toBe(failure);
    expect(failure.message).toBe('the answer was not a valid AdminGetUser response: it carries no Username');
  });
});
