// The part of @aws-sdk/client-sns the tool sends; the bundle keeps only these, not every operation.
export {
  SNSClient,
  CheckIfPhoneNumberIsOptedOutCommand,
  GetSMSAttributesCommand,
  GetSMSSandboxAccountStatusCommand,
  ListSMSSandboxPhoneNumbersCommand,
  OptInPhoneNumberCommand,
} from '@aws-sdk/client-sns';
