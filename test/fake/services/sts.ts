// STS (awsQuery): who is calling, and the role a profile's role_arn assumes.

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
    AssumeRole(input: { RoleArn: string; RoleSessionName: string }, req) {
      return {
        Credentials: {
          AccessKeyId: 'ASIAFAKEASSUMEDROLE1',
          SecretAccessKey: 'fake-assumed-secret',
          SessionToken: 'fake-session-token',
          Expiration: new Date(req.now.getTime() + 3_600_000).toISOString(),
        },
        AssumedRoleUser: {
          AssumedRoleId: `AROAFAKEROLEID:${input.RoleSessionName}`,
          Arn: `${input.RoleArn.replace(':role/', ':assumed-role/')}/${input.RoleSessionName}`,
        },
      };
    },
  },
};
