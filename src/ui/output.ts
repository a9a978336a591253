import { ExitCode } from '../exit-codes.js';

/**
 * Failures to write stdout end the process without a stack trace: a reader that went away (EPIPE,
 * `| head`) ends it quietly with the exit code the run had; anything else (a full disk) is one line on
 * stderr and exit 74, which no diagnosis result uses. stderr going away is ignored.
 */
export function guardOutput(exitCode: Promise<number>): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // The run decides the code; with the reader gone it can only be waited for, not printed.
    if (err.code === 'EPIPE') return void exitCode.then((code) => process.exit(code));
    process.stderr.write(`cognito-doctor: could not write the report: ${err.code ?? err.message}\n`);
    process.exit(ExitCode.OUTPUT_FAILED);
  });
  process.stderr.on('error', () => undefined);
}

/** End the process once everything written to stdout is out: nothing still pending keeps it alive. */
export function exitWhenWritten(exitCode: number): void {
  process.exitCode = exitCode;
  // A failed write is reported by the 'error' handler above (it runs first); this is only a fallback.
  process.stdout.write('', (err) =>
    err ? setImmediate(() => process.exit(ExitCode.OUTPUT_FAILED)) : process.exit(exitCode),
  );
}
