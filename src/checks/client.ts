import type { Context } from '../context/index.js';
import { FLOW_FACTS } from '../domain/flow.js';
import { aws, clientCallCommand } from '../remedy/commands.js';
import { docs } from '../remedy/links.js';
import { remediation } from './remedy.js';
import type { Check, Outcome } from './types.js';

export const client: Check = {
  id: 'client',
  title: 'The app client is in this pool and reports errors',
  scope: 'advice',
  dependsOn: ['pool'],
  codes: [
    'wrong-pool-client-or-region',
    'prevent-user-existence-errors-masking',
    'secret-hash-missing',
    'secret-hash-wrong-input',
  ],
  reads: ['cognito-idp:DescribeUserPoolClient'],
  docs: [docs.managingErrors, docs.clientSecret],
  async run(ctx) {
    const api = FLOW_FACTS[ctx.flow].apis.join(' / ');
    const verb = ctx.flow === 'sign-up' ? 'resend-confirmation-code' : 'forgot-password';
    const clientId = ctx.target.clientId;
    if (!clientId) return { status: 'skip', message: 'No --client-id given: the app client was not checked.' };
    const c = await ctx.cognito.appClient(clientId);
    if (!c) {
      return {
        status: 'fail',
        code: 'wrong-pool-client-or-region',
        message: `App client ${clientId} does not exist in pool ${ctx.target.userPoolId} (${ctx.target.region}): the app is configured for another pool, client or Region, and every ${api} call fails.`,
        evidence: {
          'DescribeUserPoolClient.error': 'ResourceNotFoundException',
          'DescribeUserPoolClient.ClientId': clientId,
          'DescribeUserPoolClient.UserPoolId': ctx.target.userPoolId,
          region: ctx.target.region,
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
      // Info by itself; the report raises it to warn when it hides a failing finding (docs/report.md).
      outcomes.push({
        status: 'info',
        code: 'prevent-user-existence-errors-masking',
        message: `PreventUserExistenceErrors is ENABLED on ${c.ClientName ?? clientId}: ${api} answers "code sent" (with a simulated destination) for a missing, disabled or unverified user, so the app's success message proves nothing.`,
        evidence: { 'DescribeUserPoolClient.UserPoolClient.PreventUserExistenceErrors': pue },
        remediation: remediation(
          'Keep it (it prevents account enumeration) and diagnose with the admin APIs, as this tool does. Turning it off (LEGACY) is a full-config update-user-pool-client, which resets every client setting it omits; start from the current configuration:',
          [
            aws(ctx, [
              'cognito-idp',
              'describe-user-pool-client',
              '--user-pool-id',
              ctx.target.userPoolId,
              '--client-id',
              clientId,
            ]),
          ],
          [docs.managingErrors],
        ),
      });
    }
    if (c.ClientSecret) {
      const name = await username(ctx);
      if (name.toLowerCase() !== ctx.target.input.toLowerCase()) {
        // The ticket gave an alias (an e-mail address, a phone number, a sub): a hash over it is refused.
        outcomes.push({
          status: 'info',
          code: 'secret-hash-wrong-input',
          message: `"${ctx.target.input}" is not the username: it resolves to user ${name}. SECRET_HASH is computed over the real username ("${name}"); an app that hashes what the user typed gets "Unable to verify secret hash for client ${clientId}".`,
          evidence: { input: ctx.target.input, 'AdminGetUser.Username': name },
          remediation: remediation(
            `Hash the username Cognito resolves the input to: \`cognito-doctor secret-hash ${name} --client-id ${clientId} -p ${ctx.target.userPoolId}\` prints that hash, never the secret.`,
            [],
            [docs.clientSecret],
          ),
        });
      }
      outcomes.push({
        status: 'info',
        code: 'secret-hash-missing',
        message: `App client ${c.ClientName ?? clientId} has a secret: every ${api} call must carry SECRET_HASH = Base64(HMAC_SHA256(secret, username + clientId)) over the exact Username sent, or Cognito answers "Unable to verify secret hash for client ${clientId}". Browser SDKs such as Amplify cannot do this.`,
        evidence: { 'DescribeUserPoolClient.UserPoolClient.ClientSecret': '(present, not shown)' },
        remediation: remediation(
          `Compute SECRET_HASH on a server, or call ${api} through an app client without a secret. The call, complete (\`cognito-doctor secret-hash\` computes the hash over the real username; the secret is never printed):`,
          [clientCallCommand(ctx, verb, name, { id: clientId, hasSecret: true })],
          [docs.clientSecret],
        ),
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

/** The resolved username for a command line, or the input when the user check cannot say. */
async function username(ctx: Context): Promise<string> {
  return ctx.user().then(
    (r) => r.user?.Username ?? ctx.target.input,
    () => ctx.target.input,
  );
}
