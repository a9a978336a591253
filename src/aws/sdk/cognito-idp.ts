// The part of @aws-sdk/client-cognito-identity-provider the tool sends; the bundle keeps only these, not every operation.
export {
  CognitoIdentityProviderClient,
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListUserAuthEventsCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetLogDeliveryConfigurationCommand,
  ListUserImportJobsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
