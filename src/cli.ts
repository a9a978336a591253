#!/usr/bin/env node
// The executable. `--version` alone is answered here, before any other module loads (it is the one
// command whose whole cost is start-up); everything else runs in src/process.ts.
import { VERSION } from './version.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  await (await import('./process.js')).main(args);
}
