// SNS SMS (awsQuery): account SMS attributes, the SMS sandbox, opt-outs. World: `sns.<region>`.

import { AwsFault, xmlMap } from '../protocols.js';
import { regional, type FakeRequest, type ServiceDef } from '../service.js';

export interface SnsWorld {
  /** GetSMSAttributes; absent attributes are simply not returned (MonthlySpendLimit default 1 USD). */
  attributes?: Record<string, string>;
  inSandbox?: boolean;
  sandboxNumbers?: { PhoneNumber: string; Status: 'Pending' | 'Verified' }[];
  optedOut?: string[];
}

const state = (req: FakeRequest) => regional<SnsWorld>(req.world, 'sns', req.region);

function requireE164(phoneNumber: string | undefined): string {
  if (!phoneNumber || !/^\+?\d{6,15}$/.test(phoneNumber)) {
    throw new AwsFault(
      'InvalidParameterException',
      'Invalid parameter: PhoneNumber Reason: input incorrectly formatted',
      400,
      'InvalidParameter',
    );
  }
  return phoneNumber;
}

export const sns: ServiceDef = {
  name: 'sns',
  protocol: 'query',
  queryVersion: '2010-03-31',
  xmlns: 'http://sns.amazonaws.com/doc/2010-03-31/',
  operations: {
    GetSMSAttributes(input: { attributes?: string[] }, req) {
      const all = state(req).attributes ?? {};
      const wanted = input.attributes?.length ? input.attributes : Object.keys(all);
      return { attributes: xmlMap(Object.fromEntries(wanted.filter((k) => k in all).map((k) => [k, all[k]]))) };
    },
    GetSMSSandboxAccountStatus(_input, req) {
      return { IsInSandbox: state(req).inSandbox ?? false };
    },
    ListSMSSandboxPhoneNumbers(input: { NextToken?: string; MaxResults?: string }, req) {
      const numbers = state(req).sandboxNumbers ?? [];
      const start = Number(input.NextToken ?? 0);
      const max = Number(input.MaxResults ?? 100);
      return {
        PhoneNumbers: numbers.slice(start, start + max),
        ...(start + max < numbers.length ? { NextToken: String(start + max) } : {}),
      };
    },
    CheckIfPhoneNumberIsOptedOut(input: { phoneNumber?: string }, req) {
      const phone = requireE164(input.phoneNumber);
      return { isOptedOut: (state(req).optedOut ?? []).includes(phone) };
    },
    SetSMSAttributes(input: { attributes: Record<string, string> }, req) {
      const s = state(req);
      s.attributes = { ...s.attributes, ...input.attributes };
      return {};
    },
    OptInPhoneNumber(input: { phoneNumber?: string }, req) {
      const phone = requireE164(input.phoneNumber);
      const s = state(req);
      s.optedOut = (s.optedOut ?? []).filter((n) => n !== phone);
      return {};
    },
  },
};
