// Bundles the CLI (dist/, published) and the test endpoint, demo and benchmark (build/, not published).
// The published bundle carries linked source maps (a debug stack trace names source lines) and
// dist/THIRD-PARTY-NOTICES.md, the licences of every package bundled into it.
import { build } from 'esbuild';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Gives the bundle's ES modules a CommonJS `require` for the CommonJS parts of dependencies. */
const REQUIRE_BANNER = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

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
  // CommonJS parts of dependencies call require() for Node built-ins (dropped where unused: dropUnusedRequire).
  banner: { js: REQUIRE_BANNER },
  define: { __VERSION__: JSON.stringify(version) },
};

/**
 * commander requires node:child_process at load, which pulls in net, dgram and more, only to run external
 * subcommand executables; cognito-doctor has none. Its copy loads child_process on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "exports.spawn = (...args) => require('node:child_process').spawn(...args);",
      loader: 'js',
    }));
  },
};

/**
 * An ESM import of node:http makes Node read every export of it, and one of them is a getter that loads
 * Node's bundled undici (with http2, worker_threads and more) that the SDK never uses; require() reads
 * nothing until asked. So the bundle requires http and https.
 */
const httpViaRequire = {
  name: 'http-via-require',
  setup(b) {
    b.onResolve({ filter: /^(node:)?https?$/ }, (args) =>
      // The require() in the module below is Node's own.
      args.namespace === 'via-require'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'via-require' },
    );
    b.onLoad({ filter: /.*/, namespace: 'via-require' }, (args) => ({
      contents: `module.exports = require('node:${args.path}');`,
      loader: 'js',
    }));
  },
};

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await rm(new URL('../build/sdk-floor', import.meta.url), { recursive: true, force: true });
/** Linked source maps, positions only: Node maps a stack trace without the sources' text, which would triple the package. */
const maps = { sourcemap: 'linked', sourcesContent: false };

await Promise.all([
  // The executable on its own, with no chunk to import: `--version` loads this one small file.
  build({
    ...shared,
    ...maps,
    entryPoints: { cli: 'src/cli.ts' },
    plugins: [
      {
        name: 'process-entry',
        setup(b) {
          b.onResolve({ filter: /^\.\/process\.js$/ }, () => ({ path: './process.js', external: true }));
        },
      },
    ],
    outdir: 'dist',
  }).then(() => dropUnusedRequire(['dist/cli.js'])),
  // Everything else: code splitting keeps what one command needs from loading for another (the AWS
  // layer and the checks with a diagnosis, the prompt with --fix at a terminal, the spinner on a TTY).
  build({
    ...shared,
    ...maps,
    entryPoints: { process: 'src/process.ts' },
    plugins: [lazyChildProcess, httpViaRequire],
    outdir: 'dist',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
  }).then(async ({ metafile }) => {
    await dropUnusedRequire(Object.keys(metafile.outputs).filter((f) => f.endsWith('.js')));
    await writeNotices(metafile);
  }),
  // The benchmark's SDK floor, bundled as the CLI is (minified, split, the same plugins) so the two compare.
  build({
    ...shared,
    entryPoints: { floor: 'scripts/sdk-floor.ts' },
    plugins: [httpViaRequire],
    outdir: 'build/sdk-floor',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
  }).then(({ metafile }) => dropUnusedRequire(Object.keys(metafile.outputs).filter((f) => f.endsWith('.mjs')))),
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

/**
 * Most chunks never call require(), yet the banner would make each of them build one (createRequire
 * resolves the chunk's path) every time it loads. It is blanked where unused; the line stays, so the
 * source maps still match.
 */
async function dropUnusedRequire(files) {
  await Promise.all(
    files.map(async (file) => {
      const code = await readFile(file, 'utf8');
      const start = code.indexOf(REQUIRE_BANNER);
      if (start < 0 || /\brequire\b/.test(code.slice(start + REQUIRE_BANNER.length))) return;
      await writeFile(file, code.slice(0, start) + code.slice(start + REQUIRE_BANNER.length));
    }),
  );
}

/** The package directory of a bundled file: `node_modules/@scope/name` or `node_modules/name`, innermost. */
function packageDirOf(path) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path);
  return match?.[1];
}

/** Every bundled package with its licence text, sorted by name, as one Markdown file. */
async function writeNotices(metafile) {
  const dirs = [...new Set(Object.keys(metafile.inputs).map(packageDirOf).filter(Boolean))];
  const packages = await Promise.all(
    dirs.map(async (dir) => {
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
      const files = (await readdir(dir)).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
      const texts = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
      const license = typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see the package');
      return { name: pkg.name, version: pkg.version, license, texts };
    }),
  );
  const unique = [...new Map(packages.map((p) => [`${p.name}@${p.version}`, p])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  // Many packages ship the very same text (the Apache licence): each distinct text appears once.
  const byText = new Map();
  for (const p of unique) {
    for (const t of p.texts.length ? p.texts : [`${p.license} (the package ships no licence file)`]) {
      const key = t.trim();
      byText.set(key, [...(byText.get(key) ?? []), `${p.name} ${p.version}`]);
    }
  }
  const text = [
    '# Third-party notices',
    '',
    `cognito-doctor ${version} bundles these packages into dist/:`,
    '',
    '| package | version | licence |',
    '|---|---|---|',
    ...unique.map((p) => `| ${p.name} | ${p.version} | ${p.license} |`),
    '',
    'Their licence and notice files follow, each distinct text once, after the packages it covers.',
    '',
    ...[...byText].flatMap(([body, names]) => [`## ${names.join(', ')}`, '', '```text', body, '```', '']),
  ].join('\n');
  await writeFile(new URL('../dist/THIRD-PARTY-NOTICES.md', import.meta.url), text);
}
