// Lint: typescript-eslint's recommended rules, plus the pipeline's import direction:
// the pure stages (parse, match, score, report, the core, the CI step) never touch the file system.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noFs = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'node:fs', message: 'the pure stages (parse, match, score, report, core, ci) do no I/O: do it in discover/, catalog/load.ts, config/, cache/, analyze.ts or cli/.' },
        { name: 'fs', message: 'the pure stages (parse, match, score, report, core, ci) do no I/O: do it in discover/, catalog/load.ts, config/, cache/, analyze.ts or cli/.' },
        { name: 'node:fs/promises', message: 'pure stage: no I/O' },
      ],
      patterns: [{ group: ['**/cli/*'], message: 'nothing imports cli/' }],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'scratch/**', 'bench/corpus/**', 'coverage/**', 'out/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', TextDecoder: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Output never depends on the locale: order strings by code point (byCodePoint in src/util/order.ts).
    files: ['src/**'],
    rules: {
      'no-restricted-properties': ['error', { property: 'localeCompare', message: 'order by code point: byCodePoint in src/util/order.ts (issue 18: output must not depend on the locale)' }],
    },
  },
  {
    files: ['src/parse/**', 'src/match/**', 'src/score/**', 'src/report/**', 'src/model/**', 'src/util/**', 'src/core/**', 'src/ci/**'],
    ignores: ['src/ci/git.ts', 'src/ci/baseline-file.ts', 'src/util/read-file.ts'],
    rules: noFs,
  },
);
