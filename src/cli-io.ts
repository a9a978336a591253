/** What a run may touch of the outside world; nothing else of `process` is read or written. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** The environment the run reads; `--profile` sets AWS_PROFILE in it for the SDK. */
  env: Record<string, string | undefined>;
  /** Aborted (reason: the signal's name) by SIGINT, SIGTERM or SIGHUP: print what was seen so far. */
  interrupt?: AbortSignal;
}
