// The AWS console pages of the resources a finding names, built only from ids its evidence already
// holds (the API fields the checks read) and the report's target. Pure: no request, no clock.

import { parseFunctionArn } from './lambda.js';
import { parseSesIdentityArn } from './ses.js';

export interface ConsoleLink {
  /** What the page shows, in words: "Lambda console: function shop-custom-message (eu-west-1)". */
  label: string;
  url: string;
}

export interface LinkTarget {
  region: string;
  userPoolId: string;
  /** The resolved user's Username, or null when no user was found. */
  username: string | null;
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

/** Each Region's own console host: the China and GovCloud partitions have consoles of their own. */
export function consoleHost(region: string): string | undefined {
  if (!REGION.test(region)) return undefined;
  const domain = region.startsWith('cn-')
    ? 'console.amazonaws.cn'
    : region.startsWith('us-gov-')
      ? 'console.amazonaws-us-gov.com'
      : 'console.aws.amazon.com';
  return `https://${region}.${domain}`;
}

/** encodeURIComponent, and the five characters it leaves that Markdown or a shell could read. */
const enc = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Builds one link in a Region; none for a Region that is not one (a malformed ARN, say). */
function page(region: string, path: string, label: string): ConsoleLink[] {
  const host = consoleHost(region);
  return host ? [{ label, url: `${host}/${path}` }] : [];
}

/** A resource in another account opens only when the console is signed in to that account: say which. */
const where = (region: string, account?: string) => (account ? `${region}, account ${account}` : region);

const pages = {
  user: (t: LinkTarget & { username: string }) =>
    page(
      t.region,
      `cognito/v2/idp/user-pools/${enc(t.userPoolId)}/user-management/users/details/${enc(t.username)}?region=${t.region}`,
      `Cognito console: user ${t.username}`,
    ),
  poolMessaging: (t: LinkTarget) =>
    page(
      t.region,
      `cognito/v2/idp/user-pools/${enc(t.userPoolId)}/messaging?region=${t.region}`,
      `Cognito console: messaging settings of pool ${t.userPoolId}`,
    ),
  sesIdentity: (region: string, identity: string, account?: string) =>
    page(
      region,
      `ses/home?region=${region}#/verified-identities/${enc(identity)}`,
      `SES console: identity ${identity} (${where(region, account)})`,
    ),
  sesAccount: (region: string) =>
    page(region, `ses/home?region=${region}#/account`, `SES console: account dashboard (${region})`),
  snsTextMessaging: (region: string) =>
    page(region, `sns/v3/home?region=${region}#/mobile/text-messaging`, `SNS console: SMS text messaging (${region})`),
  endUserMessagingSms: (region: string) =>
    page(region, `sms-voice/home?region=${region}#/overview`, `AWS End User Messaging SMS console (${region})`),
  lambdaFunction: (region: string, name: string, account?: string) =>
    page(
      region,
      `lambda/home?region=${region}#/functions/${enc(name)}`,
      `Lambda console: function ${name} (${where(region, account)})`,
    ),
  /** The console reads the name encoded twice, with `$` for `%` (`/aws/lambda/x` → `$252Faws$252Flambda$252Fx`). */
  logGroup: (region: string, name: string) =>
    page(
      region,
      `cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${enc(enc(name)).replace(/%/g, '$')}`,
      `CloudWatch console: log group ${name} (${region})`,
    ),
};

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

const has = (keys: readonly string[], pattern: RegExp) => keys.some((k) => pattern.test(k));

// What a finding names, by the API fields in its evidence.
const READS_USER = /^AdminGetUser\.(?!UserAttributes\.sub$|error$)/;
const READS_MESSAGING =
  /^DescribeUserPool\.UserPool\.(EmailConfiguration|SmsConfiguration|VerificationMessageTemplate|AdminCreateUserConfig\.InviteMessageTemplate)/;
const READS_SES_ACCOUNT = /^GetAccount\./;
const READS_SNS_SMS =
  /^(GetSMSSandboxAccountStatus|GetSMSAttributes|ListSMSSandboxPhoneNumbers|CheckIfPhoneNumberIsOptedOut|GetMetricData\.AWS\/SNS)\b/;
const READS_EUM_SMS =
  /^(DescribeAccountAttributes|DescribeOptedOutNumbers|DescribePhoneNumbers|DescribeProtectConfigurations|DescribeSpendLimits|DescribeVerifiedDestinationNumbers|GetProtectConfigurationCountryRuleSet|DescribeUserPool\.UserPool\.SmsConfiguration\.EumsSms)\b/;
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:/;
const LOG_GROUP_ARN = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):\d{12}:log-group:(.+?)(?::\*)?$/;

