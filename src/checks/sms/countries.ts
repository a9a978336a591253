// Destination countries that regulate SMS senders, for `country-sender-regulation` (info). Kept small:
// the countries whose registration forms AWS End User Messaging SMS lists (source below), plus what each
// requires. A message from an unregistered sender to these countries may be blocked or filtered.
//
// Source: AWS End User Messaging SMS User Guide, "Registration forms"
// https://docs.aws.amazon.com/sms-voice/latest/userguide/registrations-country.html, and for India
// https://docs.aws.amazon.com/sns/latest/dg/sns-send-sms-india-troubleshooting.html (DLT).

export interface CountryRule {
  name: string;
  requirement: string;
  docs: string;
}

const SENDER_ID = 'a registered alphanumeric sender ID';
const REGISTRATIONS = 'https://docs.aws.amazon.com/sms-voice/latest/userguide/registrations-country.html';
const rule = (name: string, requirement = SENDER_ID, docs = REGISTRATIONS): CountryRule => ({
  name,
  requirement,
  docs,
});

export const SENDER_REGULATED_COUNTRIES: Readonly<Record<string, CountryRule>> = {
  IN: rule(
    'India',
    'DLT registration: a registered principal entity (EumsSms.InEntityId), sender ID and message template (EumsSms.InTemplateId) that matches the message exactly',
    'https://docs.aws.amazon.com/sns/latest/dg/sns-send-sms-india-troubleshooting.html',
  ),
  CN: rule('China', 'a registered SMS template'),
  AU: rule('Australia'),
  AT: rule('Austria'),
  BY: rule('Belarus'),
  EG: rule('Egypt'),
  FI: rule('Finland'),
  ID: rule('Indonesia'),
  IE: rule('Ireland'),
  JO: rule('Jordan'),
  KZ: rule('Kazakhstan'),
  KE: rule('Kenya'),
  KW: rule('Kuwait'),
  PH: rule('Philippines'),
  QA: rule('Qatar'),
  RU: rule('Russia'),
  SA: rule('Saudi Arabia'),
  SG: rule('Singapore'),
  ES: rule('Spain'),
  LK: rule('Sri Lanka'),
  TH: rule('Thailand'),
};

/** The United States and its territories, where a dedicated, registered number is required. */
export const US_SMS_COUNTRIES: ReadonlySet<string> = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP']);
