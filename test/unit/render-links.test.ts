// A console link in Markdown must stay one link whatever the username holds: the label is escaped
// prose, the URL percent-encoded inside <…>.

import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/checks/types.js';
import { consoleLinks } from '../../src/domain/console-links.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { safeReport } from '../../src/render/safe.js';
import type { Report } from '../../src/report.js';

const username = 'x](<javascript:alert(1)>) <b>\n# heading';
const target = { region: 'eu-west-1', userPoolId: 'eu-west-1_AbC123', username };
const finding: Finding = {
  check: 'user-status',
  status: 'fail',
  code: 'user-disabled',
  title: 'The user is disabled',
  message: 'Disabled.',
  evidence: { 'AdminGetUser.Enabled': false },
  remediation: { text: 'Enable the user.', commands: [], docs: [] },
  links: consoleLinks({ check: 'user-status', evidence: { 'AdminGetUser.Enabled': false } }, target),
};
const report: Report = {
  schemaVersion: 1,
  tool: { name: 'cognito-doctor', version: '1.0.0' },
  command: 'forgot-password',
  generatedAt: '2026-11-21T10:00:00.000Z',
  target: { userPoolId: target.userPoolId, region: target.region, input: 'x', username, clientId: null },
  verdict: { status: 'blocked', channel: 'EMAIL', destination: null, summary: 'No.', causes: ['user-disabled'] },
  findings: [finding],
  counts: { pass: 0, info: 0, warn: 0, fail: 1, skip: 0, error: 0 },
  exitCode: 1,
  durationMs: 1,
};

describe('console links in Markdown', () => {
  it('a hostile username stays inside one escaped label and one encoded URL', () => {
    const lines = renderMarkdown(safeReport(report)).split('\n');
    const start = lines.indexOf('In the AWS console:');
    expect(lines.slice(start, start + 4)).toEqual([
      'In the AWS console:',
      '',
      '- [Cognito console: user x\\](\\<javascript:alert(1)\\>) \\<b\\> # heading](<https://eu-west-1.console.aws.amazon.com/cognito/v2/idp/user-pools/eu-west-1_AbC123/user-management/users/details/x%5D%28%3Cjavascript%3Aalert%281%29%3E%29%20%3Cb%3E%0A%23%20heading?region=eu-west-1>)',
      '',
    ]);
  });
});
