import { foregroundCheck } from './foreground.js';
import type { ProgressIo } from './progress.js';

export interface BatchProgress {
  /** One more user answered. */
  tick(): void;
  stop(): void;
}

/** Redraws at most this often: a fast batch must not spend its time drawing. */
const FRAME_MS = 100;
const BAR = 24;

/**
 * One line on stderr while a batch runs: users done of the total, users a second and the time left.
 * As the single run's spinner: only at a terminal, never in CI, and only in the foreground.
 */
export function createBatchProgress(io: ProgressIo, total: number, wanted: boolean): BatchProgress {
  const columns = (io.stderr as { columns?: number }).columns;
  const enabled = wanted && io.stderr.isTTY === true && !io.env.CI && columns !== 0;
  const foreground = enabled ? foregroundCheck() : () => false;
  if (!enabled) return { tick() {}, stop() {} };
  const started = performance.now();
  let done = 0;
  let drawn = false;
  const draw = () => {
    if (!foreground()) return;
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 ? `about ${Math.ceil((total - done) / rate)} s left` : 'starting…';
    const full = Math.round((done / total) * BAR);
    const line = `[${'#'.repeat(full)}${'-'.repeat(BAR - full)}] ${done}/${total} users · ${rate.toFixed(1)}/s · ${left}`;
    io.stderr.write(`\r\u001b[K${line.slice(0, (columns ?? 80) - 1)}`);
    drawn = true;
  };
  const timer = setInterval(draw, FRAME_MS);
  timer.unref();
  draw();
  return {
    tick() {
      done++;
    },
    stop() {
      clearInterval(timer);
      if (drawn && foreground()) io.stderr.write('\r\u001b[K');
    },
  };
}
