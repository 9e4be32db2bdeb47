import { describe, expect, it } from 'vitest';
import { createNozle } from './client.js';

describe('createNozle()', () => {
  it('returns the resolved options, defaulting baseUrl to the local server', () => {
    const nozle = createNozle({ publishableKey: 'pk_test_123' });
    expect(nozle.options).toEqual({ publishableKey: 'pk_test_123', baseUrl: 'http://localhost:4000' });
  });

  it('keeps a custom baseUrl without its trailing slash', () => {
    const nozle = createNozle({ publishableKey: 'pk_test_123', baseUrl: 'https://api.example.com//' });
    expect(nozle.options.baseUrl).toBe('https://api.example.com');
  });

  it('returns options that cannot be changed afterwards', () => {
    const nozle = createNozle({ publishableKey: 'pk_test_123' });
    expect(Object.isFrozen(nozle.options)).toBe(true);
  });

  it('throws a TypeError when options are missing', () => {
    // @ts-expect-error: calling without options is what a JavaScript caller could do
    expect(() => createNozle()).toThrow(TypeError);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['without the pk_ prefix', 'test_123'],
    ['only the prefix', 'pk_'],
  ])('throws a TypeError when the publishable key is %s', (_label, publishableKey) => {
    expect(() => createNozle({ publishableKey: publishableKey as string })).toThrow(TypeError);
    expect(() => createNozle({ publishableKey: publishableKey as string })).toThrow(/publishableKey.*"pk_"/);
  });

  it('refuses a secret key without repeating it', () => {
    const attempt = () => createNozle({ publishableKey: 'sk_live_do_not_leak' });
    expect(attempt).toThrow(/secret key.*Never ship it to a browser/);
    expect(attempt).toThrow(expect.objectContaining({ message: expect.not.stringContaining('sk_live_do_not_leak') }));
  });

  it.each(['not a url', 'ftp://example.com', '/relative'])('rejects baseUrl %j', (baseUrl) => {
    expect(() => createNozle({ publishableKey: 'pk_test_123', baseUrl })).toThrow(/baseUrl.*http\(s\) URL/);
  });
});
