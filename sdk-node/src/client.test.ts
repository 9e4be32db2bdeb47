import { describe, expect, it } from 'vitest';
import { Nozle } from './client.js';

describe('new Nozle()', () => {
  it('accepts a secret key and defaults baseUrl to the local server', () => {
    const nozle = new Nozle({ secretKey: 'sk_test_123' });
    expect(nozle.baseUrl).toBe('http://localhost:4000');
  });

  it('keeps a custom baseUrl without its trailing slash', () => {
    const nozle = new Nozle({ secretKey: 'sk_test_123', baseUrl: 'https://api.example.com/' });
    expect(nozle.baseUrl).toBe('https://api.example.com');
  });

  it('throws a TypeError when options are missing', () => {
    // @ts-expect-error: calling without options is what a JavaScript caller could do
    expect(() => new Nozle()).toThrow(TypeError);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['without the sk_ prefix', 'test_123'],
    ['only the prefix', 'sk_'],
  ])('throws a TypeError when the secret key is %s', (_label, secretKey) => {
    expect(() => new Nozle({ secretKey: secretKey as string })).toThrow(TypeError);
    expect(() => new Nozle({ secretKey: secretKey as string })).toThrow(/secretKey.*"sk_"/);
  });

  it('points a publishable key to @nozle/browser', () => {
    expect(() => new Nozle({ secretKey: 'pk_test_123' })).toThrow(/publishable key.*@nozle\/browser/);
  });

  it('never repeats the key in its error message', () => {
    expect(() => new Nozle({ secretKey: 'secret-that-must-not-leak' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-that-must-not-leak') }),
    );
  });

  it.each(['not a url', 'ftp://example.com', '/relative'])('rejects baseUrl %j', (baseUrl) => {
    expect(() => new Nozle({ secretKey: 'sk_test_123', baseUrl })).toThrow(/baseUrl.*http\(s\) URL/);
  });

  it('rejects a fetch option that is not a function', () => {
    const fetch = 'nope' as unknown as typeof globalThis.fetch;
    expect(() => new Nozle({ secretKey: 'sk_test_123', fetch })).toThrow(/`fetch` option must be a function/);
  });

  it('does not expose the secret key when serialised', () => {
    const nozle = new Nozle({ secretKey: 'sk_test_hidden' });
    expect(JSON.stringify(nozle)).not.toContain('sk_test_hidden');
  });
});
