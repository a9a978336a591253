// iam/fix-policy.json is generated from the fix registry: every write --fix may make, nothing else.
// After changing a fixer, regenerate it with `npm run generate`.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixers } from '../../src/fixes/registry.js';
import { FIX_POLICY_PATH, fixPolicy, policyText } from '../../src/shipped-policies.js';
import { ROOT } from '../helpers/cli.js';

const FILE = join(ROOT, FIX_POLICY_PATH);

describe('iam/fix-policy.json', () => {
  const expected = policyText(fixPolicy());

  it('is the policy generated from the fix registry', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(expected);
  });

  it('allows exactly the actions of the fixers, and only writes', () => {
    const actions = (JSON.parse(readFileSync(FILE, 'utf8')) as { Statement: { Action: string[] }[] }).Statement.flatMap(
      (s) => s.Action,
    );
    expect(new Set(actions)).toEqual(new Set(fixers.flatMap((f) => f.actions)));
    for (const action of actions) expect(action).not.toMatch(/:(Describe|Get|List|Check)/);
  });
});
