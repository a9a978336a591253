import { aws, docs, remediation } from './remedy.js';
import type { Check, Outcome } from './types.js';

export const client: Check = {
  id: 'client',
  title: 'The app client is in this pool and reports errors',
  scope: 'advice',
  dependsOn: ['pool'],
  codes: ['wrong-pool-client-or-region', 'prevent-user-existence-errors-masking', 'secret-hash-missing'],
  reads: ['cognito-idp:DescribeUserPoolClient'],
  docs: [docs.managingErrors, docs.clientSecret],
  async run(ctx) {
    const clientId = ctx.target.clientId;
    if (!clientId) return { status: 'skip', message: 'No --client-id given: the app client was not checked.' };
    const c = await ctx.cognito.appClient(clientId);
    if (!c) {
      return {
        status: 'fail',
        code: 'wrong-pool-client-or-region',
        message: `App client ${clientId} does not exist in pool ${ctx.target.userPoolId} (${ctx.target.region}): the app is configured for another pool, client or Region, and every ForgotPassword call fails.`,
        evidence: {
          'DescribeUserPoolClient.error': 'ResourceNotFoundException',
          'DescribeUserPoolClient.ClientId': clientId,
        },
        remediation: remediation(
          "Point the app at a client of this pool. These are the pool's clients:",
          [aws(ctx, ['cognito-idp', 'list-user-pool-clients', '--user-pool-id', ctx.target.userPoolId])],
          [docs.forgotPassword],
        ),
      };
    }
    const outcomes: Outcome[] = [];
    const pue = c.PreventUserExistenceErrors ?? 'LEGACY';
    if (pue === 'ENABLED') {
      outcomes.push({
        status: 'info',
        code: 'prevent-user-existence-errors-masking',
        message: `PreventUserExistenceErrors is ENABLED on ${c.ClientName ?? clientId}: ForgotPassword answers "code sent" (with a simulated destination) for a missing, disabled or unverified user, so the app's success message proves nothing.`,
        evidence: { 'DescribeUserPoolClient.UserPoolClient.PreventUserExistenceErrors': pue },
      });
    }
    if (c.ClientSecret) {
      outcomes.push({
        status: 'info',
        code: 'secret-hash-missing',
        message: `App client ${c.ClientName ?? clientId} has a secret: every ForgotPassword call must carry SECRET_HASH = Base64(HMAC_SHA256(secret, username + clientId)), or Cognito answers "Unable to verify secret hash for client ${clientId}". Browser SDKs such as Amplify cannot do this.`,
        evidence: { 'DescribeUserPoolClient.UserPoolClient.ClientSecret': '(present, not shown)' },
      });
    }
    return outcomes.length
      ? outcomes
      : {
          status: 'pass',
          message: `App client ${c.ClientName ?? clientId} belongs to this pool, has no secret and reports errors (PreventUserExistenceErrors ${pue}).`,
          evidence: { 'DescribeUserPoolClient.UserPoolClient.PreventUserExistenceErrors': pue },
        };
  },
};
