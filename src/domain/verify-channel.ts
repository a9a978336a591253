// Where Cognito sends an attribute verification code (GetUserAttributeVerificationCode, and the code
// UpdateUserAttributes sends for a changed e-mail or phone): pure rules, unit-tested as a truth table.

import type { ChannelPrediction } from './channel.js';
import type { ContactAttribute } from './contact-holders.js';
import { NO_ACCESS_TOKEN, statusCause } from './user-state.js';

export interface VerifyFacts {
  attribute: ContactAttribute;
  /**
   * `AdminGetUser.UserStatus`: a user who cannot sign in (FORCE_CHANGE_PASSWORD, UNCONFIRMED,
   * RESET_REQUIRED) has no access token to ask with; a federated user's attributes are its provider's.
   */
  status: string;
  attributes: Readonly<Record<string, string>>;
}

/**
 * The code goes to the attribute itself: an e-mail by e-mail, a phone number by SMS, to the value
 * AdminGetUser shows (with a change pending verification, the new value, which it does not show).
 */
export function predictVerificationChannel(facts: VerifyFacts): ChannelPrediction {
  const n = facts.attribute;
  const medium = n === 'email' ? 'EMAIL' : 'SMS';
  const judged = { name: n, priority: 1 };
  const cause = statusCause(facts.status);
  const reason =
    cause && (NO_ACCESS_TOKEN.has(cause) || cause === 'federated-user')
      ? `the user is ${facts.status}`
      : !facts.attributes[n]
        ? `the user has no ${n}`
        : undefined;
  if (reason)
    return { channel: 'NONE', rule: 'verify-attribute', mechanisms: [{ ...judged, qualifies: false, reason }] };
  return {
    channel: medium,
    attribute: n,
    destination: facts.attributes[n],
    rule: 'verify-attribute',
    mechanisms: [{ ...judged, qualifies: true, reason: `the code goes to the ${n} itself` }],
  };
}
