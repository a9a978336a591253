import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  // Type-aware: the rules see the types, so a promise nobody awaits or a condition that is always true is caught.
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A promise is awaited, returned, or marked `void` where firing and forgetting is the intent.
      '@typescript-eslint/no-floating-promises': 'error',
      // Numbers read well in messages; anything else in a template must be a string already.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // With noUncheckedIndexedAccess and the SDK's all-optional output types, `!` marks a value the line
      // before established (a regex group, the first of a non-empty list, a field AWS always returns):
      // the checker cannot follow that, and a wrong `!` fails at once rather than silently.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // An async function that implements a promise-returning interface need not await anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON documents (reports, policies) whose shape is what they assert, not a type.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Plain JavaScript (build script, configuration) has no types to check.
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
);
