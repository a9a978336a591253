import type { RunHooks } from '../runner.js';
import { foregroundCheck } from './foreground.js';

/** Where the spinner may draw, and the environment that says whether it should. */
export interface ProgressIo {
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

export interface Progress {
  hooks: RunHooks;
  /** Replace the spinner's text (a long read counting what it has done). */
  status(text: string): void;
  stop(): void;
}

/**
 * An ora spinner on stderr while AWS answers: only on a terminal, never in CI, so logs and pipes
 * stay clean, and only while the process owns the terminal's foreground (a background job drawing on
 * it would be stopped). ora is loaded only when it will actually spin.
 */
export function createProgress(io: ProgressIo, wanted: boolean): Progress {
  // A terminal that reports no width (a pty made from a pipe) would make ora's line wrapping loop.
  const columns = (io.stderr as { columns?: number }).columns;
  const enabled = wanted && io.stderr.isTTY === true && !io.env.CI && columns !== 0;
  const foreground = enabled ? foregroundCheck() : () => false;
  if (!enabled || !foreground()) return { hooks: {}, status() {}, stop() {} };
  // Every frame asks again: the job may have been sent to the background since (Ctrl-Z, bg).
  const write = io.stderr.write.bind(io.stderr) as (...args: unknown[]) => unknown;
  const stream = Object.create(io.stderr, {
    write: {
      value: (...args: unknown[]): boolean => !foreground() || (write(...args) as boolean),
      // ora wraps the stream's write while it spins.
      writable: true,
      configurable: true,
    },
  }) as NodeJS.WritableStream;
  const running = new Set<string>();
  let spinner: { text: string; stop(): void } | undefined;
  let stopped = false;
  const loading = import('ora').then(({ default: ora }) => {
    // discardStdin off: putting stdin in raw mode is a terminal change a background job is stopped for.
    if (!stopped) spinner = ora({ stream, text: 'Asking AWS…', discardStdin: false }).start();
  });
  const update = () => {
    if (spinner) spinner.text = running.size ? `Checking ${[...running].join(', ')}…` : 'Finishing…';
  };
  return {
    hooks: {
      onStart(check) {
        running.add(check.id);
        update();
      },
      onFinish(check) {
        running.delete(check.id);
        update();
      },
    },
    status(text) {
      if (spinner) spinner.text = text;
    },
    stop() {
      stopped = true;
      spinner?.stop();
      void loading;
    },
  };
}
