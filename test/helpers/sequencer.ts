// The order files start in: the heaviest first, so that on two cores none of them starts near the end
// and runs alone. vitest orders by the durations it cached from the last run when it has them, and by
// file size otherwise (a clean clone, CI), which would start the short files that run every world last.

import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The longest files, longest first (CPU-seconds measured on the reference machine, see CONTRIBUTING.md). */
const HEAVIEST = [
  'test/e2e/faults.test.ts',
  'test/e2e/fix-round-trip.test.ts',
  'test/e2e/redact-all.test.ts',
  'test/e2e/scenarios.test.ts',
  'test/e2e/hostile-text.test.ts',
  'test/e2e/signals.test.ts',
  'test/e2e/process.test.ts',
  'test/e2e/cli-errors.test.ts',
];

const rank = (spec: TestSpecification) => {
  const i = HEAVIEST.findIndex((f) => spec.moduleId.endsWith(f));
  return i === -1 ? HEAVIEST.length : i;
};

export class HeaviestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // A stable sort: the rest keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
