// Where Cognito sends a sign-up confirmation code (SignUp, ResendConfirmationCode): pure rules over the
// pool's AutoVerifiedAttributes and the user's status and attributes, unit-tested as a truth table.

import type { ChannelPrediction, MechanismVerdict } from './channel.js';

export interface SignUpFacts {
  /** `DescribeUserPool.AutoVerifiedAttributes`: the contacts Cognito verifies by sending a code. */
  autoVerified: readonly string[];
  /** `AdminGetUser.UserStatus`. */
  status: string;
  attributes: Readonly<Record<string, string>>;
}

/**
 * A code goes out only while the user is UNCONFIRMED and only for an auto-verified attribute the user
 * has. With both e-mail and phone auto-verified and present, Cognito verifies the phone: the code goes
 * by SMS, and the e-mail stays unverified.
 */
export function predictSignUpChannel(facts: SignUpFacts): ChannelPrediction {
  const order = (['phone_number', 'email'] as const).filter((n) => facts.autoVerified.includes(n));
  const mechanisms: MechanismVerdict[] = order.map((n, i) => {
    const judged = { name: n, priority: i + 1 };
    if (facts.status !== 'UNCONFIRMED') return { ...judged, qualifies: false, reason: `the user is ${facts.status}` };
    if (!facts.attributes[n]) return { ...judged, qualifies: false, reason: `the user has no ${n}` };
    return { ...judged, qualifies: true, reason: `${n} is auto-verified and present` };
  });
  const chosen = mechanisms.find((m) => m.qualifies);
  if (!chosen) return { channel: 'NONE', rule: 'sign-up', mechanisms };
  const attribute = chosen.name as 'email' | 'phone_number';
  return {
    channel: attribute === 'email' ? 'EMAIL' : 'SMS',
    attribute,
    destination: facts.attributes[attribute],
    rule: 'sign-up',
    mechanisms,
  };
}
