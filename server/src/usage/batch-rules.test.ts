import { describe, expect, it } from 'vitest';
import type { Meter } from '../catalog/meters-store.js';
import { ApiError } from '../http/errors.js';
import {
  BatchResults,
  checkEvents,
  firstSightCustomers,
  matchMeters,
  MAX_FUTURE_MS,
  refusedValue,
  senderShiftMs,
  withCustomers,
  type ValidEvent,
} from './batch-rules.js';

const now = new Date('2026-03-10T12:00:00Z');
const seconds = (at: Date) => at.getTime() / 1000;
const DAY = 86_400_000;
const limits = (checkEvent: (value: unknown) => ApiError | undefined = () => undefined) => ({ now, maxAgeMs: 35 * DAY, checkEvent });
const event = (over: Record<string, unknown> = {}) => ({ id: 'evt_1', customer: 'cus_1', event: 'tokens', ...over });

function judge(raw: unknown[], checkEvent?: (value: unknown) => ApiError | undefined) {
  const results = new BatchResults(raw.length);
  const candidates = checkEvents(raw, limits(checkEvent), results);
  return { candidates, summary: results.summary() };
}

describe('checkEvents', () => {
  it.each([
    { name: 'an event without a timestamp happens now', sent: event(), status: 'candidate', at: now },
    { name: 'a timestamp within the clock drift ahead is taken', sent: event({ timestamp: seconds(now) + MAX_FUTURE_MS / 1000 }), status: 'candidate' },
    { name: 'a timestamp beyond the drift is in the future', sent: event({ timestamp: seconds(now) + MAX_FUTURE_MS / 1000 + 1 }), code: 'timestamp_in_future' },
    {
      name: 'a timestamp older than the bound is too old',
      sent: event({ timestamp: seconds(now) - 36 * 86_400 }),
      code: 'timestamp_too_old',
      message: 'The timestamp is more than 35 days old.',
    },
    { name: 'a timestamp no Date holds is invalid', sent: event({ timestamp: 1e300 }), code: 'parameter_invalid' },
  ])('$name', ({ sent, status, code, at, message }) => {
    const { candidates, summary } = judge([sent]);
    if (status === 'candidate') {
      expect(candidates).toHaveLength(1);
      if (at) expect(candidates[0]!.at).toEqual(at);
    } else {
      expect(candidates).toEqual([]);
      expect(summary.results[0]).toMatchObject({
        status: 'rejected',
        id: 'evt_1',
        error: { code, param: 'events[0][timestamp]', ...(message ? { message } : {}) },
      });
    }
  });

  it('names a shape error within the batch', () => {
    const check = () => new ApiError(400, 'invalid_request_error', 'parameter_invalid', 'bad note', 'properties[note]');
    const { summary } = judge([event()], check);
    expect(summary.results[0]).toMatchObject({ status: 'rejected', error: { code: 'parameter_invalid', param: 'events[0][properties][note]' } });
  });

  it('echoes an id only when it can be stored', () => {
    const check = () => new ApiError(400, 'invalid_request_error', 'parameter_invalid', 'bad id', 'id');
    const { summary } = judge([event({ id: 'a\u0000b' }), event({ id: 42 })], check);
    expect(summary.results.map((r) => r.id)).toEqual([null, null]);
  });

  it('takes the first of two events with one id and calls the second a duplicate', () => {
    const { candidates, summary } = judge([event(), event()]);
    expect(candidates.map((c) => c.index)).toEqual([0]);
    expect(summary).toMatchObject({ duplicates: 1, rejected: 1, accepted: 0 });
    expect(summary.results[1]).toEqual({ index: 1, id: 'evt_1', status: 'duplicate' });
  });
});

describe('withCustomers', () => {
  it('keeps events whose customer was found, by the id it resolved to, and rejects the others', () => {
    const results = new BatchResults(2);
    const candidates = checkEvents([event({ customer: 'ext_1' }), event({ id: 'evt_2', customer: 'nobody' })], limits(), results);
    const valid = withCustomers(candidates, new Map([['ext_1', 'cus_9']]), results);
    expect(valid).toMatchObject([{ index: 0, id: 'evt_1', customerId: 'cus_9', name: 'tokens', properties: {} }]);
    expect(results.summary().results[1]).toMatchObject({ status: 'rejected', error: { code: 'customer_not_found', param: 'events[1][customer]' } });
  });
});

