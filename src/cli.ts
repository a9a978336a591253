#!/usr/bin/env node
// The process around the command line: real streams and environment in, exit code out. Everything the
// tool does is in run() (src/program.ts), which tests also call in-process.
import module from 'node:module';
import { ExitCode } from './exit-codes.js';
import { run } from './program.js';

// Node 22+ keeps compiled code between runs: the lazily loaded SDK chunks then compile once.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.once('SIGINT', () => {
  process.stderr.write('\ncognito-doctor: interrupted\n');
  process.exit(ExitCode.INTERRUPTED);
});
process.exitCode = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
