import { describe, expect, it } from 'vitest';
import { allowedSesRegions, parseSesIdentityArn } from '../../src/domain/ses.js';

describe('allowedSesRegions (developer guide: Amazon SES email configuration Regions)', () => {
  const LEGACY = ['us-east-1', 'us-west-2', 'eu-west-1'];

  it.each(['us-east-1', 'us-west-2', 'eu-west-1'])('%s may use the three legacy Regions', (region) => {
    expect(allowedSesRegions(region).sort()).toEqual([...LEGACY].sort());
  });

  it.each([
    'us-east-2',
    'ca-central-1',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-south-1',
    'ap-southeast-1',
    'ap-southeast-2',
    'eu-west-2',
    'eu-central-1',
  ])('%s may use its own Region and the three legacy Regions', (region) => {
    expect(allowedSesRegions(region).sort()).toEqual([region, ...LEGACY].sort());
  });

  it.each([
    'us-west-1',
    'eu-west-3',
    'eu-north-1',
    'me-south-1',
    'sa-east-1',
    'ap-east-1',
    'eu-south-2',
    'il-central-1',
  ])('%s may use only its own Region', (region) => {
    expect(allowedSesRegions(region)).toEqual([region]);
  });
});

describe('parseSesIdentityArn', () => {
  it('reads a domain identity', () => {
    expect(parseSesIdentityArn('arn:aws:ses:eu-west-1:123456789012:identity/shop.example.com')).toEqual({
      partition: 'aws',
      region: 'eu-west-1',
      account: '123456789012',
      identity: 'shop.example.com',
      kind: 'DOMAIN',
    });
  });

  it('reads an address identity in another partition', () => {
    expect(parseSesIdentityArn('arn:aws-us-gov:ses:us-gov-west-1:123456789012:identity/no-reply@x.gov')).toMatchObject({
      partition: 'aws-us-gov',
      region: 'us-gov-west-1',
      identity: 'no-reply@x.gov',
      kind: 'EMAIL_ADDRESS',
    });
  });

  it.each([
    'arn:aws:ses:eu-west-1:123456789012:configuration-set/x',
    'arn:aws:sns:eu-west-1:123456789012:identity/x.com',
    'arn:aws:ses:eu-west-1:12345:identity/x.com',
    'shop.example.com',
  ])('rejects %s', (arn) => {
    expect(parseSesIdentityArn(arn)).toBeUndefined();
  });
});
