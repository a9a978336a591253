// The layer rules of docs/architecture.md ("What may import what"), checked by `npm run lint`.
// Type-only imports count: a type cycle or a renderer that names an SDK type is the same tangle.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules form a hierarchy: no import cycle, type-only ones included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds pure rules: it imports nothing of the product but the cause list.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: ['^src/domain/', '^src/causes\\.ts$'] },
    },
    {
      name: 'checks-report-only',
      comment: 'A check reports what it found; running, fixing and rendering are decided above it.',
      severity: 'error',
      from: { path: '^src/checks/' },
      to: { path: ['^src/(runner|diagnose|program|process|cli)\\.ts$', '^src/(fixes|render|commands|ui)/'] },
    },
    {
      name: 'renderers-know-no-aws',
      comment: 'A renderer turns a report into text: no AWS layer, no context, no SDK.',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: ['^src/(aws|context)/', 'node_modules/@(aws-sdk|smithy)/'] },
    },
    {
      name: 'facts-below-checks',
      comment: 'The AWS layer and the context serve the checks and never depend on anything above them.',
      severity: 'error',
      from: { path: '^src/(aws|context)/' },
      to: {
        path: '^src/',
        pathNot: ['^src/(aws|context|domain)/', '^src/causes\\.ts$'],
      },
    },
    {
      name: 'aws-is-the-bottom',
      comment: 'aws/ is the only layer that talks to the SDK, and imports nothing of the product above it.',
      severity: 'error',
      from: { path: '^src/aws/' },
      to: { path: '^src/', pathNot: '^src/aws/' },
    },
    {
      name: 'product-without-tests',
      comment: 'The shipped code never imports test code.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|scripts)/' },
    },
    {
      name: 'resolvable',
      comment: 'Every import resolves to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
