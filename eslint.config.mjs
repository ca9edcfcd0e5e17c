// Lint, including the layering rules (docs/architecture.md): engine never imports electron; renderer never
// imports Node or Electron; shared imports neither (zod and its own files only).
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import { builtinModules } from 'node:module'
import prettierOff from 'eslint-config-prettier/flat'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]
const electronPaths = [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }]

const securityChokePoints = [
  {
    selector: "NewExpression[callee.name='BrowserWindow'], NewExpression[callee.property.name='BrowserWindow']",
    message: 'Windows are made only in electron/main/window.ts.'
  },
  {
    selector:
      "MemberExpression[property.name='openExternal'], MemberExpression[property.value='openExternal'], ObjectPattern > Property[key.name='openExternal']",
    message: 'Open links only through openExternalSafely() in electron/main/external.ts.'
  }
]
const fromCatalogue = "Write user-facing text as a Message, message(key, params) from shared/messages, so it is worded in the reader's language at the edge."
const engineTextsFromCatalogue = [
  { selector: 'NewExpression[callee.name=/Error$/] > :matches(Literal, TemplateLiteral):nth-child(2)', message: fromCatalogue },
  { selector: "CallExpression[callee.object.name='notes'][callee.property.name='push'] > :matches(Literal, TemplateLiteral)", message: fromCatalogue }
]
const specTextsFromCatalogue = [
  { selector: "CallExpression[callee.name='issue'] > :matches(Literal, TemplateLiteral):nth-child(2)", message: fromCatalogue },
  { selector: "CallExpression[callee.property.name='addIssue'] Property[key.name='message'] > :matches(Literal, TemplateLiteral)", message: fromCatalogue }
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'bench-results/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'tests/fixtures/**'] },
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off'
    }
  },
  {
    files: ['electron/engine/**/*.ts', 'electron/host/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: electronPaths, patterns: ['**/main/**', '**/preload/**', '**/renderer/**'] }] }
  },
  {
    files: ['electron/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: electronPaths, patterns: ['**/main/**', '**/preload/**', '**/renderer/**', '**/server/**', '**/host/**', '**/cli/**'] }
      ]
    }
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronPaths, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a browser sandbox: no Node modules.' }))],
          patterns: ['**/electron/**', '@tensorflow/*']
        }
      ]
    }
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronPaths, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is imported by both sides: no Node modules.' }))],
          patterns: ['**/electron/**', '**/renderer/**', '@tensorflow/*', 'vue', 'pinia', 'three']
        }
      ]
    }
  },
  {
    // Security choke points: one module makes windows, one module opens links outside.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/window.ts', 'electron/main/external.ts'],
    rules: { 'no-restricted-syntax': ['error', ...securityChokePoints] }
  },
  {
    // Engine texts reach the UI in the user's language only through the message catalogue (docs/architecture.md, 'Messages').
    files: ['electron/engine/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...securityChokePoints, ...engineTextsFromCatalogue] }
  },
  {
    files: ['shared/experiment.ts'],
    rules: { 'no-restricted-syntax': ['error', ...specTextsFromCatalogue] }
  },
  {
    files: ['scripts/**/*.js', 'bin/**/*.js', '*.config.*'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  // formatting is Prettier's (npm run format; lint runs prettier --check): stylistic rules that disagree are off
  prettierOff
)
