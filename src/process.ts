// The process around the command line: real streams and environment in, exit code out. Everything the
// tool does is in run() (src/program.ts), which tests also call in-process.
import module from 'node:module';
import { exitWhenWritten, guardOutput } from './ui/output.js';
import { interruptOnSignals } from './ui/signals.js';

export async function main(args: string[]): Promise<void> {
  // Node 22+ keeps compiled code between runs: the lazily loaded chunks then compile once.
  (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const interrupt = interruptOnSignals(process.stderr);
  const exitCode = import('./program.js').then(({ run }) =>
    run(args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, interrupt }),
  );
  guardOutput(exitCode);
  exitWhenWritten(await exitCode);
}
