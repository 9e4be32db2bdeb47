import WebSocketFromWs from 'ws';
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

  it('defaults the clock to Date.now, keeps an injected one, and refuses one that is not a function', () => {
    expect(resolveNozleOptions({ secretKey: 'sk_test_1' }).now).toBe(Date.now);
    const now = () => 1_780_000_000_000;
    expect(resolveNozleOptions({ secretKey: 'sk_test_1', now }).now).toBe(now);
    expect(() => resolveNozleOptions({ secretKey: 'sk_test_1', now: 5 as unknown as () => number })).toThrow(TypeError);
  });
});

describe('the stream option', () => {
  it('is off unless given, and true means the defaults with the ws package', () => {
    expect(resolveNozleOptions({ secretKey: 'sk_test_1' }).stream).toBeUndefined();
    expect(resolveNozleOptions({ secretKey: 'sk_test_1', stream: false }).stream).toBeUndefined();
    expect(resolveNozleOptions({ secretKey: 'sk_test_1', stream: true }).stream).toMatchObject({
      WebSocket: WebSocketFromWs,
      initialDelayMs: 500,
      maxDelayMs: 30_000,
      pingTimeoutMs: 70_000,
    });
  });

  it.each([
    ['a string', 'yes'],
    ['a WebSocket that is not a class', { WebSocket: 'ws' }],
    ['a negative delay', { reconnect: { initialDelayMs: -1 } }],
    ['a maxDelayMs under initialDelayMs', { reconnect: { initialDelayMs: 100, maxDelayMs: 10 } }],
    ['a pingTimeoutMs of 0', { pingTimeoutMs: 0 }],
    ['a logger that is not a function', { logger: 'console' }],
  ])('rejects %s with a TypeError', (_name, stream) => {
    expect(() => resolveNozleOptions({ secretKey: 'sk_test_1', stream: stream as never })).toThrow(TypeError);
  });
});
