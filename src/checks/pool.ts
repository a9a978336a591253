import type { Check } from './types.js';

export const pool: Check = {
  id: 'pool',
  title: 'The user pool exists and is readable',
  scope: 'core',
  codes: ['pool-not-found'],
  reads: ['cognito-idp:DescribeUserPool'],
  docs: ['https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPool.html'],
  errorCodes: { 'not-found': 'pool-not-found' },
  async run(ctx) {
    const p = await ctx.pool();
    return {
      status: 'pass',
      message: `Pool "${p.Name}" (${p.Id}) is readable in ${ctx.target.region}.`,
      evidence: {
        'DescribeUserPool.UserPool.Id': p.Id,
        'DescribeUserPool.UserPool.Name': p.Name,
        'DescribeUserPool.UserPool.Arn': p.Arn,
      },
    };
  },
};
