import { describe, expect, it } from 'vitest';
import { LEGACY_SNS_ALTERNATE, smsRegionFor } from '../../src/domain/sms-region.js';

const sns = (SnsRegion?: string) => ({ SnsCallerArn: 'arn:aws:iam::1:role/r', ...(SnsRegion ? { SnsRegion } : {}) });

describe('SMS Region table', () => {
  it.each([
    // pool Region, SnsRegion, → SMS Region, source, differs, problem
    ['eu-west-1', undefined, 'eu-west-1', 'pool Region', false, undefined],
    ['eu-west-1', 'eu-west-1', 'eu-west-1', 'SmsConfiguration.SnsRegion', false, undefined],
    // The alternates are an explicit choice, never a default.
    ['us-east-2', undefined, 'us-east-2', 'pool Region', false, undefined],
    ['eu-central-1', undefined, 'eu-central-1', 'pool Region', false, undefined],
    ['us-east-2', 'us-east-1', 'us-east-1', 'SmsConfiguration.SnsRegion', true, undefined],
    ['ap-south-1', 'ap-southeast-1', 'ap-southeast-1', 'SmsConfiguration.SnsRegion', true, undefined],
    ['ca-central-1', 'us-east-1', 'us-east-1', 'SmsConfiguration.SnsRegion', true, undefined],
    ['eu-central-1', 'eu-west-1', 'eu-west-1', 'SmsConfiguration.SnsRegion', true, undefined],
    ['eu-west-2', 'eu-west-1', 'eu-west-1', 'SmsConfiguration.SnsRegion', true, undefined],
    ['ap-northeast-2', 'ap-northeast-1', 'ap-northeast-1', 'SmsConfiguration.SnsRegion', true, undefined],
    // Seoul must name Tokyo: absent or naming Seoul itself is a finding.
    ['ap-northeast-2', undefined, 'ap-northeast-2', 'pool Region', false, 'must-use-alternate'],
    ['ap-northeast-2', 'ap-northeast-2', 'ap-northeast-2', 'SmsConfiguration.SnsRegion', false, 'must-use-alternate'],
    // Not the documented alternate for this pool Region.
    ['eu-west-1', 'us-east-1', 'us-east-1', 'SmsConfiguration.SnsRegion', true, 'undocumented-alternate'],
    ['eu-west-2', 'us-east-1', 'us-east-1', 'SmsConfiguration.SnsRegion', true, 'undocumented-alternate'],
  ] as const)('pool %s, SnsRegion %s → %s (%s)', (pool, named, region, source, differs, problem) => {
    const r = smsRegionFor(pool, sns(named));
    expect({ region: r.region, source: r.source, differs: r.differs, problem: r.problem }).toEqual({
      region,
      source,
      differs,
      problem,
    });
    expect(r.reason).toContain(pool);
  });

  it('lists exactly the documented legacy alternates', () => {
    expect(LEGACY_SNS_ALTERNATE).toEqual({
      'us-east-2': 'us-east-1',
      'ap-south-1': 'ap-southeast-1',
      'ap-northeast-2': 'ap-northeast-1',
      'ca-central-1': 'us-east-1',
      'eu-central-1': 'eu-west-1',
      'eu-west-2': 'eu-west-1',
    });
  });

  it('End User Messaging uses the pool Region; another EumsSms.Region is flagged', () => {
    const eum = (Region?: string) => ({
      EumsSms: { CallerArn: 'arn:aws:iam::1:role/r', ...(Region ? { Region } : {}) },
    });
    expect(smsRegionFor('us-east-2', eum())).toMatchObject({
      region: 'us-east-2',
      source: 'pool Region',
      differs: false,
    });
    expect(smsRegionFor('us-east-2', eum('us-east-2'))).toMatchObject({
      source: 'SmsConfiguration.EumsSms.Region',
      differs: false,
    });
    expect(smsRegionFor('us-east-2', eum('us-east-1'))).toMatchObject({
      region: 'us-east-1',
      differs: true,
      problem: 'eum-other-region',
    });
    // EumsSms wins over a stray SnsRegion: the alternates are an SNS notion.
    expect(smsRegionFor('ap-northeast-2', { SnsRegion: 'ap-northeast-1', ...eum() }).region).toBe('ap-northeast-2');
  });

  it('without any SMS configuration the pool Region is used', () => {
    expect(smsRegionFor('eu-west-1', undefined)).toMatchObject({ region: 'eu-west-1', source: 'pool Region' });
  });
});
