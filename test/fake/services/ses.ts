// SES v2 (restJson1): the account, identities and the account-level suppression list. World: `ses.<region>`.

import { AwsFault } from '../protocols.js';
import { regional, type FakeRequest, type ServiceDef } from '../service.js';
import { withDates } from '../world.js';

export interface SesWorld {
  /** GetAccount, as AWS returns it. */
  account?: Record<string, unknown>;
  /**
   * GetEmailIdentity by identity (address or domain), as AWS returns it; `Policies` values may be written
   * as objects: the fake sends them as the JSON strings AWS returns.
   */
  identities?: Record<string, Record<string, unknown>>;
  /** GetSuppressedDestination by address: `{Reason, LastUpdateTime}`. */
  suppressed?: Record<string, { Reason: string; LastUpdateTime?: string }>;
  configurationSets?: Record<string, Record<string, unknown>>;
}

const state = (req: FakeRequest) => regional<SesWorld>(req.world, 'ses', req.region);

const HEALTHY_ACCOUNT = {
  ProductionAccessEnabled: true,
  SendingEnabled: true,
  EnforcementStatus: 'HEALTHY',
  DedicatedIpAutoWarmupEnabled: false,
  SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 12 },
};

export const ses: ServiceDef = {
  name: 'ses',
  protocol: 'rest-json',
  routes: [
    { method: 'GET', path: /^\/v2\/email\/account$/, operation: 'GetAccount' },
    { method: 'GET', path: /^\/v2\/email\/identities\/(?<EmailIdentity>[^/]+)$/, operation: 'GetEmailIdentity' },
    {
      method: 'GET',
      path: /^\/v2\/email\/suppression\/addresses\/(?<EmailAddress>[^/]+)$/,
      operation: 'GetSuppressedDestination',
    },
    {
      method: 'DELETE',
      path: /^\/v2\/email\/suppression\/addresses\/(?<EmailAddress>[^/]+)$/,
      operation: 'DeleteSuppressedDestination',
    },
    {
      method: 'GET',
      path: /^\/v2\/email\/configuration-sets\/(?<ConfigurationSetName>[^/]+)$/,
      operation: 'GetConfigurationSet',
    },
  ],
  operations: {
    GetAccount(_input, req) {
      return { ...HEALTHY_ACCOUNT, ...state(req).account };
    },
    GetEmailIdentity(_input, req) {
      const identity = state(req).identities?.[req.params.EmailIdentity!];
      if (!identity)
        throw new AwsFault('NotFoundException', `Email identity ${req.params.EmailIdentity} does not exist.`, 404);
      const policies = identity.Policies as Record<string, unknown> | undefined;
      return withDates(
        {
          ...identity,
          ...(policies
            ? {
                Policies: Object.fromEntries(
                  Object.entries(policies).map(([name, p]) => [name, typeof p === 'string' ? p : JSON.stringify(p)]),
                ),
              }
            : {}),
        },
        req.now,
      );
    },
    GetSuppressedDestination(_input, req) {
      const address = req.params.EmailAddress!;
      const entry = state(req).suppressed?.[address];
      if (!entry)
        throw new AwsFault(
          'NotFoundException',
          `Email address ${address} does not exist on your suppression list.`,
          404,
        );
      return {
        SuppressedDestination: withDates(
          { EmailAddress: address, Reason: entry.Reason, LastUpdateTime: entry.LastUpdateTime ?? 'now-3d' },
          req.now,
        ),
      };
    },
    DeleteSuppressedDestination(_input, req) {
      const address = req.params.EmailAddress!;
      const s = state(req);
      if (!s.suppressed?.[address])
        throw new AwsFault(
          'NotFoundException',
          `Email address ${address} does not exist on your suppression list.`,
          404,
        );
      Reflect.deleteProperty(s.suppressed, address);
      return {};
    },
    GetConfigurationSet(_input, req) {
      const name = req.params.ConfigurationSetName!;
      const set = state(req).configurationSets?.[name];
      if (!set) throw new AwsFault('NotFoundException', `Configuration set <${name}> does not exist.`, 404);
      return { ConfigurationSetName: name, ...set };
    },
  },
};
