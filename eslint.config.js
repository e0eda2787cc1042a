import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', '.vite', 'test-results', 'build', 'examples'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // shared/ runs in the main process, the renderer and the CLI: it may import no environment.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'shared/ is environment-neutral: no node:* imports.' },
            {
              regex:
                '^(fs|path|os|crypto|http|https|net|stream|url|child_process|worker_threads|events|buffer|util)(/.*)?$',
              message: 'shared/ is environment-neutral: no Node built-ins.',
            },
            { regex: '^electron(/.*)?$', message: 'shared/ is environment-neutral: no electron.' },
            { regex: '^react(-dom)?(/.*)?$', message: 'shared/ is environment-neutral: no React or DOM.' },
            {
              regex: '^(\\.\\./)+(electron|renderer)(/|$)',
              message: 'shared/ may not import the main process or the renderer.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
        'require',
        '__dirname',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(node:|electron)',
              message: 'The renderer talks to the engine only through its Bridge.',
            },
            { regex: '(^|/)electron/', message: 'The renderer talks to the engine only through its Bridge.' },
          ],
        },
      ],
    },
  },
);
