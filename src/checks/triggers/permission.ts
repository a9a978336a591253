import type { Context } from '../../context/index.js';
import { flowApis } from '../../domain/flow.js';
import { cognitoInvokePermission, COGNITO_PRINCIPAL } from '../../domain/lambda.js';
import { aws } from '../../remedy/commands.js';
import { docs } from '../../remedy/links.js';
import { remediation } from '../remedy.js';
import type { Outcome } from '../types.js';
import { notBlocking, severity, type Path, type Trigger } from './path.js';

/** The function's resource policy must let Cognito invoke it for this pool (the console adds it; IaC often does not). */
export function permissionOutcome(
  ctx: Context,
  t: Trigger,
  policy: string | undefined,
  path: Path & { poolArn: string; account: string | undefined },
): Outcome | undefined {
  const where = { [`DescribeUserPool.UserPool.LambdaConfig.${t.field}`]: t.fn.arn };
  const sync = t.kind === 'CustomMessage';
  const tail = notBlocking(path);
  const permission = cognitoInvokePermission(policy, path.poolArn, path.account);
  if (permission.allowedBy) return undefined;
  const sourceAccount = path.account ? ['--source-account', path.account] : [];
  return {
    status: severity('fail', path),
    code: 'lambda-invoke-permission-missing',
    message: `Cognito may not invoke the ${t.kind} function ${t.fn.arn}: ${permission.reason}. ${sync ? `${flowApis(ctx)} fails with UnexpectedLambdaException "… AccessDeniedException"` : `No ${t.channel === 'EMAIL' ? 'e-mail' : 'SMS'} is handed to the sender`}.${tail}`,
    evidence: {
      ...where,
      'DescribeUserPool.UserPool.Arn': path.poolArn,
      'GetPolicy.Policy':
        policy === undefined ? null : `${permission.cognitoStatements.length} statement(s) for ${COGNITO_PRINCIPAL}`,
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
  };
}
