import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI; on two cores they need more than the default 5 s.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
