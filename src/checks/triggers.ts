import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { KeyMetadata } from '@aws-sdk/client-kms';
import { AwsCallError } from '../aws/errors.js';
import type { Context } from '../context/index.js';
import { cognitoInvokePermission, COGNITO_PRINCIPAL, parseFunctionArn, type FunctionRef } from '../domain/lambda.js';
import { ERROR_CODES } from '../runner.js';
import { aws } from '../remedy/commands.js';
import { docs } from '../remedy/links.js';
import { remediation } from './remedy.js';
import type { Channel, Check, Evidence, Outcome } from './types.js';

/** Cognito waits this long for a synchronous trigger, then fails the request (retrying it). */
const COGNITO_TIMEOUT_S = 5;

type Kind = 'CustomMessage' | 'CustomEmailSender' | 'CustomSMSSender';

/** A trigger on ForgotPassword's message path; PreSignUp, PostConfirmation and the like are not. */
interface Trigger {
  kind: Kind;
  fn: FunctionRef;
  /** The channel a custom sender delivers; a CustomMessage trigger composes both. */
  channel?: Channel;
  /** The LambdaConfig field that names the function, for the evidence. */
  field: string;
}

interface Facts {
  config?: FunctionConfiguration;
  policy?: string;
  health?: { errors: number | undefined; maxDurationMs: number | undefined };
  /** Why the metrics could not be read (they are supporting evidence, never the verdict). */
  healthError?: string;
}

type Read<T> = { ok: T } | { error: AwsCallError };

async function read<T>(promise: Promise<T>): Promise<Read<T>> {
  try {
    return { ok: await promise };
  } catch (err) {
    if (err instanceof AwsCallError) return { error: err };
    throw err;
  }
}

export const triggers: Check = {
  id: 'triggers',
  title: 'Message triggers let Cognito send the code',
  scope: 'core',
  dependsOn: ['pool'],
  codes: [
    'custom-message-lambda-error',
    'lambda-missing-or-timeout',
    'lambda-invoke-permission-missing',
    'custom-sender-async-failure',
    'custom-sender-kms',
  ],
  reads: ['lambda:GetFunction', 'lambda:GetPolicy', 'kms:DescribeKey', 'cloudwatch:GetMetricData'],
  docs: [docs.lambdaTriggers, docs.customMessage, docs.customSender, docs.lambdaResourcePolicy, docs.kmsKeyState],
  async run(ctx) {
    const p = await ctx.pool();
    const config = p.LambdaConfig ?? {};
    const region = ctx.target.region;
    const onPath: Trigger[] = [];
    if (config.CustomMessage) {
      onPath.push({
        kind: 'CustomMessage',
        fn: parseFunctionArn(config.CustomMessage, region),
        field: 'CustomMessage',
      });
    }
    if (config.CustomEmailSender?.LambdaArn) {
      onPath.push({
        kind: 'CustomEmailSender',
        fn: parseFunctionArn(config.CustomEmailSender.LambdaArn, region),
        channel: 'EMAIL',
        field: 'CustomEmailSender.LambdaArn',
      });
    }
    if (config.CustomSMSSender?.LambdaArn) {
      onPath.push({
        kind: 'CustomSMSSender',
        fn: parseFunctionArn(config.CustomSMSSender.LambdaArn, region),
        channel: 'SMS',
        field: 'CustomSMSSender.LambdaArn',
      });
    }
    const offPath = Object.entries(config)
      .filter(([k, v]) => v && !['CustomMessage', 'CustomEmailSender', 'CustomSMSSender', 'KMSKeyID'].includes(k))
      .map(([k]) => k);
    if (!onPath.length) {
      return {
        status: 'pass',
        message: offPath.length
          ? `No trigger on the message path: ${offPath.join(', ')} do not take part in sending a ForgotPassword code.`
          : 'No Lambda trigger: Cognito composes and sends the message itself.',
        evidence: { 'DescribeUserPool.UserPool.LambdaConfig': config },
      };
    }

    const poolArn = p.Arn ?? `arn:aws:cognito-idp:${region}:${onPath[0]!.fn.account ?? ''}:userpool/${p.Id}`;
    const account = poolArn.split(':')[4] || undefined;
    const senders = onPath.filter((t) => t.channel);
    const keyId = config.KMSKeyID;
    // Every read starts now, alongside the channel prediction: none depends on another.
    const [channel, facts, key] = await Promise.all([
      predictedChannel(ctx),
      Promise.all(onPath.map((t) => inspect(ctx, t))),
      senders.length && keyId ? read(ctx.kms.key(keyRegion(keyId, region), keyId)) : undefined,
    ]);

    const outcomes: Outcome[] = [];
    onPath.forEach((t, i) => {
      const matters = t.kind === 'CustomMessage' || t.channel === channel;
      const result = facts[i]!;
      if ('error' in result) {
        if (matters) throw result.error;
        outcomes.push(unreadable(`the ${t.kind} trigger`, result.error, channel));
        return;
      }
      outcomes.push(...judge(ctx, t, result.ok, { matters, channel, poolArn, account }));
    });
    if (senders.length) {
      const matters = senders.some((t) => t.channel === channel);
      if (key && 'error' in key) {
        if (matters) throw key.error;
        outcomes.push(unreadable("the custom senders' KMS key", key.error, channel));
      } else {
        const outcome = judgeKey(ctx, keyId, key?.ok, { matters, channel, senders });
        if (outcome) outcomes.push(outcome);
      }
    }
    if (outcomes.length) return outcomes;
    return {
      status: 'pass',
      message: `The ${onPath.map((t) => t.kind).join(' and ')} trigger function is active and Cognito may invoke it.`,
      evidence: Object.fromEntries(onPath.map((t) => [`DescribeUserPool.UserPool.LambdaConfig.${t.field}`, t.fn.arn])),
    };
  },
};

