// The request-rate quotas the tool stays under: which quota each AWS action counts against (its
// category) and that quota's default requests per second, per account and Region. Where AWS publishes
// a quota the figure is AWS's; where it publishes none the default below is ours, chosen low.
// docs/architecture.md lists the sources and which figures are ours.

import type { IamAction, ServiceName } from './services.js';

export interface RateLimit {
  /** Requests of every action with the same category count against one quota. */
  category: string;
  /** The quota's default, in requests per second. */
  rps: number;
}

/**
 * Cognito user pools share a quota per API category. Only the categories of the operations the tool
 * sends are listed; UserPoolClientRead is held at 5, the rate any one operation of that category may
 * reach for a single user pool.
 */
const COGNITO: Record<string, { rps: number; actions: readonly string[] }> = {
  UserPoolRead: {
    rps: 15,
    actions: ['DescribeUserPool', 'GetLogDeliveryConfiguration', 'ListUserImportJobs', 'GetUserPoolMfaConfig'],
  },
  UserPoolClientRead: { rps: 5, actions: ['DescribeUserPoolClient', 'ListUserPoolClients'] },
  UserRead: { rps: 120, actions: ['AdminGetUser', 'GetUser'] },
  UserList: { rps: 30, actions: ['ListUsers', 'ListUsersInGroup'] },
  UserResourceRead: { rps: 50, actions: ['AdminListUserAuthEvents', 'AdminListGroupsForUser', 'AdminListDevices'] },
  UserCreation: { rps: 50, actions: ['AdminCreateUser', 'AdminConfirmSignUp', 'SignUp', 'ConfirmSignUp'] },
  UserAccountRecovery: {
    rps: 30,
    actions: ['AdminSetUserPassword', 'AdminResetUserPassword', 'ForgotPassword', 'ConfirmForgotPassword'],
  },
  UserUpdate: { rps: 25, actions: ['AdminUpdateUserAttributes', 'AdminEnableUser', 'AdminDisableUser'] },
};

/** A Cognito operation missing from the table: the lowest category quota. */
const COGNITO_UNLISTED_RPS = 15;

/** Actions with a quota of their own. */
const PER_ACTION: Record<string, number> = {
  'cloudtrail:LookupEvents': 2,
  'logs:FilterLogEvents': 5,
  'cloudwatch:GetMetricData': 50,
  'lambda:GetFunction': 100,
  'lambda:GetPolicy': 15,
  'sms-voice:DeleteOptedOutNumber': 10,
};

/** Services whose remaining actions share one quota (`shared`) or each have the same one. */
const SERVICE_DEFAULT: Partial<Record<ServiceName, { rps: number; shared?: string }>> = {
  // Every other Lambda control-plane request shares one quota.
  lambda: { rps: 15, shared: 'lambda:control-plane' },
  // End User Messaging SMS publishes a quota per operation: 1 for nearly all of them.
  'sms-voice': { rps: 1 },
};

/** No quota published (SNS, SES, IAM, KMS, STS reads): ours, per action. */
export const UNPUBLISHED_RPS = 5;

const COGNITO_CATEGORY = new Map(
  Object.entries(COGNITO).flatMap(([category, { rps, actions }]) =>
    actions.map((a) => [a, { category: `cognito-idp:${category}`, rps }] as const),
  ),
);

export function rateLimitOf(action: IamAction): RateLimit {
  const colon = action.indexOf(':');
  const service = action.slice(0, colon) as ServiceName;
  const operation = action.slice(colon + 1);
  if (service === 'cognito-idp') {
    return COGNITO_CATEGORY.get(operation) ?? { category: action, rps: COGNITO_UNLISTED_RPS };
  }
  const own = PER_ACTION[action];
  if (own !== undefined) return { category: action, rps: own };
  const fallback = SERVICE_DEFAULT[service];
  if (fallback) return { category: fallback.shared ?? action, rps: fallback.rps };
  return { category: action, rps: UNPUBLISHED_RPS };
}
