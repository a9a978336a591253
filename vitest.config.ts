import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // In-process runs report the same version as the bundle (scripts/build.mjs defines it there).
  define: { __VERSION__: JSON.stringify(version) },
  test: {
    include: ['test/**/*.test.ts'],
    // The bundle the spawned runs test is built from the sources first, never left stale.
    globalSetup: ['test/helpers/build.ts'],
    // Spawned runs start a whole CLI each; on two busy cores they need more than the default 5 s.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
