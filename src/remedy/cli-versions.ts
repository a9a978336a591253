// Subcommands the aws CLI v2 of Debian 12 (2.9.19) does not have yet: a printed line that uses one
// says so, so an engineer on that version is not left with "Invalid choice". The e2e fix round trip
// checks every printed subcommand against /usr/bin/aws, so this list cannot go stale silently.

const NEWER_THAN_2_9_19 = new Set([
  'cognito-idp get-log-delivery-configuration',
  'cognito-idp set-log-delivery-configuration',
  'pinpoint-sms-voice-v2 create-verified-destination-number',
  'pinpoint-sms-voice-v2 send-destination-number-verification-code',
  'pinpoint-sms-voice-v2 verify-destination-number',
  'pinpoint-sms-voice-v2 describe-registrations',
  'pinpoint-sms-voice-v2 update-protect-configuration-country-rule-set',
]);

export const VERSION_NOTE = '# needs aws CLI v2 newer than 2.9.19';

/** The note to print after `aws <service> <subcommand> …`, if that version lacks the subcommand. */
export function versionNote(service: string, subcommand: string): string | undefined {
  return NEWER_THAN_2_9_19.has(`${service} ${subcommand}`) ? VERSION_NOTE : undefined;
}
