import { describe, expect, it } from 'vitest';
import { frame, parseServerMessage, type Schemas } from '../src/index.js';

const snapshot: Schemas['Entitlements'] = {
  object: 'entitlements',
  customer: 'cus_1',
  external_id: 'user_1',
  version: 3,
  computed: 1_700_000_000,
  valid_until: null,
  features: { export: { feature: 'export', type: 'boolean', allowed: true, reason: null, source: null } },
};

describe('frame', () => {
  it.each([
    ["a browser's hello", frame.hello('pk_test_1', { token: 'tok_1', version: 0 }), '{"type":"hello","key":"pk_test_1","token":"tok_1","version":0}'],
    ["a backend's hello", frame.hello('sk_test_1'), '{"type":"hello","key":"sk_test_1"}'],
    ['a snapshot', frame.snapshot(snapshot), `{"type":"snapshot","snapshot":${JSON.stringify(snapshot)}}`],
    ["a browser's ready", frame.ready(12), '{"type":"ready","version":12}'],
    ["a backend's ready", frame.ready(), '{"type":"ready"}'],
    ['a deleted customer', frame.deleted('cus_1'), '{"type":"deleted","customer":"cus_1"}'],
    ['a stale project', frame.stale(), '{"type":"stale"}'],
  ])('writes %s as the wire format says', (_name, written, expected) => {
    expect(written).toBe(expected);
  });
});

describe('parseServerMessage', () => {
  const text = (value: unknown) => JSON.stringify(value);
  const { external_id: _externalId, ...withoutExternalId } = snapshot;

  it.each([
    ['a snapshot', text({ type: 'snapshot', snapshot }), { type: 'snapshot', snapshot }],
    ['a snapshot from before external_id', text({ type: 'snapshot', snapshot: withoutExternalId }), { type: 'snapshot', snapshot: withoutExternalId }],
    ['a snapshot valid until a time', text({ type: 'snapshot', snapshot: { ...snapshot, valid_until: 1_700_000_100 } }), { type: 'snapshot' }],
    ["a browser's ready", text({ type: 'ready', version: 12 }), { type: 'ready', version: 12 }],
    ["a backend's ready", text({ type: 'ready' }), { type: 'ready' }],
    ['a ready with a version that is no integer (still ready)', text({ type: 'ready', version: '12' }), { type: 'ready' }],
    ['a deleted customer', text({ type: 'deleted', customer: 'cus_1' }), { type: 'deleted', customer: 'cus_1' }],
    ['a stale project', text({ type: 'stale' }), { type: 'stale' }],
  ])('reads %s', (_name, message, expected) => {
    expect(parseServerMessage(message)).toMatchObject(expected);
  });

  it.each([
    ['a type from a newer server', { type: 'diff', changes: [] }],
    ['no type', { snapshot }],
    ['a snapshot missing', { type: 'snapshot' }],
    ['a snapshot without a customer', { type: 'snapshot', snapshot: { ...snapshot, customer: undefined } }],
    ['a snapshot with a fractional version', { type: 'snapshot', snapshot: { ...snapshot, version: 1.5 } }],
    ['a snapshot with a version past safe integers', { type: 'snapshot', snapshot: { ...snapshot, version: 2 ** 60 } }],
    ['a snapshot with a version as a string', { type: 'snapshot', snapshot: { ...snapshot, version: '3' } }],
    ['a snapshot without features', { type: 'snapshot', snapshot: { ...snapshot, features: null } }],
    ['a snapshot whose features are an array', { type: 'snapshot', snapshot: { ...snapshot, features: [] } }],
    ['a snapshot with an external_id that is no string', { type: 'snapshot', snapshot: { ...snapshot, external_id: 7 } }],
    ['a snapshot without valid_until', { type: 'snapshot', snapshot: { ...snapshot, valid_until: undefined } }],
    ['a snapshot with valid_until as a string', { type: 'snapshot', snapshot: { ...snapshot, valid_until: '1700000100' } }],
    ['a deleted without a customer', { type: 'deleted' }],
    ['a deleted customer that is no string', { type: 'deleted', customer: 1 }],
    ['null', null],
    ['an array', [{ type: 'ready' }]],
    ['a string', 'ready'],
  ])('ignores %s', (_name, message) => {
    expect(parseServerMessage(text(message))).toBeUndefined();
  });

  it('throws on a message that is not JSON', () => {
    expect(() => parseServerMessage('ready')).toThrow(SyntaxError);
  });
});
