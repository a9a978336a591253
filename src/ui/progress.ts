import type { RunHooks } from '../runner.js';

/** Where the spinner may draw, and the environment that says whether it should. */
export interface ProgressIo {
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

export interface Progress {
  hooks: RunHooks;
  stop(): void;
}

/**
 * An ora spinner on stderr while AWS answers: only on a terminal, never in CI, so logs and pipes
 * stay clean. ora is loaded only when it will actually spin.
 */
export function createProgress(io: ProgressIo, wanted: boolean): Progress {
  // A terminal that reports no width (a pty made from a pipe) would make ora's line wrapping loop.
  const columns = (io.stderr as { columns?: number }).columns;
  const enabled = wanted && io.stderr.isTTY === true && !io.env.CI && columns !== 0;
  if (!enabled) return { hooks: {}, stop() {} };
  const running = new Set<string>();
  let spinner: { text: string; stop(): void } | undefined;
  let stopped = false;
  const loading = import('ora').then(({ default: ora }) => {
    if (!stopped) spinner = ora({ stream: io.stderr, text: 'Asking AWS…' }).start();
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
    stop() {
      stopped = true;
      spinner?.stop();
      void loading;
    },
  };
}
