// Where Cognito sends a ForgotPassword code: pure rules over the pool's AccountRecoverySetting and the
// user's attributes and MFA, so they can be unit-tested as a truth table.

export type RecoveryMechanismName = 'verified_email' | 'verified_phone_number' | 'admin_only';

export interface RecoveryMechanism {
  Name?: string;
  Priority?: number;
}

export interface ChannelFacts {
  /** `AccountRecoverySetting.RecoveryMechanisms`; undefined when the pool has no setting (legacy). */
  mechanisms: readonly RecoveryMechanism[] | undefined;
  /** The user's attributes by name (`email`, `email_verified`, `phone_number` …). */
  attributes: Readonly<Record<string, string>>;
  /** Active MFA methods for this user: `SMS_MFA`, `EMAIL_OTP`, `SOFTWARE_TOKEN_MFA`. */
  mfa: readonly string[];
}

export type DisqualifyingMfa = 'SMS_MFA' | 'EMAIL_OTP';

export interface MechanismVerdict {
  name: string;
  priority: number;
  qualifies: boolean;
  /** Why it does or does not qualify, in words for the report. */
  reason: string;
  /** Set when the attribute is verified but an MFA factor rules it out for recovery. */
  disqualifiedBy?: DisqualifyingMfa;
}

export interface ChannelPrediction {
  channel: 'EMAIL' | 'SMS' | 'NONE';
  /** The attribute the code goes to, and its raw value. */
  attribute?: 'email' | 'phone_number';
  destination?: string;
  /**
   * ForgotPassword: `legacy` when the pool has no AccountRecoverySetting (verified phone first, then
   * e-mail). The other flows name themselves: each has its own rule for whether and where.
   */
  rule: 'recovery-setting' | 'legacy' | 'admin-only' | 'sign-up' | 'invitation' | 'verify-attribute';
  /** Every mechanism in priority order, judged for this user. */
  mechanisms: MechanismVerdict[];
}

const LEGACY: RecoveryMechanism[] = [
  { Name: 'verified_phone_number', Priority: 1 },
  { Name: 'verified_email', Priority: 2 },
];

export function predictChannel(facts: ChannelFacts): ChannelPrediction {
  const legacy = !facts.mechanisms || facts.mechanisms.length === 0;
  const ordered = [...(legacy ? LEGACY : facts.mechanisms!)].sort((a, b) => (a.Priority ?? 99) - (b.Priority ?? 99));
  if (ordered.some((m) => m.Name === 'admin_only')) {
    return {
      channel: 'NONE',
      rule: 'admin-only',
      mechanisms: ordered.map((m) => verdict(m, false, 'self-service recovery is off')),
    };
  }
  const mechanisms = ordered.map((m) => judge(m, facts, legacy));
  const chosen = mechanisms.find((m) => m.qualifies);
  const rule = legacy ? 'legacy' : 'recovery-setting';
  if (!chosen) return { channel: 'NONE', rule, mechanisms };
  const attribute = chosen.name === 'verified_email' ? 'email' : 'phone_number';
  return {
    channel: attribute === 'email' ? 'EMAIL' : 'SMS',
    attribute,
    destination: facts.attributes[attribute],
    rule,
    mechanisms,
  };
}

function judge(m: RecoveryMechanism, facts: ChannelFacts, legacy: boolean): MechanismVerdict {
  const isEmail = m.Name === 'verified_email';
  if (!isEmail && m.Name !== 'verified_phone_number') return verdict(m, false, 'unknown mechanism');
  const attribute = isEmail ? 'email' : 'phone_number';
  if (!facts.attributes[attribute]) return verdict(m, false, `the user has no ${attribute}`);
  if (facts.attributes[`${attribute}_verified`] !== 'true')
    return verdict(m, false, `${attribute}_verified is not "true"`);
  // With an AccountRecoverySetting, an MFA factor cannot also be the recovery channel; the legacy
  // rule predates that and still uses the phone.
  const factor: DisqualifyingMfa = isEmail ? 'EMAIL_OTP' : 'SMS_MFA';
  if (!legacy && facts.mfa.includes(factor)) {
    const what = isEmail ? 'e-mail MFA (EMAIL_OTP)' : 'SMS MFA (SMS_MFA)';
    return {
      ...verdict(m, false, `${attribute} is verified, but ${what} is active for the user`),
      disqualifiedBy: factor,
    };
  }
  return verdict(m, true, `${attribute} is verified`);
}

function verdict(m: RecoveryMechanism, qualifies: boolean, reason: string): MechanismVerdict {
  return { name: m.Name ?? 'unknown', priority: m.Priority ?? 0, qualifies, reason };
}

/** Mask a destination the way Cognito's CodeDeliveryDetails does: `j***@e***`, `+*******1234`. */
export function maskDestination(value: string | undefined): string | null {
  if (!value) return null;
  const at = value.indexOf('@');
  if (at > 0) return `${value[0]}***@${value[at + 1] ?? ''}***`;
  const digits = value.replace(/^\+/, '');
  if (digits.length <= 4) return `+${digits}`;
  return `+${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/**
 * The contact to mark verified: the one the recovery rule would pick if every unverified contact
 * were verified, so a single assertion of ownership makes a channel qualify.
 */
export function contactToVerify(facts: ChannelFacts): 'email' | 'phone_number' | undefined {
  const a = facts.attributes;
  const unverified = (['email', 'phone_number'] as const).filter((n) => a[n] && a[`${n}_verified`] !== 'true');
  if (!unverified.length) return undefined;
  const hypothetical = { ...a, ...Object.fromEntries(unverified.map((n) => [`${n}_verified`, 'true'])) };
  const chosen = predictChannel({ ...facts, attributes: hypothetical }).attribute;
  return chosen && unverified.includes(chosen) ? chosen : undefined;
}

/** Why no recovery mechanism qualifies, as the cause code the report names. */
export type NoChannelCause =
  | 'recovery-admin-only'
  | 'sms-mfa-disqualifies-phone'
  | 'email-mfa-disqualifies-email'
  | 'no-verified-contact'
  | 'recovery-channel-not-verified-for-user';

/**
 * Why a prediction sends nowhere; undefined when it picks a channel. A verified contact ruled out by
 * MFA explains it first; with nothing verified at all, the missing verification does; otherwise the
 * verified contact is one the recovery setting does not use.
 */
export function noChannelCause(
  prediction: ChannelPrediction,
  attributes: Readonly<Record<string, string>>,
): NoChannelCause | undefined {
  if (prediction.rule === 'admin-only') return 'recovery-admin-only';
  if (prediction.channel !== 'NONE') return undefined;
  const factor = prediction.mechanisms.find((m) => m.disqualifiedBy)?.disqualifiedBy;
  if (factor) return factor === 'SMS_MFA' ? 'sms-mfa-disqualifies-phone' : 'email-mfa-disqualifies-email';
  return verifiedContacts(attributes).length ? 'recovery-channel-not-verified-for-user' : 'no-verified-contact';
}

/** The user's contacts that are present and verified. */
export function verifiedContacts(attributes: Readonly<Record<string, string>>): ('email' | 'phone_number')[] {
  return (['email', 'phone_number'] as const).filter((n) => attributes[n] && attributes[`${n}_verified`] === 'true');
}