/** The channel of this user's code, or undefined when the user or channel is unknown (other checks say why). */
async function predictedChannel(ctx: Context): Promise<Channel | undefined> {
  try {
    const prediction = await ctx.channel();
    return prediction?.channel === 'EMAIL' || prediction?.channel === 'SMS' ? prediction.channel : undefined;
  } catch (err) {
    if (err instanceof AwsCallError) return undefined;
    throw err;
  }
}

/** GetFunction, GetPolicy and the function's recent metrics, concurrently. */
async function inspect(ctx: Context, t: Trigger): Promise<Read<Facts>> {
  const [config, policy, health] = await Promise.all([
    read(ctx.lambda.configuration(t.fn)),
    read(ctx.lambda.policy(t.fn)),
    read(ctx.cloudwatch.lambdaHealth(t.fn.region, t.fn.name, ctx.target.sinceMs)),
  ]);
  if ('error' in config) return config;
  if ('error' in policy) return policy;
  return {
    ok: {
      ...(config.ok ? { config: config.ok } : {}),
      ...(policy.ok ? { policy: policy.ok } : {}),
      ...('ok' in health ? { health: health.ok } : { healthError: `${health.error.action}: ${health.error.awsCode}` }),
    },
  };
}

function keyRegion(keyId: string, fallback: string): string {
  return keyId.startsWith('arn:') ? keyId.split(':')[3] || fallback : fallback;
}

interface Path {
  /** Whether this trigger stands between Cognito and this user's code. */
  matters: boolean;
  channel: Channel | undefined;
}

/** Off the user's path a problem is capped: fail → warn, warn → info (SPEC §4). */
function severity(wanted: 'fail' | 'warn', path: Path): Outcome['status'] {
  if (path.matters) return wanted;
  return wanted === 'fail' ? 'warn' : 'info';
}

function notBlocking(path: Path): string {
  if (path.matters) return '';
  return path.channel
    ? ` (Not blocking: this user's code goes by ${path.channel}.)`
    : ' (Not blocking: no channel is known for this user yet.)';
}

function windowText(ctx: Context): string {
  const hours = ctx.target.sinceMs / 3_600_000;
  if (hours >= 48 && hours % 24 === 0) return `${hours / 24}d`;
  return Number.isInteger(hours) ? `${hours}h` : `${Math.round(ctx.target.sinceMs / 60_000)}m`;
}

