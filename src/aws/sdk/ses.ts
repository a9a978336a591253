// The part of @aws-sdk/client-sesv2 the tool sends; the bundle keeps only these, not every operation.
export {
  SESv2Client,
  DeleteSuppressedDestinationCommand,
  GetAccountCommand,
  GetConfigurationSetCommand,
  GetEmailIdentityCommand,
  GetSuppressedDestinationCommand,
} from '@aws-sdk/client-sesv2';
