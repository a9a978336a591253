import { publish, type WriteCommand } from '../remedy/commands.js';
import type { Remediation } from './types.js';

/**
 * A remediation: `commands` are printed in order; the writes among them are also published as
 * `requests`. With `choice`, the commands are alternatives: run one of them, not all.
 */
export function remediation(
  text: string,
  commands: readonly (string | WriteCommand)[] = [],
  docs: string[] = [],
  choice = false,
): Remediation {
  const writes = commands.filter((c): c is WriteCommand => typeof c !== 'string');
  return {
    text,
    commands: commands.map((c) => (typeof c === 'string' ? c : c.line)),
    docs,
    ...(writes.length ? { requests: writes.map(publish) } : {}),
    ...(choice && commands.length > 1 ? { choice: true } : {}),
  };
}
