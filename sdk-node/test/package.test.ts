// Checks the built package (run `pnpm build` first): ESM and CJS builds expose the same API.
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
      'Nozle',
      'NozleAPIError',
      'NozleAuthenticationError',
      'NozleConnectionError',
      'NozleError',
      'NozleIdempotencyError',
      'NozleInvalidRequestError',
      'NozleLocalModeError',
      'NozlePermissionError',
      'NozleRateLimitError',
      'NozleTrackError',
      'NozleWebhookVerificationError',
      'VERSION',
    ]);
    expect(Object.keys(cjs).sort()).toEqual(esmNames);
  });

  it('validates options the same way in the CJS build', () => {
    const { Nozle } = require(fileURLToPath(cjsEntry)) as typeof import('../src/index.js');
    expect(() => new Nozle({ secretKey: 'pk_test_1' })).toThrow(TypeError);
  });

  it('makes requests from the CJS build (the generated client loads under require)', async () => {
    const { Nozle } = require(fileURLToPath(cjsEntry)) as typeof import('../src/index.js');
    const seen: string[] = [];
    const fetch = async (input: Request | string | URL) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return new Response(JSON.stringify({ object: 'list', data: [], has_more: false, url: '/v1/customers' }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    const nozle = new Nozle({ secretKey: 'sk_test_1', baseUrl: 'http://127.0.0.1:9', fetch });
    expect((await nozle.customers.list()).data).toEqual([]);
    expect(seen).toEqual(['http://127.0.0.1:9/v1/customers']);
  });
});
