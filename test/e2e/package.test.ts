// What the published package carries besides the code: the licences of the bundled packages, and source
// maps that name source lines. The global setup has just built dist/ from the sources.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dist = join(ROOT, 'dist');
const scripts = [
  'cli.js',
  'process.js',
  ...readdirSync(join(dist, 'chunks'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `chunks/${f}`),
];

describe('the published bundle', () => {
  it('names every bundled package and its licence in THIRD-PARTY-NOTICES.md', () => {
    const notices = readFileSync(join(dist, 'THIRD-PARTY-NOTICES.md'), 'utf8');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    // The runtime packages the CLI imports (the rest of devDependencies are build and test tools).
    for (const name of [
      'commander',
      'chalk',
      'ora',
      'libphonenumber-js',
      '@aws-sdk/client-cognito-identity-provider',
    ]) {
      expect(notices).toContain(`| ${name} | ${pkg.devDependencies[name]} |`);
    }
    expect(notices).toContain('Apache License');
    expect(notices).toContain('Permission is hereby granted, free of charge');
    for (const row of notices.split('\n').filter((l) => /^\| (?!package|---)/.test(l))) {
      expect(row, row).toMatch(/\| (MIT|ISC|Apache-2\.0|BSD-[23]-Clause|0BSD) \|$/);
    }
  });

  it('links a source map from every script, and each map names the sources it came from', () => {
    for (const script of scripts) {
      const code = readFileSync(join(dist, script), 'utf8');
      const map = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
      expect(map, script).toBeDefined();
      const path = join(dist, script, '..', map!);
      expect(existsSync(path), path).toBe(true);
    }
    const sources = (file: string) =>
      (JSON.parse(readFileSync(join(dist, file), 'utf8')) as { sources: string[] }).sources;
    expect(sources('cli.js.map')).toContain('../src/cli.ts');
    expect(sources('process.js.map')).toContain('../src/process.ts');
  });
});
