import { describe, expect, it } from 'vitest';
import { parseHello } from './hello.js';

const frame = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const browser = { type: 'hello', key: 'pk_test_1', token: 'payload.signature' };

describe('parseHello', () => {
  it.each([
    ['a backend (secret key), token and version ignored', { type: 'hello', key: 'sk_test_1', version: 'x' }, { kind: 'project', key: 'sk_test_1' }],
    ['a browser holding nothing yet', browser, { kind: 'customer', key: 'pk_test_1', token: 'payload.signature', version: 0 }],
    ['a browser holding version 12', { ...browser, version: 12 }, { kind: 'customer', key: 'pk_test_1', token: 'payload.signature', version: 12 }],
    ['not JSON', 'hello', { code: 4400 }],
    ['null', 'null', { code: 4400 }],
    ['an array', '[{"type":"hello"}]', { code: 4400 }],
    ['a string', '"hello"', { code: 4400 }],
    ['another type', { ...browser, type: 'subscribe' }, { code: 4400 }],
    ['a key that is not a string', { type: 'hello', key: ['pk_test_1'] }, { code: 4400 }],
    ['no token with a publishable key', { type: 'hello', key: 'pk_test_1' }, { code: 4400 }],
    ['a token that is an object', { ...browser, token: { p: 'proj' } }, { code: 4400 }],
    ['a version as a string', { ...browser, version: '12' }, { code: 4400 }],
    ['a negative version', { ...browser, version: -1 }, { code: 4400 }],
    ['a fractional version', { ...browser, version: 0.5 }, { code: 4400 }],
    ['a version past safe integers', { ...browser, version: 2 ** 60 }, { code: 4400 }],
    ['a key of neither kind', { ...browser, key: 'xk_test_1' }, { code: 4401 }],
  ])('reads %s', (_name, message, expected) => {
    expect(parseHello(frame(message))).toMatchObject(expected);
  });

  it('reads a hello split over fragments', () => {
    const text = JSON.stringify(browser);
    expect(parseHello([Buffer.from(text.slice(0, 5)), Buffer.from(text.slice(5))])).toMatchObject({ kind: 'customer' });
  });
});
