import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveNozleOptions } from './options.js';

describe('resolveNozleOptions', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('defaults fetch to globalThis.fetch', () => {
    expect(resolveNozleOptions({ secretKey: 'sk_test_1' }).fetch).toBe(globalThis.fetch);
  });

  it('keeps an injected fetch', () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    expect(resolveNozleOptions({ secretKey: 'sk_test_1', fetch }).fetch).toBe(fetch);
  });

  it('asks for a fetch option when the runtime has no global fetch', () => {
    vi.stubGlobal('fetch', undefined);
    expect(() => resolveNozleOptions({ secretKey: 'sk_test_1' })).toThrow(
      new TypeError('Nozle: no global `fetch` in this runtime; pass one as the `fetch` option.'),
    );
  });
});
