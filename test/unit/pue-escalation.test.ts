// PreventUserExistenceErrors is info alone, warn when it hides a failing core finding.

import { describe, expect, it } from 'vitest';
import type { Check, Finding } from '../../src/checks/types.js';
import { escalateMasking } from '../../src/report.js';

const check = (id: string, scope: Check['scope']) => ({ id, scope }) as Check;
const CHECKS = [check('client', 'advice'), check('user-status', 'core'), check('email', 'EMAIL')];

const finding = (f: Partial<Finding> & Pick<Finding, 'check' | 'status'>): Finding => ({
  title: f.code ?? f.check,
  message: 'm',
  evidence: {},
  ...f,
});
const PUE = finding({ check: 'client', status: 'info', code: 'prevent-user-existence-errors-masking' });

describe('escalateMasking', () => {
  it('keeps the masking finding at info when nothing fails', () => {
    const out = escalateMasking([PUE, finding({ check: 'email', status: 'warn', code: 'ses-quota-exceeded' })], CHECKS);
    expect(out[0]!.status).toBe('info');
  });

  it('raises it to warn when a core check fails, and says what it hides', () => {
    const disabled = finding({
      check: 'user-status',
      status: 'fail',
      code: 'user-disabled',
      title: 'The user is disabled',
    });
    const out = escalateMasking([PUE, disabled], CHECKS);
    expect(out[0]!.status).toBe('warn');
    expect(out[0]!.message).toContain('The user is disabled');
    expect(out[1]).toBe(disabled);
  });

  it('does not raise it for a delivery failure, which happens after a real "code sent"', () => {
    const out = escalateMasking([PUE, finding({ check: 'email', status: 'fail', code: 'ses-sandbox' })], CHECKS);
    expect(out[0]!.status).toBe('info');
  });

  it('returns the findings unchanged without the masking finding', () => {
    const fails = [finding({ check: 'user-status', status: 'fail', code: 'user-disabled' })];
    expect(escalateMasking(fails, CHECKS)).toEqual(fails);
  });
});
