// Lint of our own TypeScript: typescript-eslint's recommended rules, plus a few that
// catch real mistakes in a long-running server (floating promises are not checked
// here since that needs type information on every run; keep async paths awaited).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', '.vscode-test-offline/**', 'test/fixtures/**', 'examples/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'always'],
      'prefer-const': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
