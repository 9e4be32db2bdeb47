// ESLint for the whole workspace: one type-aware pass over every package's TypeScript, the
// server's layer order, no import cycles anywhere, React's hook rules where React is used.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = path.dirname(fileURLToPath(import.meta.url));

const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];
// fake-realtime-server is a test double shared by the SDKs' suites, never shipped.
const TESTS = ['**/test/**', '**/e2e/**', '**/*.test.ts', '**/*.test.tsx', 'fake-realtime-server/**'];

// The server's layers, lowest first: a file may import from its own layer and the layers below it,
// never from one above. One entry per layer; a layer with several names has no order inside it
// (the ground's parts, health and docs at the top of the slices). The assembly is last: it wires
// everything and so may import anything. This list is the rule; docs/architecture.md explains it
// ("Inside the server") and changes with it.
const SERVER_SRC = 'server/src';
const SERVER_LAYERS = [
  // entitlement-changes.ts: the port through which customers and catalog (below entitlements) say what changed.
  // outbox.ts: where every slice records the webhook events of its changes (the webhooks slice delivers them).
  { layer: 'ground', paths: ['config.ts', 'clock.ts', 'ids.ts', 'project-clocks.ts', 'time', 'db', 'bus', 'entitlement-changes.ts', 'outbox.ts'] },
  { layer: 'http', paths: ['http'] },
  { layer: 'projects', paths: ['projects'] },
  { layer: 'customers', paths: ['customers'] },
  { layer: 'catalog', paths: ['catalog'] },
  { layer: 'coupons', paths: ['coupons'] },
  { layer: 'entitlements', paths: ['entitlements'] },
  { layer: 'access', paths: ['access'] },
  { layer: 'usage', paths: ['usage'] },
  { layer: 'billing', paths: ['billing'] },
  { layer: 'reservations', paths: ['reservations'] },
  { layer: 'alerts', paths: ['alerts'] },
  { layer: 'payments', paths: ['payments'] },
  { layer: 'analytics', paths: ['analytics'] },
  { layer: 'realtime', paths: ['realtime'] },
  { layer: 'webhooks', paths: ['webhooks'] },
  { layer: 'health, docs', paths: ['health', 'docs'] },
  { layer: 'assembly', paths: ['app.ts', 'server.ts', 'main.ts', 'cli.ts', 'index.ts', 'wiring.ts', 'jobs.ts', 'scheduler.ts', 'demo'] },
];

/** A new top-level file or folder in server/src must be given a layer here, or the rule would skip it. */
function assertEveryServerEntryHasALayer() {
  const dir = path.join(root, SERVER_SRC);
  if (!existsSync(dir)) return;
  const placed = new Set(SERVER_LAYERS.flatMap((l) => l.paths));
  const unplaced = readdirSync(dir).filter((name) => !placed.has(name) && !/\.test\.tsx?$/.test(name));
  if (unplaced.length > 0) {
    throw new Error(`eslint.config.js: give ${unplaced.map((n) => `${SERVER_SRC}/${n}`).join(', ')} a layer in SERVER_LAYERS`);
  }
}

/** One no-restricted-paths zone per layer: its files may not import from any layer above it. */
function serverLayerZones() {
  const at = (p) => `./${SERVER_SRC}/${p}`;
  return SERVER_LAYERS.slice(0, -1).map(({ layer, paths }, i) => {
    const above = SERVER_LAYERS.slice(i + 1);
    return {
      target: paths.map(at),
      from: above.flatMap((l) => l.paths).map(at),
      message: `${SERVER_SRC} layers: ${layer} may not import from a layer above it (${above.map((l) => l.layer).join(' < ')}); take a port instead (docs/architecture.md).`,
    };
  });
}

assertEveryServerEntryHasALayer();

export default defineConfig(
  globalIgnores([
    '**/node_modules/**',
    '**/dist/**',
    '**/coverage/**',
    '**/.nozle/**',
    'openapi/src/generated/**',
    // Build and test-runner configs sit outside some packages' tsconfig; they are a few lines each.
    '**/tsup.config.ts',
    '**/vitest.config.ts',
    '**/vite.config.ts',
  ]),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  // Plain JavaScript (bench, scripts, bin, CI helpers): the recommended rules, Node's globals, no types.
  {
    files: JS,
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },

  // TypeScript: typescript-eslint's type-aware recommended set. projectService finds each file's own tsconfig.json.
  {
    files: TS,
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a signature to satisfy, a rest to drop).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // The code imports types with `import type` (verbatimModuleSyntax); keep it that way. A type
      // written as `typeof import('…')` (a built file a test loads dynamically) is fine.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // An async method that implements an async interface (a bus, a store, a provider's stand-in) may
      // have nothing to await; dropping `async` would turn its throws into synchronous ones.
      '@typescript-eslint/require-await': 'off',
      // Numbers, booleans and nullish values in template literals read fine in messages and logs.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      // An async function handed to a callback that ignores the promise (express, ws, timers) is checked
      // by no-floating-promises at the call that matters; attributes such as onClick={async …} are fine.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false, arguments: false } }],
      // Our factories return object literals of closures (stores, clients, route helpers) typed by
      // interfaces in method syntax; the rule cannot tell those from `this`-bound class methods.
      '@typescript-eslint/unbound-method': 'off',
    },
  },

  // Tests build fixtures from JSON, mocks and responses: the "unsafe any" family would flag them wholesale.
  {
    files: TESTS,
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Tests print socket frames and request bodies (Buffers, msw bodies) as they come.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },

  // No import cycles in any package, tests included. Resolution follows the tsconfigs and the
  // `@nozle/source` condition, so a cycle through a workspace package's source is seen too.
  {
    files: [...TS, ...JS],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x reads no .ts file's imports and so would see no cycle through one.
      'import-x/extensions': [...TS, ...JS].map((glob) => glob.slice('**/*'.length)),
      'import-x/parsers': { '@typescript-eslint/parser': TS.map((glob) => glob.slice('**/*'.length)) },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['*/tsconfig.json', 'examples/*/tsconfig.json'],
          conditionNames: ['@nozle/source', 'types', 'import', 'node', 'default'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
    },
  },

  // The server's layer order (SERVER_LAYERS above). Tests are exempt: they may reach into any layer.
  {
    files: [`${SERVER_SRC}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: serverLayerZones() }],
    },
  },

  // React: the rules of hooks and of effect dependencies. The React Compiler's checks (also in
  // eslint-plugin-react-hooks 7) are left out: the SDK does not target the compiler, and its
  // provider keeps its client in a ref on purpose (one client per mount, made during render).
  {
    files: ['sdk-react/**/*.{ts,tsx}', 'examples/react-app/**/*.{ts,tsx}', '**/*.test.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
