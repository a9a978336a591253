// iam/fix-policy.json is generated from the fix registry: every write --fix may make, nothing else.
// After changing a fixer, regenerate it with: UPDATE_IAM_POLICIES=1 npx vitest run test/unit/iam-fix-policy.test.ts

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixActions, fixers } from '../../src/fixes/registry.js';
import { policyFor, policyText } from '../../src/iam.js';
import { ROOT } from '../helpers/cli.js';

const FILE = join(ROOT, 'iam/fix-policy.json');

describe('iam/fix-policy.json', () => {
  const expected = policyText(policyFor('CognitoDoctorFix', fixActions()));

  it('is the policy generated from the fix registry', () => {
    if (process.env.UPDATE_IAM_POLICIES) writeFileSync(FILE, expected);
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
