import type { Remediation } from '../checks/types.js';

/** Commands to run together; `label` says when the block is one of several alternatives. */
export interface CommandBlock {
  label?: string;
  /** Shell lines: each command preceded by its warning and placeholders, as `#` comments. */
  lines: string[];
}

/** The notes that stay next to a command wherever it is printed: its warning, what to set first. */
export function commandNotes(remediation: Remediation, command: string): string[] {
  const request = remediation.requests?.find((r) => r.command === command);
  if (!request) return [];
  return [
    ...(request.warning ? [`⚠ ${request.warning}`] : []),
    ...Object.entries(request.placeholders ?? {}).map(([name, means]) => `Set ${name} first: ${means}.`),
  ];
}

/**
 * A remediation's commands as blocks a person can paste: all of them in one block, or, when they
 * are alternatives, one block each ("Either" … "Or"), so pasting one never runs the other.
 */
export function commandBlocks(remediation: Remediation): CommandBlock[] {
  const withNotes = (command: string) => [...commandNotes(remediation, command).map((n) => `# ${n}`), command];
  if (!remediation.choice)
    return remediation.commands.length ? [{ lines: remediation.commands.flatMap(withNotes) }] : [];
  return remediation.commands.map((command, i) => ({
    label: i === 0 ? 'Either' : 'Or',
    lines: withNotes(command),
  }));
}
