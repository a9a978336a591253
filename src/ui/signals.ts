import { signalExitCode } from '../exit-codes.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * SIGINT, SIGTERM and SIGHUP stop the run: the returned signal aborts (its reason is the signal's name),
 * so the diagnosis cancels its reads and reports what it saw so far. A second signal ends the process
 * at once, for a person who does not want to wait for that report.
 */
export function interruptOnSignals(stderr: NodeJS.WritableStream): AbortSignal {
  const controller = new AbortController();
  for (const name of SIGNALS) {
    process.on(name, () => {
      if (controller.signal.aborted) process.exit(signalExitCode(name));
      stderr.write(`\ncognito-doctor: ${name}: stopping; the report shows what was seen so far\n`);
      controller.abort(name);
    });
  }
  return controller.signal;
}
