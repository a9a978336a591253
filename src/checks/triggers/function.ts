import type { Context } from '../../context/index.js';
import { flowApis, triggerSources } from '../../domain/flow.js';
import { aws } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Evidence, Outcome } from '../types.js';
import type { Facts } from './inspect.js';
import { notBlocking, severity, windowText, type Path, type Trigger } from './path.js';

/** Cognito waits this long for a synchronous trigger, then fails the request (retrying it). */
const COGNITO_TIMEOUT_S = 5;

/** What the function itself says: missing, not active, failing, or slower than Cognito waits. */
export function functionOutcomes(ctx: Context, t: Trigger, f: Facts, path: Path): Outcome[] {
  const where: Evidence = { [`DescribeUserPool.UserPool.LambdaConfig.${t.field}`]: t.fn.arn };
  const sync = t.kind === 'CustomMessage';
  const tail = notBlocking(path);
  if (!f.config) {
    return [
      {
        status: severity('fail', path),
        code: 'lambda-missing-or-timeout',
        message: `The ${t.kind} trigger names ${t.fn.arn}, which does not exist in ${t.fn.region}: ${sync ? 'Cognito fails every message with UnexpectedLambdaException' : `Cognito cannot hand any ${t.channel === 'EMAIL' ? 'e-mail' : 'SMS'} to it, so nothing is sent`}.${tail}`,
        evidence: { ...where, 'GetFunction.error': 'ResourceNotFoundException' },
        remediation: remediation(
          `Restore the function (or its ${t.fn.qualifier ? `version or alias ${t.fn.qualifier}` : 'name'}), or point the ${t.kind} trigger at an existing function: a full-config update-user-pool (it resets every setting it omits) or your IaC.`,
          [],
          [docs.lambdaTriggers],
        ),
      },
    ];
  }
  const c = f.config;
  const outcomes: Outcome[] = [];
  const metrics: Evidence = {
    'GetMetricData.window': `last ${windowText(ctx)}`,
    'GetMetricData.AWS/Lambda.Errors': f.health?.errors ?? null,
    ...(sync ? { 'GetMetricData.AWS/Lambda.Duration.Maximum': f.health?.maxDurationMs ?? null } : {}),
    ...(f.healthError ? { 'GetMetricData.error': f.healthError } : {}),
  };
  const state = c.State ?? 'Active';
  // Pending and Inactive functions come back by themselves; the others need a redeploy.
  const stateProblem = state === 'Active' ? undefined : state === 'Pending' || state === 'Inactive' ? 'warn' : 'fail';
  const updateFailed = c.LastUpdateStatus === 'Failed';
  const stateEvidence: Evidence = {
    ...where,
    'GetFunction.Configuration.State': state,
    ...(c.StateReason ? { 'GetFunction.Configuration.StateReason': c.StateReason } : {}),
    ...(c.StateReasonCode ? { 'GetFunction.Configuration.StateReasonCode': c.StateReasonCode } : {}),
    'GetFunction.Configuration.LastUpdateStatus': c.LastUpdateStatus ?? null,
    ...(c.LastUpdateStatusReason
      ? { 'GetFunction.Configuration.LastUpdateStatusReason': c.LastUpdateStatusReason }
      : {}),
  };
  const stateText = stateProblem
    ? `The ${t.kind} function ${c.FunctionName} is ${state}${c.StateReason ? ` (${c.StateReason})` : ''}: ${stateProblem === 'fail' ? 'Lambda cannot invoke it' : 'Lambda fails invocations until it is active again'}.`
    : '';
  const updateText = updateFailed
    ? ` Its last update failed${c.LastUpdateStatusReason ? ` (${c.LastUpdateStatusReason})` : ''}: Lambda kept the previous code and configuration, so the change you deployed is not running.`
    : '';
  const stateRemedy = remediation(
    stateProblem === 'fail'
      ? `Fix what StateReason names and redeploy the function (a Failed function must be recreated).`
      : 'Redeploy or correct the function so its state is Active and its last update Successful.',
    [],
    [docs.lambdaStates],
  );

  if (sync) {
    const errors = f.health?.errors ?? 0;
    if (stateProblem || updateFailed || errors > 0) {
      const errorText =
        errors > 0
          ? ` It failed ${errors} time${errors === 1 ? '' : 's'} in the last ${windowText(ctx)} (AWS/Lambda Errors); each failure makes ${flowApis(ctx)} fail (UserLambdaValidationException / UnexpectedLambdaException).`
          : '';
      outcomes.push({
        status: stateProblem === 'fail' ? 'fail' : 'warn',
        code: 'custom-message-lambda-error',
        message:
          `${stateText || `The ${t.kind} function ${c.FunctionName} is ${state}.`}${updateText}${errorText} CustomMessage runs synchronously: when it fails, Cognito sends nothing.`.trim(),
        evidence: { ...stateEvidence, ...metrics },
        remediation: remediation(
          `${stateRemedy.text} Look for ${triggerSources(ctx, 'CustomMessage').join(' or ')} in the function's log; the handler must return the whole event object:`,
          [tailLog(ctx, t.fn.region, c.FunctionName ?? t.fn.name, anyTerm(triggerSources(ctx, 'CustomMessage')))],
          [docs.customMessage, docs.lambdaStates],
        ),
      });
    }
    if (c.Timeout !== undefined && c.Timeout > COGNITO_TIMEOUT_S) {
      const slowest = f.health?.maxDurationMs;
      outcomes.push({
        status: 'warn',
        code: 'lambda-missing-or-timeout',
        message: `The ${t.kind} function may run for ${c.Timeout} s, but Cognito waits only ${COGNITO_TIMEOUT_S} s for it, then fails the request${slowest !== undefined ? ` (slowest run in the last ${windowText(ctx)}: ${Math.round(slowest)} ms)` : ''}.`,
        evidence: {
          ...where,
          'GetFunction.Configuration.Timeout': c.Timeout,
          'GetMetricData.window': metrics['GetMetricData.window'],
          'GetMetricData.AWS/Lambda.Duration.Maximum': slowest ?? null,
        },
        remediation: remediation(
          `Make the function answer well within ${COGNITO_TIMEOUT_S} s (no slow network calls on the message path; more memory also means more CPU).`,
          [],
          [docs.lambdaTriggers],
        ),
      });
    }
  } else {
    const errors = f.health?.errors;
    const medium = t.channel === 'EMAIL' ? 'e-mail' : 'SMS';
    const status = stateProblem ? severity(stateProblem, path) : severity('warn', path);
    outcomes.push({
      status,
      code: 'custom-sender-async-failure',
      message: `${stateText ? `${stateText} ` : ''}${t.kind} ${c.FunctionName} delivers every ${medium} from this pool. Cognito invokes it asynchronously, so ${flowApis(ctx)} reports success even when the function fails${errors !== undefined ? `; it failed ${errors} time${errors === 1 ? '' : 's'} in the last ${windowText(ctx)} (AWS/Lambda Errors)` : `; no AWS/Lambda Errors datapoint in the last ${windowText(ctx)}`}.${updateText}${tail}`,
      evidence: { ...stateEvidence, ...metrics },
      remediation: remediation(
        `${stateProblem ? `${stateRemedy.text} ` : ''}Check that the function handles ${triggerSources(ctx, t.kind).join(' or ')}, decrypts the code with the AWS Encryption SDK, and that its provider accepted the message:`,
        [tailLog(ctx, t.fn.region, c.FunctionName ?? t.fn.name, anyTerm(triggerSources(ctx, t.kind)))],
        [docs.customSender],
      ),
    });
  }

  return outcomes;
}

/** The trigger function's log for this window, filtered to one trigger source. */
export function tailLog(ctx: Context, region: string, functionName: string, triggerSource: string): string {
  return aws(
    ctx,
    ['logs', 'tail', `/aws/lambda/${functionName}`, '--since', windowText(ctx), '--filter-pattern', triggerSource],
    region,
  );
}

/** A CloudWatch Logs filter pattern matching any of the terms (`?a ?b`), or the one term. */
export function anyTerm(terms: readonly string[]): string {
  return terms.length === 1 ? terms[0]! : terms.map((t) => `?${t}`).join(' ');
}
