import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { HeaviestFirst } from './test/helpers/sequencer.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // In-process runs report the same version as the bundle (scripts/build.mjs defines it there).
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    // vitest's default is one worker fewer than the cores: one worker on two cores, every file after
    // the other. The end-to-end files spend much of their time waiting (spawned CLIs, sockets, the
    // fault suite's stalled reads), so one worker more than the cores keeps every core busy.
    maxWorkers: availableParallelism() + 1,
    // The longest files start first, so none of them starts last and runs alone.
    sequence: { sequencer: HeaviestFirst },
    // Spawned runs start a whole CLI each; on two busy cores they need more than the default 5 s.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      // Pure functions: the files share one module graph per worker instead of each loading its own.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      // Each end-to-end file in a fresh worker: they change process.env and load the AWS SDK's state.
      // The bundle the spawned runs test is built from the sources first, never left stale.
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/helpers/build.ts'] },
      },
    ],
  },
});
