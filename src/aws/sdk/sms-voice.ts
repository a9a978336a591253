// The part of @aws-sdk/client-pinpoint-sms-voice-v2 the tool sends; the bundle keeps only these, not every operation.
export {
  PinpointSMSVoiceV2Client,
  DeleteOptedOutNumberCommand,
  DescribeAccountAttributesCommand,
  DescribeOptedOutNumbersCommand,
  DescribePhoneNumbersCommand,
  DescribeProtectConfigurationsCommand,
  DescribeRegistrationsCommand,
  DescribeSpendLimitsCommand,
  DescribeVerifiedDestinationNumbersCommand,
  GetProtectConfigurationCountryRuleSetCommand,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
