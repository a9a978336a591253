import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { services } from '../../src/aws/services.js';
import { allChecks, checks } from '../../src/checks/index.js';
import { SECRET_HASH_READS } from '../../src/commands/secret-hash.js';
import { DIAGNOSE_POLICY_PATH, diagnosePolicy, policyText } from '../../src/shipped-policies.js';
import { ROOT } from '../helpers/cli.js';

describe('iam/diagnose-policy.json', () => {
  const committed = readFileSync(join(ROOT, DIAGNOSE_POLICY_PATH), 'utf8');

  it('is exactly what the checklists generate (run `npm run generate` after changing a check’s reads)', () => {
    expect(committed).toBe(policyText(diagnosePolicy(allChecks)));
  });

  it('allows every read of every check of every flow and of secret-hash, and nothing else', () => {
    const actions = JSON.parse(committed).Statement.flatMap((s: { Action: string[] }) => s.Action);
    expect(new Set(actions)).toEqual(new Set([...allChecks.flatMap((c) => c.reads), ...SECRET_HASH_READS]));
  });

  it('is read-only, one Allow statement over known services', () => {
    const policy = diagnosePolicy(checks);
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0]).toMatchObject({ Effect: 'Allow', Resource: '*' });
    for (const action of policy.Statement[0]!.Action) {
      const [service, operation] = action.split(':');
      expect(Object.keys(services), action).toContain(service);
      expect(operation, action).toMatch(/^(Describe|Get|List|Check|Lookup|Filter|AdminGet|AdminList)[A-Za-z]+$/);
    }
  });

  it('sorts and de-duplicates the actions', () => {
    const policy = diagnosePolicy([
      { ...checks[0]!, reads: ['sns:GetSMSAttributes', 'cognito-idp:DescribeUserPool'] },
      { ...checks[0]!, reads: ['cognito-idp:DescribeUserPool'] },
    ]);
    expect(policy.Statement[0]!.Action).toEqual(
      [...new Set(['cognito-idp:DescribeUserPool', 'sns:GetSMSAttributes', ...SECRET_HASH_READS])].sort(),
    );
  });
});
