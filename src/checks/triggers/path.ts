import type { LambdaConfigType } from '@aws-sdk/client-cognito-identity-provider';
import type { Context } from '../../context/index.js';
import { parseFunctionArn, type FunctionRef } from '../../domain/lambda.js';
import type { Channel, Outcome } from '../types.js';

export type Kind = 'CustomMessage' | 'CustomEmailSender' | 'CustomSMSSender';

/** A trigger on the message path; PreSignUp, PostConfirmation and the like are not. */
export interface Trigger {
  kind: Kind;
  fn: FunctionRef;
  /** The channel a custom sender delivers; a CustomMessage trigger composes both. */
  channel?: Channel;
  /** The LambdaConfig field that names the function, for the evidence. */
  field: string;
}

/** The triggers on the message path, and the names of the others (which take no part in it). */
export function messageTriggers(config: LambdaConfigType, region: string): { onPath: Trigger[]; offPath: string[] } {
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
  return { onPath, offPath };
}

export interface Path {
  /** Whether this trigger stands between Cognito and this user's code. */
  matters: boolean;
  channel: Channel | undefined;
}

/** Off the user's path a problem is capped: fail → warn, warn → info. */
export function severity(wanted: 'fail' | 'warn', path: Path): Outcome['status'] {
  if (path.matters) return wanted;
  return wanted === 'fail' ? 'warn' : 'info';
}

export function notBlocking(path: Path): string {
  if (path.matters) return '';
  return path.channel
    ? ` (Not blocking: this user's code goes by ${path.channel}.)`
    : ' (Not blocking: no channel is known for this user yet.)';
}

export function windowText(ctx: Context): string {
  const hours = ctx.target.sinceMs / 3_600_000;
  if (hours >= 48 && hours % 24 === 0) return `${hours / 24}d`;
  return Number.isInteger(hours) ? `${hours}h` : `${Math.round(ctx.target.sinceMs / 60_000)}m`;
}
