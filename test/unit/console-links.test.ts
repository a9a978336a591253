import { describe, expect, it } from 'vitest';
import { consoleHost, consoleLinks, type LinkTarget } from '../../src/domain/console-links.js';

const target: LinkTarget = { region: 'eu-west-1', userPoolId: 'eu-west-1_AbC123', username: 'jane' };
const urls = (check: string, evidence: Record<string, unknown>, t: LinkTarget = target) =>
  consoleLinks({ check, evidence }, t).map((l) => l.url);

describe('consoleHost', () => {
  it.each([
    ['eu-west-1', 'https://eu-west-1.console.aws.amazon.com'],
    ['cn-northwest-1', 'https://cn-northwest-1.console.amazonaws.cn'],
    ['us-gov-west-1', 'https://us-gov-west-1.console.amazonaws-us-gov.com'],
    ['evil.example/x', undefined],
    ['', undefined],
  ])('%s → %s', (region, host) => {
    expect(consoleHost(region)).toBe(host);
  });
});

describe('consoleLinks: which resource a finding names, by the fields it read', () => {
  it('the user, from any AdminGetUser field but the sub a log search used', () => {
    expect(urls('user-status', { 'AdminGetUser.Enabled': false })).toEqual([
      'https://eu-west-1.console.aws.amazon.com/cognito/v2/idp/user-pools/eu-west-1_AbC123/user-management/users/details/jane?region=eu-west-1',
    ]);
    expect(urls('logs', { 'AdminGetUser.UserAttributes.sub': 'x' })).toEqual([]);
    expect(urls('user-status', { 'AdminGetUser.Enabled': false }, { ...target, username: null })).toEqual([]);
  });

  it('encodes the username: an address, spaces, brackets and any script stay one path segment', () => {
    const [url] = urls(
      'contact',
      { 'AdminGetUser.UserStatus': 'CONFIRMED' },
      { ...target, username: "o'brien (jürgen)@x.example/../#" },
    );
    expect(url).toContain('/users/details/o%27brien%20%28j%C3%BCrgen%29%40x.example%2F..%2F%23?region=eu-west-1');
  });

  it("the pool's messaging settings, from its e-mail, SMS or message template configuration", () => {
    const messaging =
      'https://eu-west-1.console.aws.amazon.com/cognito/v2/idp/user-pools/eu-west-1_AbC123/messaging?region=eu-west-1';
    expect(urls('email', { 'DescribeUserPool.UserPool.EmailConfiguration.From': 'x' })).toEqual([messaging]);
    expect(urls('sms', { 'DescribeUserPool.UserPool.SmsConfiguration': null })).toEqual([messaging]);
    expect(urls('invitation', { 'DescribeUserPool.UserPool.AdminCreateUserConfig.InviteMessageTemplate': {} })).toEqual(
      [messaging],
    );
    expect(urls('recovery', { 'DescribeUserPool.UserPool.AccountRecoverySetting': {} })).toEqual([]);
  });

  it("the SES identity of the pool's SourceArn, in its own Region and account", () => {
    const links = consoleLinks(
      {
        check: 'email',
        evidence: {
          'DescribeUserPool.UserPool.EmailConfiguration.SourceArn':
            'arn:aws:ses:eu-central-1:999999999999:identity/no-reply@shop.example.com',
        },
      },
      target,
    );
    expect(links).toContainEqual({
      label: 'SES console: identity no-reply@shop.example.com (eu-central-1, account 999999999999)',
      url: 'https://eu-central-1.console.aws.amazon.com/ses/home?region=eu-central-1#/verified-identities/no-reply%40shop.example.com',
    });
  });

  it('the identity the check read when it is not the one SourceArn names (the domain of an address identity)', () => {
    expect(
      urls('email', {
        'DescribeUserPool.UserPool.EmailConfiguration.SourceArn':
          'arn:aws:ses:eu-west-1:123456789012:identity/no-reply@shop.example.com',
        emailIdentity: 'shop.example.com',
        sesRegion: 'us-east-1',
      }),
    ).toContain(
      'https://us-east-1.console.aws.amazon.com/ses/home?region=us-east-1#/verified-identities/shop.example.com',
    );
  });

  it('the SES account dashboard for account-level reads, in the SES Region', () => {
    expect(urls('email', { 'GetAccount.ProductionAccessEnabled': false, sesRegion: 'us-east-1' })).toEqual([
      'https://us-east-1.console.aws.amazon.com/ses/home?region=us-east-1#/account',
    ]);
  });

  it('the SNS text-messaging page or the End User Messaging SMS page, by the API read, in the SMS Region', () => {
    expect(urls('sms', { 'GetSMSSandboxAccountStatus.IsInSandbox': true, smsRegion: 'ap-northeast-1' })).toEqual([
      'https://ap-northeast-1.console.aws.amazon.com/sns/v3/home?region=ap-northeast-1#/mobile/text-messaging',
    ]);
    expect(urls('sms', { 'DescribeAccountAttributes.ACCOUNT_TIER': 'SANDBOX' })).toEqual([
      'https://eu-west-1.console.aws.amazon.com/sms-voice/home?region=eu-west-1#/overview',
    ]);
  });

  it("a Lambda function in another Region and account, by its ARN's Region and name, version dropped", () => {
    const links = consoleLinks(
      {
        check: 'triggers',
        evidence: {
          'DescribeUserPool.UserPool.LambdaConfig.CustomMessage':
            'arn:aws:lambda:us-east-1:210987654321:function:shared-message:live',
        },
      },
      target,
    );
    expect(links).toEqual([
      {
        label: 'Lambda console: function shared-message (us-east-1, account 210987654321)',
        url: 'https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions/shared-message',
      },
      {
        label: 'CloudWatch console: log group /aws/lambda/shared-message (us-east-1)',
        url: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Flambda$252Fshared-message',
      },
    ]);
    // Outside the triggers check the function is named, not its log.
    expect(
      urls('contact', {
        'DescribeUserPool.UserPool.LambdaConfig.PreSignUp': 'arn:aws:lambda:eu-west-1:123456789012:function:pre',
      }),
    ).toEqual(['https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/pre']);
  });

  it('log groups: the delivery ARN and the names read, an SNS group in its own Region, none for a missing one', () => {
    expect(
      urls('logs', {
        'GetLogDeliveryConfiguration.userNotification.LogGroupArn':
          'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vendedlogs/cognito/shop-prod/notifications:*',
        logGroupName: '/aws/vendedlogs/cognito/shop-prod/notifications',
      }),
    ).toEqual([
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Faws$252Fvendedlogs$252Fcognito$252Fshop-prod$252Fnotifications',
    ]);
    expect(
      urls('logs', { logGroupName: 'sns/ap-northeast-1/123456789012/DirectPublishToPhoneNumber/Failure' }),
    ).toEqual([
      'https://ap-northeast-1.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-1#logsV2:log-groups/log-group/sns$252Fap-northeast-1$252F123456789012$252FDirectPublishToPhoneNumber$252FFailure',
    ]);
    expect(urls('logs', { logGroupName: '/aws/vendedlogs/cognito/x', logGroupExists: false })).toEqual([]);
  });

  it('no link from a value that is not an id: a malformed ARN Region, text that mentions an ARN', () => {
    expect(
      urls('triggers', {
        x: 'arn:aws:lambda:evil.example/:1:function:f',
        y: 'see arn:aws:lambda:eu-west-1:1:function:f',
      }),
    ).toEqual([]);
  });
});
