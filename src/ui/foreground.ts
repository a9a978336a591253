import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Whether this process is in the foreground process group of its terminal. A background job
 * (`cognito-doctor … > out.txt &`) that writes to the terminal or changes its modes is stopped by
 * the shell (SIGTTOU), so progress is drawn only in the foreground. Linux answers from /proc, cheaply
 * enough to ask before every frame; elsewhere `ps` answers once (`+` in its state means foreground).
 */
export function foregroundCheck(): () => boolean {
  if (readStat() !== undefined) return () => readStat() === true;
  let answer = false;
  try {
    // Required here, not imported: child_process (with net, dgram and more) would load with every diagnosis.
    const { execFileSync } = createRequire(import.meta.url)(
      'node:child_process',
    ) as typeof import('node:child_process');
    answer = execFileSync('ps', ['-o', 'stat=', '-p', String(process.pid)], {
      encoding: 'utf8',
      timeout: 2000,
    }).includes('+');
  } catch {
    // Unknown: stay quiet rather than risk being stopped.
  }
  return () => answer;
}

/** From /proc/self/stat: the process group equals the terminal's foreground group (tpgid). */
function readStat(): boolean | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // After "pid (comm) ": state ppid pgrp session tty_nr tpgid …; comm may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pgrp = Number(fields[2]);
    const tpgid = Number(fields[5]);
    return tpgid > 0 && pgrp === tpgid;
  } catch {
    return undefined;
  }
}