function judge(
  ctx: Context,
  t: Trigger,
  f: Facts,
  path: Path & { poolArn: string; account: string | undefined },
): Outcome[] {
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
          ? ` It failed ${errors} time${errors === 1 ? '' : 's'} in the last ${windowText(ctx)} (AWS/Lambda Errors); each failure makes ForgotPassword fail (UserLambdaValidationException / UnexpectedLambdaException).`
          : '';
      outcomes.push({
        status: stateProblem === 'fail' ? 'fail' : 'warn',
        code: 'custom-message-lambda-error',
        message:
          `${stateText || `The ${t.kind} function ${c.FunctionName} is ${state}.`}${updateText}${errorText} CustomMessage runs synchronously: when it fails, Cognito sends nothing.`.trim(),
        evidence: { ...stateEvidence, ...metrics },
        remediation: remediation(
          `${stateRemedy.text} Look for CustomMessage_ForgotPassword in the function's log; the handler must return the whole event object:`,
          [tailLog(ctx, t.fn.region, c.FunctionName ?? t.fn.name, 'CustomMessage_ForgotPassword')],
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
      message: `${stateText ? `${stateText} ` : ''}${t.kind} ${c.FunctionName} delivers every ${medium} from this pool. Cognito invokes it asynchronously, so ForgotPassword reports success even when the function fails${errors !== undefined ? `; it failed ${errors} time${errors === 1 ? '' : 's'} in the last ${windowText(ctx)} (AWS/Lambda Errors)` : `; no AWS/Lambda Errors datapoint in the last ${windowText(ctx)}`}.${updateText}${tail}`,
      evidence: { ...stateEvidence, ...metrics },
      remediation: remediation(
        `${stateProblem ? `${stateRemedy.text} ` : ''}Check that the function handles ${t.kind}_ForgotPassword, decrypts the code with the AWS Encryption SDK, and that its provider accepted the message:`,
        [tailLog(ctx, t.fn.region, c.FunctionName ?? t.fn.name, `${t.kind}_ForgotPassword`)],
        [docs.customSender],
      ),
    });
  }

  const permission = cognitoInvokePermission(f.policy, path.poolArn, path.account);
  if (!permission.allowedBy) {
    const sourceAccount = path.account ? ['--source-account', path.account] : [];
    outcomes.push({
      status: severity('fail', path),
      code: 'lambda-invoke-permission-missing',
      message: `Cognito may not invoke the ${t.kind} function ${t.fn.arn}: ${permission.reason}. ${sync ? 'ForgotPassword fails with UnexpectedLambdaException "… AccessDeniedException"' : `No ${t.channel === 'EMAIL' ? 'e-mail' : 'SMS'} is handed to the sender`}.${tail}`,
      evidence: {
        ...where,
        'DescribeUserPool.UserPool.Arn': path.poolArn,
        'GetPolicy.Policy':
          f.policy === undefined
            ? null
            : `${permission.cognitoStatements.length} statement(s) for ${COGNITO_PRINCIPAL}`,
        'GetPolicy.Policy.Statement[cognito-idp]': permission.cognitoStatements,
      },
      remediation: remediation(
        `Let Cognito invoke the function for this pool (the console adds this when it sets a trigger; the API, CLI and IaC do not):`,
        [
          aws(
            ctx,
            [
              'lambda',
              'add-permission',
              '--function-name',
              t.fn.arn,
              '--statement-id',
              `CognitoInvoke-${ctx.target.userPoolId}`,
              '--action',
              'lambda:InvokeFunction',
              '--principal',
              COGNITO_PRINCIPAL,
              '--source-arn',
              path.poolArn,
              ...sourceAccount,
            ],
            t.fn.region,
          ),
        ],
        [docs.lambdaResourcePolicy, docs.lambdaTriggers],
      ),
    });
  }
  return outcomes;
}

