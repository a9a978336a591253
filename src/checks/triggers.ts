import { AwsCallError } from '../aws/errors.js';
import { FLOW_FACTS } from '../domain/flow.js';
import type { Context } from '../context/index.js';
import { docs } from '../remedy/links.js';
import { functionOutcomes } from './triggers/function.js';
import { inspect, read } from './triggers/inspect.js';
import { loggedTriggerFailure } from './triggers/logged.js';
import { judgeKey, keyRegion } from './triggers/kms.js';
import { messageTriggers } from './triggers/path.js';
import { permissionOutcome } from './triggers/permission.js';
import { unreadable } from './triggers/unreadable.js';
import type { Channel, Check, Outcome } from './types.js';
import { unread } from './unread.js';

export const triggers: Check = {
  id: 'triggers',
  title: 'Message triggers let Cognito send the code',
  scope: 'core',
  dependsOn: ['pool'],
  codes: [
    'custom-message-lambda-error',
    'custom-message-bad-content',
    'lambda-missing-or-timeout',
    'lambda-invoke-permission-missing',
    'custom-sender-async-failure',
    'custom-sender-kms',
  ],
  reads: [
    'lambda:GetFunction',
    'lambda:GetPolicy',
    'kms:DescribeKey',
    'cloudwatch:GetMetricData',
    'cloudtrail:LookupEvents',
  ],
  docs: [docs.lambdaTriggers, docs.customMessage, docs.customSender, docs.lambdaResourcePolicy, docs.kmsKeyState],
  async run(ctx) {
    const p = await ctx.pool();
    const config = p.LambdaConfig ?? {};
    const region = ctx.target.region;
    const { onPath, offPath } = messageTriggers(config, region);
    if (!onPath.length) {
      return {
        status: 'pass',
        message: offPath.length
          ? `No trigger on the message path: ${offPath.join(', ')} do not take part in sending ${FLOW_FACTS[ctx.flow].message}.`
          : 'No Lambda trigger: Cognito composes and sends the message itself.',
        evidence: { 'DescribeUserPool.UserPool.LambdaConfig': config },
      };
    }

    const poolArn = p.Arn ?? `arn:aws:cognito-idp:${region}:${onPath[0]!.fn.account ?? ''}:userpool/${p.Id}`;
    const account = poolArn.split(':')[4] || undefined;
    const senders = onPath.filter((t) => t.channel);
    const keyId = config.KMSKeyID;
    // Every read starts now, alongside the channel prediction: none depends on another.
    const customMessage = onPath.find((t) => t.kind === 'CustomMessage');
    const [channel, facts, key, logged] = await Promise.all([
      predictedChannel(ctx),
      Promise.all(onPath.map((t) => inspect(ctx, t))),
      senders.length && keyId ? read(ctx.kms.key(keyRegion(keyId, region), keyId)) : undefined,
      customMessage ? loggedTriggerFailure(ctx, customMessage) : undefined,
    ]);

    const outcomes: Outcome[] = [];
    onPath.forEach((t, i) => {
      const matters = t.kind === 'CustomMessage' || t.channel === channel;
      const result = facts[i]!;
      if ('error' in result) {
        // On the path, the unread function is its own error; what CloudTrail proved about it stays.
        outcomes.push(
          matters
            ? unread(result.error, `whether the ${t.kind} function exists and Cognito may invoke it`)
            : unreadable(`the ${t.kind} trigger`, result.error, channel),
        );
        return;
      }
      outcomes.push(...functionOutcomes(ctx, t, result.ok, { matters, channel }));
      const permission = result.ok.config
        ? permissionOutcome(ctx, t, result.ok.policy, { matters, channel, poolArn, account })
        : undefined;
      if (permission) outcomes.push(permission);
    });
    if (senders.length) {
      const matters = senders.some((t) => t.channel === channel);
      if (key && 'error' in key) {
        outcomes.push(
          matters
            ? unread(key.error, "whether the custom senders' KMS key is usable")
            : unreadable("the custom senders' KMS key", key.error, channel),
        );
      } else {
        const outcome = judgeKey(ctx, keyId, key?.ok, { matters, channel, senders });
        if (outcome) outcomes.push(outcome);
      }
    }
    if (logged) merge(outcomes, logged);
    if (outcomes.length) return outcomes;
    return {
      status: 'pass',
      message: `The ${onPath.map((t) => t.kind).join(' and ')} trigger function is active and Cognito may invoke it.`,
      evidence: Object.fromEntries(onPath.map((t) => [`DescribeUserPool.UserPool.LambdaConfig.${t.field}`, t.fn.arn])),
    };
  },
};

/** What CloudTrail proves joins the finding of the same cause, if any, and makes it a failure. */
function merge(outcomes: Outcome[], logged: Outcome): void {
  const i = outcomes.findIndex((o) => o.code === logged.code);
  const same = outcomes[i];
  if (!same) {
    outcomes.push(logged);
    return;
  }
  outcomes[i] = {
    ...same,
    status: 'fail',
    message: `${same.message} ${logged.message}`,
    evidence: { ...same.evidence, ...logged.evidence },
  };
}

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
