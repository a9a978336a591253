// The user argument as a ticket writes it, turned into what Cognito accepts: pure rules.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { codePoint } from './text.js';

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
 * What Cognito's username pattern `[\p{L}\p{M}\p{S}\p{N}\p{P}]+` leaves out: control, format and
 * private-use characters, unassigned code points, spaces and other separators. AdminGetUser's Username
 * has that pattern whatever it holds (a username, an alias, a sub), so an input with one names no user.
 */
const OUTSIDE_USERNAME = /[^\p{L}\p{M}\p{S}\p{N}\p{P}]/u;

/** The first character Cognito never accepts, as a refusal: what it is, its code point and where. */
function refusal(text: string, found: RegExp): string | undefined {
  const chars = Array.from(text);
  const at = chars.findIndex((c) => found.test(c));
  if (at < 0) return undefined;
  const c = chars[at]!;
  const what = /\p{Cc}/u.test(c)
    ? 'a control character'
    : /\p{Cf}/u.test(c)
      ? 'an invisible formatting character'
      : /\p{Z}/u.test(c)
        ? 'a space'
        : /\p{Co}/u.test(c)
          ? 'a private-use character'
          : 'a code point Unicode does not assign';
  // The value itself is not repeated: with --redact it must not reach stderr either.
  return `The user to diagnose contains ${what} (${codePoint(c)}) at character ${at + 1} of ${chars.length}, which Cognito never accepts in a username, e-mail address or phone number (it usually comes with a copy and paste): type the user again without it.`;
}

/**
 * Check the argument the way Cognito checks a username (at most 128 characters, only letters, marks,
 * symbols, numbers and punctuation) and rewrite a phone number written with spaces, brackets or dashes
 * to E.164, the only form Cognito stores. A bare digit string (or one with dashes but no `+`) may be a
 * username, so it is left alone; anything with whitespace or brackets cannot be one. A character that
 * cannot be in any user is refused, never dropped: "ja\u200bne" is not "jane", and guessing which user
 * a ticket meant could diagnose, or --fix, someone else.
 */
export function normaliseUserInput(raw: string, region: string): UserInput {
  const text = raw.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');
  if (!text) return { ok: false, problem: 'The user to diagnose is empty.' };
  // Spaces are still allowed here: a phone number is written with them.
  const invisible = refusal(text, /[\p{C}]/u);
  if (invisible) return { ok: false, problem: invisible };
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
  const separator = refusal(text, OUTSIDE_USERNAME);
  if (separator) return { ok: false, problem: separator };
  if (Array.from(text).length > MAX_USERNAME_LENGTH) {
    return {
      ok: false,
      problem: `The user to diagnose is ${Array.from(text).length} characters long: Cognito accepts at most ${MAX_USERNAME_LENGTH}.`,
    };
  }
  return { ok: true, input: text };
}
