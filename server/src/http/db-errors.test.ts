import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { databaseErrorToApi, DatabaseUnavailableError, type RequestValues } from './db-errors.js';

const pgError = (code: string, message = 'refused') => Object.assign(new Error(message), { code });
const netError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

describe('databaseErrorToApi', () => {
  it.each<[string, unknown]>([
    ['a statement timeout (57014)', pgError('57014', 'canceling statement due to statement timeout')],
    ['an admin shutdown (57P01)', pgError('57P01')],
    ['a crash shutdown (57P02)', pgError('57P02')],
    ['a server that cannot connect now (57P03)', pgError('57P03')],
    ['a connection failure (08006)', pgError('08006')],
    ['a refused connection attempt (08001)', pgError('08001')],
    ['too many connections (53300)', pgError('53300')],
    ['a refused TCP connection', netError('ECONNREFUSED')],
    ['a reset TCP connection', netError('ECONNRESET')],
    ['a timed-out TCP connection', netError('ETIMEDOUT')],
    ['a connection lost under a query', new Error('Connection terminated unexpectedly')],
    ['a connection timeout', new Error('Connection terminated due to connection timeout')],
    ['a full pool past the connect timeout', new Error('timeout exceeded when trying to connect')],
    ['a silent network past the query timeout', new Error('Query read timeout')],
    ['a client broken by an earlier error', new Error('Client has encountered a connection error and is not queryable')],
  ])('makes %s a retryable 503 database_unavailable', (_case, error) => {
    const api = databaseErrorToApi(error);
    expect(api).toBeInstanceOf(DatabaseUnavailableError);
    expect(api).toMatchObject({ status: 503, type: 'api_error', code: 'database_unavailable', param: null, retryAfterSeconds: 1 });
  });

  it.each<[string, unknown, RequestValues, string | null]>([
    ['a NUL byte in text (22021)', pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'), { body: { name: 'a\u0000' } }, 'name'],
    ['a NUL escape in JSON (22P05)', pgError('22P05', 'unsupported Unicode escape sequence'), { body: { metadata: { note: '\u0000' } } }, 'metadata[note]'],
    ['a NUL byte in a key', pgError('22P05'), { body: { metadata: { 'k\u0000': 'v' } } }, 'metadata[k\u0000]'],
    [
      'an unpaired high surrogate (22P02)',
      pgError('22P02', 'invalid input syntax for type json'),
      { body: { items: [{ name: 'x\ud800' }] } },
      'items[0][name]',
    ],
    ['an unpaired low surrogate', pgError('22P02'), { body: { note: '\udc00x' } }, 'note'],
    ['a NUL byte in a query parameter', pgError('22021'), { body: {}, query: { email: 'a\u0000' } }, 'email'],
    ['a whole body that is a bad string', pgError('22021'), { body: 'a\u0000' }, 'body'],
    ['a number out of range (22003)', pgError('22003', 'value "1e+400" is out of range for type double precision'), { body: { amount: 1 } }, null],
    ['a date/time out of range (22008)', pgError('22008', 'date/time field value out of range'), {}, null],
    ['a malformed date/time (22007)', pgError('22007', 'invalid input syntax for type timestamp'), {}, null],
    ['a well-formed surrogate pair next to another problem', pgError('22P02'), { body: { note: '😀' } }, null],
    ['a statement too complex (54001)', pgError('54001', 'stack depth limit exceeded'), { body: { note: 'a\u0000' } }, null],
  ])('makes %s a 400 parameter_invalid naming the parameter when it can', (_case, error, request, param) => {
    const api = databaseErrorToApi(error, request);
    expect(api).toBeInstanceOf(ApiError);
    expect(api).toMatchObject({ status: 400, type: 'invalid_request_error', code: 'parameter_invalid', param });
    expect(api!.message.length).toBeGreaterThan(0);
  });

  it('says what the database refused when no parameter can be named', () => {
    const api = databaseErrorToApi(pgError('22003', 'value "99999999999" is out of range for type integer'));
    expect(api?.message).toBe('A value in the request is not one the database accepts: value "99999999999" is out of range for type integer.');
  });

  it.each<[string, unknown]>([
    ['a unique violation (23505)', pgError('23505')],
    ['a serialization failure (40001)', pgError('40001')],
    ['a syntax error of ours (42601)', pgError('42601')],
    ['a programming error', new TypeError('x is not a function')],
    ['a code that is not a SQLSTATE', Object.assign(new Error('no'), { code: 'ERR_SOMETHING' })],
    ['a thrown string', 'boom'],
    ['null', null],
  ])('leaves %s alone (not a database fault of these kinds)', (_case, error) => {
    expect(databaseErrorToApi(error)).toBeUndefined();
  });
});