/** The SES identity the finding names: the one the check read, in the account of the pool's SourceArn. */
function sesIdentity(evidence: Record<string, unknown>, t: LinkTarget): ConsoleLink[] {
  const source = parseSesIdentityArn(text(evidence['DescribeUserPool.UserPool.EmailConfiguration.SourceArn']) ?? '');
  const read = text(evidence.emailIdentity);
  if (source && (!read || read === source.identity))
    return pages.sesIdentity(source.region, source.identity, source.account);
  return read ? pages.sesIdentity(text(evidence.sesRegion) ?? t.region, read) : [];
}

/** Every Lambda function the evidence names by ARN; for the triggers check, the function's log group too. */
function functions(check: string, evidence: Record<string, unknown>, t: LinkTarget): ConsoleLink[] {
  return Object.values(evidence)
    .map(text)
    .filter((v): v is string => v !== undefined && LAMBDA_ARN.test(v))
    .flatMap((arn) => {
      const fn = parseFunctionArn(arn, t.region);
      return [
        ...pages.lambdaFunction(fn.region, fn.name, fn.account),
        ...(check === 'triggers' ? pages.logGroup(fn.region, `/aws/lambda/${fn.name}`) : []),
      ];
    });
}

/** The log groups the logs check read (not one it found missing); an SNS log group names its Region. */
function logGroups(evidence: Record<string, unknown>, t: LinkTarget): ConsoleLink[] {
  const arn = LOG_GROUP_ARN.exec(text(evidence['GetLogDeliveryConfiguration.userNotification.LogGroupArn']) ?? '');
  const name = evidence.logGroupExists === false ? undefined : text(evidence.logGroupName);
  return [
    ...(arn ? pages.logGroup(arn[1]!, arn[2]!) : []),
    ...(name ? pages.logGroup(/^sns\/([a-z0-9-]+)\//.exec(name)?.[1] ?? t.region, name) : []),
  ];
}

/** The console pages of the resources one finding names, each once, in a fixed order. */
export function consoleLinks(
  finding: { check: string; evidence: Record<string, unknown> },
  t: LinkTarget,
): ConsoleLink[] {
  const { check, evidence } = finding;
  const keys = Object.keys(evidence);
  const smsRegion = text(evidence.smsRegion) ?? t.region;
  const links = [
    ...(t.username && has(keys, READS_USER) ? pages.user({ ...t, username: t.username }) : []),
    ...(has(keys, READS_MESSAGING) ? pages.poolMessaging(t) : []),
    ...sesIdentity(evidence, t),
    ...(has(keys, READS_SES_ACCOUNT) ? pages.sesAccount(text(evidence.sesRegion) ?? t.region) : []),
    ...(has(keys, READS_SNS_SMS) ? pages.snsTextMessaging(smsRegion) : []),
    ...(has(keys, READS_EUM_SMS) ? pages.endUserMessagingSms(smsRegion) : []),
    ...functions(check, evidence, t),
    ...logGroups(evidence, t),
  ];
  return links.filter((l, i) => links.findIndex((o) => o.url === l.url) === i);
}
