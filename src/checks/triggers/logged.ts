import { AwsCallError } from '../../aws/errors.js';
import type { Context } from '../../context/index.js';
import { flowApis, triggerSources } from '../../domain/flow.js';
import { callsBy, readCall } from '../../domain/logs.js';
import { docs } from '../../remedy/links.js';
import { callEvidence } from '../logs/cloudtrail.js';
import { remediation } from '../remedy.js';
import type { Outcome } from '../types.js';
import { anyTerm, tailLog } from './function.js';
import type { Trigger } from './path.js';

/**
 * What Cognito answered this user's latest ForgotPassword call, when the answer names the CustomMessage
 * trigger (UserLambdaValidationException, UnexpectedLambdaException, InvalidLambdaResponseException):
 * proof that the trigger stopped the code, whatever its configuration looks like now. CloudTrail is
 * supporting evidence here: when it cannot be read the logs check says so, and this adds nothing.
 */
export async function loggedTriggerFailure(ctx: Context, t: Trigger): Promise<Outcome | undefined> {
  let history, resolution;
  try {
    [history, resolution] = await Promise.all([ctx.flowHistory(), ctx.user()]);
  } catch (err) {
    if (err instanceof AwsCallError) return undefined;
    throw err;
  }
  const sub = resolution.attributes.sub;
  const latest = sub ? callsBy(history.events, sub)[0] : undefined;
  const reading = latest && readCall(latest);
  if (!latest || reading?.trigger !== 'CustomMessage' || !reading.cause) return undefined;
  const sources = triggerSources(ctx, 'CustomMessage');
  return {
    status: 'fail',
    code: reading.cause,
    message: `This user's latest ${flowApis(ctx)} call, at ${latest.time.toISOString()}, failed with ${latest.errorCode} ("${latest.errorMessage ?? ''}"): ${reading.meaning} The ${t.kind} trigger is ${t.fn.arn}; while it fails, Cognito sends no code.`,
    evidence: {
      [`DescribeUserPool.UserPool.LambdaConfig.${t.field}`]: t.fn.arn,
      'AdminGetUser.UserAttributes.sub': sub,
      ...callEvidence(latest),
    },
    remediation: remediation(
      `Find the failing run in the function's log (${sources.join(', ')}) and fix what it names; the handler must return the whole event, with {####} in the message it sets:`,
      [tailLog(ctx, t.fn.region, t.fn.name, anyTerm(sources))],
      [docs.customMessage, docs.cognitoCloudTrail],
    ),
  };
}
