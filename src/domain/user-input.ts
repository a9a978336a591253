// The user argument as a ticket writes it, turned into what Cognito accepts: pure rules.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** Cognito's limit for a username (and so for AdminGetUser's `Username`). */
export const MAX_USERNAME_LENGTH = 128;

/**
 * The country a national number is read in, by the pool's Region: a ticket for a London pool that
 * says `07400 123457` means a UK number. Regions not listed give no country: only `+` numbers parse.
 */
const COUNTRY_OF_REGION: Readonly<Record<string, CountryCode>> = {
  'us-east-1': 'US',
  'us-east-2': 'US',
  'us-west-1': 'US',
  'us-west-2': 'US',
  'us-gov-east-1': 'US',
  'us-gov-west-1': 'US',
  'ca-central-1': 'CA',
  'ca-west-1': 'CA',
  'mx-central-1': 'MX',
  'sa-east-1': 'BR',
  'eu-west-1': 'IE',
  'eu-west-2': 'GB',
  'eu-west-3': 'FR',
  'eu-central-1': 'DE',
  'eu-central-2': 'CH',
  'eu-north-1': 'SE',
  'eu-south-1': 'IT',
  'eu-south-2': 'ES',
  'ap-south-1': 'IN',
  'ap-south-2': 'IN',
  'ap-east-1': 'HK',
  'ap-northeast-1': 'JP',
  'ap-northeast-2': 'KR',
  'ap-northeast-3': 'JP',
  'ap-southeast-1': 'SG',
  'ap-southeast-2': 'AU',
  'ap-southeast-3': 'ID',
  'ap-southeast-4': 'AU',
  'ap-southeast-5': 'MY',
  'ap-southeast-7': 'TH',
  'me-south-1': 'BH',
  'me-central-1': 'AE',
  'il-central-1': 'IL',
  'af-south-1': 'ZA',
};

export type UserInput =
  | {
      ok: true;
      input: string;
      /** Set when the input was rewritten: how, in words for the report. */ normalised?: string;
    }
  | { ok: false; problem: string };

/** Only digits and the separators people write numbers with. */
const WRITTEN_NUMBER = /^[+(]?[\d\s().\-/]+$/;

/**
 * Check the argument the way Cognito checks a username (at most 128 characters, no control
 * characters) and rewrite a phone number written with spaces, brackets or dashes to E.164, the only
 * form Cognito stores. A bare digit string (or one with dashes but no `+`) may be a username, so it is
 * left alone; anything with whitespace or brackets cannot be one.
 */
export function normaliseUserInput(raw: string, region: string): UserInput {
  const text = raw.trim();
  if (!text) return { ok: false, problem: 'The user to diagnose is empty.' };
  if (/\p{Cc}/u.test(text)) {
    return { ok: false, problem: 'The user to diagnose contains control characters, which Cognito never accepts.' };
  }
  const digits = text.replace(/\D/g, '').length;
  const written =
    WRITTEN_NUMBER.test(text) &&
    !/^\+\d+$/.test(text) &&
    (text.startsWith('+') || /[\s()]/.test(text)) &&
    digits >= 6 &&
    digits <= 17;
  if (written) {
    const country = COUNTRY_OF_REGION[region];
    const phone = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : {});
    if (!phone?.isValid()) {
      return {
        ok: false,
        // The value itself is not repeated: with --redact it must not reach stderr either.
        problem: `The user looks like a phone number but is not a valid one${text.startsWith('+') || !country ? '' : ` in ${country} (the country of ${region})`}: write it in E.164, like +14155550100.`,
      };
    }
    const e164 = phone.number;
    const how = text.startsWith('+')
      ? 'to E.164, the form Cognito stores'
      : `to E.164, the form Cognito stores, reading it as a number in ${phone.country ?? country} (the pool's Region is ${region})`;
    return { ok: true, input: e164, normalised: `"${text}" was normalised to ${e164} ${how}.` };
  }
  if (Array.from(text).length > MAX_USERNAME_LENGTH) {
    return {
      ok: false,
      problem: `The user to diagnose is ${Array.from(text).length} characters long: Cognito accepts at most ${MAX_USERNAME_LENGTH}.`,
    };
  }
  return { ok: true, input: text };
}
