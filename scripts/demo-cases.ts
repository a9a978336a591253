// The demo's users (test/worlds/demo.json): what each one shows, and the finding that proves it.
// scripts/demo.ts runs them; test/e2e/demo.test.ts holds the demo to them.

export const DEMO_POOL = 'eu-west-1_AbC123';
export const STAGING_POOL = 'eu-west-2_Staging1';

export interface DemoCase {
  /** The command; `forgot-password` when absent. */
  command?: 'sign-up' | 'verify-attribute' | 'invitation';
  /** The ticket's words: what the engineer types after the command. */
  args: string[];
  /** One line: what this user shows. */
  shows: string;
  /** The verdict, and the code that explains it (absent for the healthy user). */
  status: 'deliverable' | 'blocked' | 'at-risk' | 'inconclusive';
  code?: string;
}

export const DEMO_CASES: DemoCase[] = [
  {
    args: ['jane@example.com', '-p', DEMO_POOL, '-c', '1example23456789'],
    shows: 'a healthy user, found by e-mail address: the code goes out by e-mail (SES)',
    status: 'deliverable',
  },
  {
    args: ['new.hire', '-p', DEMO_POOL],
    shows: 'an admin-created user who never signed in (FORCE_CHANGE_PASSWORD)',
    status: 'blocked',
    code: 'user-force-change-password',
  },
  {
    args: ['carlos', '-p', DEMO_POOL],
    shows: 'a user whose only contact, the e-mail address, was never verified',
    status: 'blocked',
    code: 'no-verified-contact',
  },
  {
    args: ['dana', '-p', DEMO_POOL],
    shows: 'a disabled user',
    status: 'blocked',
    code: 'user-disabled',
  },
  {
    args: ['erik', '-p', DEMO_POOL],
    shows: 'an address that bounced once and is now on the SES suppression list',
    status: 'blocked',
    code: 'ses-account-suppression-list',
  },
  {
    args: ['+447400123457', '-p', DEMO_POOL],
    shows: 'a phone-only user who once replied STOP: SNS drops every SMS to the number',
    status: 'blocked',
    code: 'sms-opted-out',
  },
  {
    args: ['george', '-p', DEMO_POOL],
    shows: 'a user who signs in through an external identity provider: no password to reset',
    status: 'blocked',
    code: 'federated-user',
  },
  {
    args: ['tester', '-p', STAGING_POOL, '-c', '2staging3456789a'],
    shows: 'a staging pool whose SES account is still in the sandbox (and whose client masks errors)',
    status: 'blocked',
    code: 'ses-sandbox',
  },
  {
    args: ['sms.tester', '-p', STAGING_POOL],
    shows: 'a number that is not a verified destination of the SNS SMS sandbox',
    status: 'blocked',
    code: 'sms-sandbox',
  },
  {
    command: 'sign-up',
    args: ['sam', '-p', DEMO_POOL],
    shows: 'signed up three days ago and never confirmed: the confirmation code has expired',
    status: 'at-risk',
    code: 'stale-or-expired-code',
  },
  {
    command: 'verify-attribute',
    args: ['vera', 'email', '-p', DEMO_POOL],
    shows: 'an administrator changed the e-mail address: an admin change sends no verification code',
    status: 'at-risk',
    code: 'attribute-changed-now-unverified',
  },
  {
    command: 'invitation',
    args: ['ivan', '-p', DEMO_POOL],
    shows: 'created with MessageAction=SUPPRESS: no invitation was ever sent',
    status: 'blocked',
    code: 'invite-suppressed-or-sms-default',
  },
];

/** The command line of a demo case, without the program name. */
export const demoArgs = (c: DemoCase): string[] => [c.command ?? 'forgot-password', ...c.args];
