import { describe, expect, it } from 'vitest';
import { resolveClientConfig, type NozleBrowserOptions } from './options.js';

const resolve = (options: Partial<NozleBrowserOptions>) => resolveClientConfig({ publishableKey: 'pk_test_1', ...options });

describe('resolveClientConfig()', () => {
  it.each([
    [undefined, 'ws://localhost:4000/v1/realtime'],
    ['http://api.example.com/', 'ws://api.example.com/v1/realtime'],
    ['https://api.example.com/nozle', 'wss://api.example.com/nozle/v1/realtime'],
  ])('derives the realtime URL from baseUrl %j', (baseUrl, realtimeUrl) => {
    expect(resolve({ baseUrl }).realtimeUrl).toBe(realtimeUrl);
  });

  it('fills in the defaults', () => {
    const config = resolve({});
    expect(config).toMatchObject({
      autoConnect: true,
      bootstrap: null,
      customerMissing: false,
      reconnect: { initialDelayMs: 250, maxDelayMs: 30_000 },
      policy: { timeoutMs: 10_000, maxRetries: 2 },
      failureMode: 'failClosed',
    });
    expect(typeof config.onError).toBe('function');
  });

  it('reads bootstrap customer_not_found as no snapshot, with the customer missing', () => {
    expect(resolve({ bootstrap: 'customer_not_found' })).toMatchObject({ bootstrap: null, customerMissing: true });
  });

  it('raises the default maximum delay to a larger initial delay', () => {
    expect(resolve({ reconnect: { initialDelayMs: 60_000 } }).reconnect).toEqual({ initialDelayMs: 60_000, maxDelayMs: 60_000 });
  });

  it.each([
    ['an empty customerToken', { customerToken: '' }, /customerToken/],
    ['a getCustomerToken that is not a function', { getCustomerToken: 'tok' as never }, /getCustomerToken/],
    ['a WebSocket that is not a class', { WebSocket: {} as never }, /WebSocket/],
    ['a non-boolean autoConnect', { autoConnect: 'yes' as never }, /autoConnect/],
    ['a bootstrap that is not a snapshot', { bootstrap: { version: '3' } as never }, /bootstrap/],
    ['a zero initial delay', { reconnect: { initialDelayMs: 0 } }, /initialDelayMs/],
    ['a maximum below the initial delay', { reconnect: { initialDelayMs: 500, maxDelayMs: 100 } }, /maxDelayMs/],
    ['a zero timeoutMs', { timeoutMs: 0 }, /timeoutMs/],
    ['a fractional maxRetries', { maxRetries: 0.5 }, /maxRetries/],
    ['an unknown failureMode', { failureMode: 'maybe' as never }, /failureMode/],
  ])('rejects %s', (_label, options, message) => {
    expect(() => resolve(options)).toThrow(TypeError);
    expect(() => resolve(options)).toThrow(message);
  });
});
