// STS (awsQuery): who is calling.

import type { ServiceDef } from '../service.js';

export const sts: ServiceDef = {
  name: 'sts',
  protocol: 'query',
  queryVersion: '2011-06-15',
  xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
  operations: {
    GetCallerIdentity(_input, req) {
      return {
        UserId: 'AIDAEXAMPLEFAKEUSER',
        Account: req.account,
        Arn: `arn:aws:iam::${req.account}:user/support-engineer`,
      };
    },
  },
};
