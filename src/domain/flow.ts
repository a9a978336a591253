// The four messages whose non-arrival a support engineer diagnoses. Each runs through the same channels
// (e-mail, SMS, custom sender triggers) but has its own rules for whether a message is sent and where.

import type { CauseCode } from '../causes.js';

export type Flow = 'forgot-password' | 'sign-up' | 'verify-attribute' | 'invitation';
export const FLOWS: readonly Flow[] = ['forgot-password', 'sign-up', 'verify-attribute', 'invitation'];

export interface FlowFacts {
  /** What the user waits for, for sentences: "the sign-up confirmation code". */
  message: string;
  /** The verdict's noun: "No confirmation code can be delivered". */
  noun: string;
  /** The API calls that send it (their CloudTrail event names), in the order a user makes them. */
  apis: readonly string[];
  /** The triggerSource suffix of CustomMessage and the custom senders: `CustomMessage_${suffix}`. */
  triggerSources: readonly string[];
  /** Threat protection's AuthEvent EventType for the request, when it records one. */
  authEvent?: string;
  /** The finding code for this user's calls hitting the per-user attempt limit. */
  attemptLimit: CauseCode;
}

export const FLOW_FACTS: Record<Flow, FlowFacts> = {
  'forgot-password': {
    message: 'the ForgotPassword code',
    noun: 'reset code',
    apis: ['ForgotPassword'],
    triggerSources: ['ForgotPassword'],
    authEvent: 'ForgotPassword',
    attemptLimit: 'forgot-password-attempt-limit',
  },
  'sign-up': {
    message: 'the sign-up confirmation code',
    noun: 'confirmation code',
    apis: ['SignUp', 'ResendConfirmationCode'],
    triggerSources: ['SignUp', 'ResendCode'],
    authEvent: 'SignUp',
    attemptLimit: 'resend-code-attempt-limit',
  },
  'verify-attribute': {
    message: 'the attribute verification code',
    noun: 'verification code',
    apis: ['GetUserAttributeVerificationCode'],
    triggerSources: ['VerifyUserAttribute', 'UpdateUserAttribute'],
    attemptLimit: 'resend-code-attempt-limit',
  },
  invitation: {
    message: 'the invitation (username and temporary password)',
    noun: 'invitation',
    apis: ['AdminCreateUser'],
    triggerSources: ['AdminCreateUser'],
    attemptLimit: 'resend-code-attempt-limit',
  },
};

/** The calls a flow's message comes from, for sentences: "SignUp / ResendConfirmationCode". */
export function flowApis(ctx: { flow: Flow }): string {
  return FLOW_FACTS[ctx.flow].apis.join(' / ');
}

/** The trigger sources of a flow for one trigger kind: `CustomMessage_SignUp`, `CustomMessage_ResendCode`. */
export function triggerSources(ctx: { flow: Flow }, kind: string): string[] {
  return FLOW_FACTS[ctx.flow].triggerSources.map((s) => `${kind}_${s}`);
}
