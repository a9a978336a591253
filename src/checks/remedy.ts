import type { Remediation } from './types.js';

export function remediation(text: string, commands: string[] = [], docs: string[] = []): Remediation {
  return { text, commands, docs };
}