function judgeKey(
  ctx: Context,
  keyId: string | undefined,
  key: KeyMetadata | undefined,
  path: Path & { senders: Trigger[] },
): Outcome | undefined {
  const names = path.senders.map((s) => s.kind).join(' and ');
  const tail = notBlocking(path);
  const where: Evidence = { 'DescribeUserPool.UserPool.LambdaConfig.KMSKeyID': keyId ?? null };
  const docsList = [docs.customSender, docs.kmsKeyState];
  if (!keyId) {
    return {
      status: severity('fail', path),
      code: 'custom-sender-kms',
      message: `${names} is set but the pool names no KMS key (LambdaConfig.KMSKeyID): Cognito cannot encrypt the code for the sender.${tail}`,
      evidence: where,
      remediation: remediation(
        'Set LambdaConfig.KMSKeyID to a symmetric KMS key that Cognito may use (a full-config update-user-pool or your IaC).',
        [],
        docsList,
      ),
    };
  }
  const region = keyRegion(keyId, ctx.target.region);
  if (!key) {
    return {
      status: severity('fail', path),
      code: 'custom-sender-kms',
      message: `The KMS key ${keyId} that ${names} needs does not exist in ${region}: Cognito cannot encrypt the code, so nothing is sent.${tail}`,
      evidence: { ...where, 'DescribeKey.error': 'NotFoundException' },
      remediation: remediation(
        'Point LambdaConfig.KMSKeyID at an existing symmetric key (a full-config update-user-pool or your IaC) and let the sender decrypt with it.',
        [],
        docsList,
      ),
    };
  }
  if (key.KeyState === 'Enabled' && key.Enabled !== false) return undefined;
  const evidence: Evidence = {
    ...where,
    'DescribeKey.KeyMetadata.KeyState': key.KeyState ?? null,
    'DescribeKey.KeyMetadata.Enabled': key.Enabled ?? null,
    ...(key.DeletionDate ? { 'DescribeKey.KeyMetadata.DeletionDate': key.DeletionDate.toISOString() } : {}),
  };
  const commands =
    key.KeyState === 'PendingDeletion'
      ? [
          aws(ctx, ['kms', 'cancel-key-deletion', '--key-id', keyId], region),
          aws(ctx, ['kms', 'enable-key', '--key-id', keyId], region),
        ]
      : key.KeyState === 'Disabled'
        ? [aws(ctx, ['kms', 'enable-key', '--key-id', keyId], region)]
        : [];
  return {
    status: severity('fail', path),
    code: 'custom-sender-kms',
    message: `The KMS key ${keyId} that ${names} needs is ${key.KeyState}${key.DeletionDate ? ` (to be deleted on ${key.DeletionDate.toISOString()})` : ''}: Cognito cannot encrypt the code with it, so nothing is sent.${tail}`,
    evidence,
    remediation: remediation(
      key.KeyState === 'PendingDeletion'
        ? 'Cancel the scheduled deletion (that leaves the key disabled), then enable it:'
        : key.KeyState === 'Disabled'
          ? 'Enable the key:'
          : `Wait for the key to leave the ${key.KeyState} state, or point LambdaConfig.KMSKeyID at an enabled key.`,
      commands,
      docsList,
    ),
  };
}

/** A trigger off this user's path could not be read: worth knowing, never the verdict. */
function unreadable(what: string, error: AwsCallError, channel: Channel | undefined): Outcome {
  return {
    status: 'info',
    code: ERROR_CODES[error.kind],
    message: `Could not check ${what}: ${error.action} in ${error.region} failed with ${error.awsCode}. ${channel ? `This user's code goes by ${channel}, not through it` : 'No channel is known for this user'}, so the verdict does not depend on it.`,
    evidence: { 'iam:action': error.action, region: error.region, 'error.code': error.awsCode },
  };
}

/** The trigger function's log for this window, filtered to one trigger source. */
function tailLog(ctx: Context, region: string, functionName: string, triggerSource: string): string {
  return aws(
    ctx,
    ['logs', 'tail', `/aws/lambda/${functionName}`, '--since', windowText(ctx), '--filter-pattern', triggerSource],
    region,
  );
}
