// Where Cognito sends an AdminCreateUser invitation: pure rules over the request (MessageAction,
// DesiredDeliveryMediums) and the user's status and attributes, unit-tested as a truth table.

import type { ChannelPrediction, MechanismVerdict } from './channel.js';

export interface InvitationFacts {
  /** `AdminGetUser.UserStatus`: an invitation is sent (and resent) only in FORCE_CHANGE_PASSWORD. */
  status: string;
  attributes: Readonly<Record<string, string>>;
  /** What the AdminCreateUser request asked for, when CloudTrail shows it; undefined when unknown. */
  request?: { messageAction?: string; desiredDeliveryMediums?: readonly string[] };
}

const ATTRIBUTE = { EMAIL: 'email', SMS: 'phone_number' } as const;

/**
 * SUPPRESS sends nothing; otherwise each requested medium (SMS when the request names none) goes to
 * the user's attribute for it, e-mail first. With the request unknown, the medium that can reach the
 * user is predicted: the e-mail address, else the phone.
 */
export function predictInvitationChannel(facts: InvitationFacts): ChannelPrediction {
  const requested = facts.request ? (facts.request.desiredDeliveryMediums ?? ['SMS']) : ['EMAIL', 'SMS'];
  const mediums = (['EMAIL', 'SMS'] as const).filter((m) => requested.includes(m));
  const mechanisms: MechanismVerdict[] = mediums.map((m, i) => {
    const judged = { name: m, priority: i + 1 };
    const n = ATTRIBUTE[m];
    if (facts.status !== 'FORCE_CHANGE_PASSWORD') {
      return { ...judged, qualifies: false, reason: `the user is ${facts.status}` };
    }
    if (facts.request?.messageAction === 'SUPPRESS') {
      return { ...judged, qualifies: false, reason: 'the request said MessageAction=SUPPRESS' };
    }
    if (!facts.attributes[n]) return { ...judged, qualifies: false, reason: `the user has no ${n}` };
    return { ...judged, qualifies: true, reason: `${m} was requested and the user has ${n}` };
  });
  const chosen = mechanisms.find((m) => m.qualifies);
  if (!chosen) return { channel: 'NONE', rule: 'invitation', mechanisms };
  const medium = chosen.name as 'EMAIL' | 'SMS';
  return {
    channel: medium,
    attribute: ATTRIBUTE[medium],
    destination: facts.attributes[ATTRIBUTE[medium]],
    rule: 'invitation',
    mechanisms,
  };
}

export type InvitationMedium = keyof typeof ATTRIBUTE;

/**
 * The medium a resent invitation (MessageAction=RESEND) should name so it reaches the user: the one an
 * unknown request is predicted to use (the e-mail address, else the phone); undefined with neither,
 * since DesiredDeliveryMediums can only name a medium whose attribute the user has.
 */
export function resendMedium(attributes: Readonly<Record<string, string>>): InvitationMedium | undefined {
  const p = predictInvitationChannel({ status: 'FORCE_CHANGE_PASSWORD', attributes });
  return p.channel === 'NONE' ? undefined : p.channel;
}
