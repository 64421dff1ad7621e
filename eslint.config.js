import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The engine is pure: no I/O, no clock, no randomness, no process state.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'http', 'child_process', 'net', 'os'], message: 'src/engine is pure: no I/O.' },
          {
            group: ['**/store/**', '**/service/**', '**/http/**', '**/cli/**', '**/web/**', '**/notify/**'],
            message: 'Dependencies point inward: src/engine imports nothing from the layers around it.',
          },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/engine is pure: no process state.' },
        { name: 'setTimeout', message: 'src/engine is pure: no timers.' },
        { name: 'fetch', message: 'src/engine is pure: no I/O.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'src/engine takes the instant as input.' },
        { object: 'Math', property: 'random', message: 'src/engine is deterministic.' },
        { object: 'performance', property: 'now', message: 'src/engine takes the instant as input.' },
      ],
    },
  },
);
