// Checks the built package (run `pnpm build` first): ESM and CJS builds expose the same API.
/// <reference types="node" />
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const esmEntry = new URL('../dist/index.js', import.meta.url);
const cjsEntry = new URL('../dist/index.cjs', import.meta.url);

describe.skipIf(!existsSync(esmEntry) || !existsSync(cjsEntry))('built package', () => {
  it('exposes the same named exports from ESM and CJS', async () => {
    const esm = (await import(/* @vite-ignore */ esmEntry.href)) as Record<string, unknown>;
    const cjs = require(fileURLToPath(cjsEntry)) as Record<string, unknown>;

    const esmNames = Object.keys(esm)
      .filter((name) => name !== 'default')
      .sort();
    expect(esmNames).toEqual([
      'NozleAPIError',
      'NozleAuthenticationError',
      'NozleConnectionError',
      'NozleError',
      'NozleInvalidRequestError',
      'NozlePermissionError',
      'NozleRateLimitError',
      'NozleTimeoutError',
      'VERSION',
      'createNozle',
    ]);
    expect(Object.keys(cjs).sort()).toEqual(esmNames);
  });

  it('validates options the same way in the CJS build', () => {
    const { createNozle } = require(fileURLToPath(cjsEntry)) as typeof import('../src/index.js');
    expect(() => createNozle({ publishableKey: 'sk_test_1' })).toThrow(TypeError);
  });
});