const meter = (over: Partial<Meter>): Meter => ({
  id: 'mtr_1',
  object: 'meter',
  key: 'tokens',
  name: 'Tokens',
  event_name: 'tokens',
  aggregation: 'sum',
  property: 'count',
  filters: {},
  allow_negative: false,
  created: 0,
  ...over,
});
const valid = (properties: Record<string, unknown>, name = 'tokens'): ValidEvent => ({ index: 0, id: 'evt_1', customerId: 'cus_1', name, at: now, properties });

describe('refusedValue and matchMeters', () => {
  it.each([
    { name: 'a negative value for a meter that refuses them', meters: [meter({})], properties: { count: -1 }, refused: 'negative_value' },
    { name: 'a negative value a meter allows', meters: [meter({ allow_negative: true })], properties: { count: -1 }, refused: undefined },
    { name: 'a value of a meter of another event', meters: [meter({ event_name: 'other' })], properties: { count: -1 }, refused: undefined },
    {
      name: 'a value a filtered-out meter would refuse',
      meters: [meter({ filters: { model: 'a' } })],
      properties: { count: -1, model: 'b' },
      refused: undefined,
    },
  ])('$name', ({ meters, properties, refused }) => {
    expect(refusedValue(meters, valid(properties))?.code).toBe(refused);
  });

  it('pairs each event with the meters of its name whose filters it matches', () => {
    const meters = [meter({ id: 'a' }), meter({ id: 'b', filters: { model: 'x' } }), meter({ id: 'c', event_name: 'other' })];
    expect(matchMeters([valid({ model: 'y' })], meters).map((m) => m.meter.id)).toEqual(['a']);
    expect(matchMeters([valid({ model: 'x' })], meters).map((m) => m.meter.id)).toEqual(['a', 'b']);
  });
});

describe('senderShiftMs', () => {
  const projectNow = new Date('2026-04-10T12:00:00Z');
  it.each([
    { name: 'no moved clock moves nothing, whatever sent_at says', offsetMs: 0, sentAt: seconds(projectNow) - 86_400, shift: 0 },
    { name: 'no sent_at moves nothing', offsetMs: 40 * DAY, sentAt: undefined, shift: 0 },
    { name: 'a sender on the world’s time moves by exactly the offset', offsetMs: 40 * DAY, sentAt: seconds(projectNow) - 40 * 86_400 - 0.25, shift: 40 * DAY },
    { name: 'a sender within the drift of the world’s time moves too', offsetMs: 40 * DAY, sentAt: seconds(projectNow) - 40 * 86_400 + 290, shift: 40 * DAY },
    { name: 'a sender already on the project’s time does not move', offsetMs: 40 * DAY, sentAt: seconds(projectNow) - 0.25, shift: 0 },
    { name: 'a sender on a clock of its own (a test’s) does not move', offsetMs: 40 * DAY, sentAt: seconds(projectNow) + 200 * 86_400, shift: 0 },
    { name: 'with a small offset, the nearer clock decides', offsetMs: 60_000, sentAt: seconds(projectNow) - 10, shift: 0 },
  ])('$name', ({ offsetMs, sentAt, shift }) => {
    expect(senderShiftMs(offsetMs, sentAt, projectNow)).toBe(shift);
  });

  it('moves each sent timestamp by the shift', () => {
    const results = new BatchResults(1);
    const sent = event({ timestamp: seconds(now) - 40 * 86_400 });
    const [candidate] = checkEvents([sent], { ...limits(), shiftMs: 40 * DAY }, results);
    expect(candidate?.at).toEqual(now);
  });
});

describe('firstSightCustomers', () => {
  const known = new Map([['user_known', 'cus_known']]);
  const creatable = (ref: string) => !ref.startsWith('cus_');
  it.each([
    {
      name: 'an unknown customer with customer_data is created',
      sent: [event({ customer: 'u1', customer_data: { name: 'A' } })],
      made: [['u1', { name: 'A' }]],
    },
    { name: 'without customer_data nobody is', sent: [event({ customer: 'u1' })], made: [] },
    { name: 'a known customer is not', sent: [event({ customer: 'user_known', customer_data: {} })], made: [] },
    { name: 'an id that does not exist is not', sent: [event({ customer: 'cus_gone', customer_data: {} })], made: [] },
    {
      name: 'one per customer, with the first details given',
      sent: [
        event({ id: 'e1', customer: 'u1' }),
        event({ id: 'e2', customer: 'u1', customer_data: { name: 'B' } }),
        event({ id: 'e3', customer: 'u1', customer_data: { name: 'C' } }),
      ],
      made: [['u1', { name: 'B' }]],
    },
  ])('$name', ({ sent, made }) => {
    const { candidates } = judge(sent);
    expect([...firstSightCustomers(candidates, known, creatable)]).toEqual(made);
  });
});
