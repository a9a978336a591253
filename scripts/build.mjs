// Bundles the CLI (dist/, published) and the test endpoint, demo and benchmark (build/, not published).
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';

const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // The SDK's ES builds are smaller and load faster than its CommonJS ones.
  mainFields: ['module', 'main'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS parts of dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  define: { __VERSION__: JSON.stringify(version) },
};

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await Promise.all([
  // Code splitting keeps each SDK client in its own chunk, loaded only when a check needs it.
  build({
    ...shared,
    entryPoints: { cli: 'src/cli.ts' },
    outdir: 'dist',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  }),
  build({
    ...shared,
    minify: false,
    entryPoints: {
      'fake-aws': 'test/fake/main.ts',
      demo: 'scripts/demo.ts',
      bench: 'scripts/bench.ts',
      generate: 'scripts/generate.ts',
    },
    outdir: 'build',
    outExtension: { '.js': '.mjs' },
  }),
]);
