import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Electron and the keychain binding are reachable only from the platform edge, so everything
// else runs (and is tested) in plain Node. See docs/architecture.md.
const edgeOnly = {
  paths: [
    { name: 'electron', message: "Only src/main/platform, src/main/index.ts and src/preload may import 'electron'." },
    { name: 'electron-store', message: 'electron-store opens an ipcMain channel that answers any sender: use conf (platform/settings-file.ts).' },
    { name: '@napi-rs/keyring', message: 'Only src/main/platform may touch the keychain.' },
    { name: '@napi-rs/keyring/keytar', message: 'Only src/main/platform may touch the keychain.' },
    { name: '@napi-rs/keyring/keytar.js', message: 'Only src/main/platform may touch the keychain.' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-restricted-imports': ['error', edgeOnly],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // With noUncheckedIndexedAccess, `!` states what a bounds check already proved.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // A callback registered before the value it reads exists (a session's events) needs a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['src/main/platform/**', 'src/main/index.ts', 'src/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Electron faked in unit tests of the platform edge, and launched in the _electron smoke test.
    files: ['test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // We do not run the React Compiler; TanStack Virtual's API is fine without it.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: edgeOnly.paths,
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer reaches main only through window.bridgekeeper.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.js', 'bin/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
