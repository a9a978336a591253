// The part of @aws-sdk/client-iam the tool sends; the bundle keeps only these, not every operation.
export {
  IAMClient,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
