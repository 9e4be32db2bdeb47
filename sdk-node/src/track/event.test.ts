import { describe, expect, it } from 'vitest';
import { serialize, toEventInput, type TrackParams } from './event.js';

const NOW = 1_767_225_600_123; // ms
const newId = () => 'evt_generated';

describe('toEventInput', () => {
  it('fills in a new id and the time of the call, in Unix seconds', () => {
    expect(toEventInput({ customer: 'user_42', event: 'export' }, NOW, newId)).toEqual({
      id: 'evt_generated',
      customer: 'user_42',
      event: 'export',
      timestamp: 1_767_225_600.123,
    });
  });

  it('keeps the caller’s id and properties, and reads a Date or milliseconds as the time', () => {
    const at = new Date('2026-01-01T00:00:01.500Z');
    const params = { customer: 'c', event: 'e', id: 'line_1', properties: { pages: 3 } };
    expect(toEventInput({ ...params, timestamp: at }, NOW, newId)).toEqual({ ...params, timestamp: 1_767_225_601.5 });
    expect(toEventInput({ ...params, timestamp: at.getTime() }, NOW, newId).timestamp).toBe(1_767_225_601.5);
  });

  it.each<[string, unknown, RegExp]>([
    ['no arguments', undefined, /needs an object/],
    ['a missing customer', { event: 'e' }, /`customer`/],
    ['an empty event', { customer: 'c', event: '' }, /`event`/],
    ['an empty id', { customer: 'c', event: 'e', id: '' }, /`id`/],
    ['an id over 255 characters', { customer: 'c', event: 'e', id: 'x'.repeat(256) }, /`id`.*255/],
    ['an invalid Date', { customer: 'c', event: 'e', timestamp: new Date('nope') }, /`timestamp`/],
    ['a timestamp string', { customer: 'c', event: 'e', timestamp: '2026-01-01' }, /`timestamp`/],
    ['array properties', { customer: 'c', event: 'e', properties: [1] }, /`properties`/],
  ])('throws a TypeError for %s', (_label, params, message) => {
    expect(() => toEventInput(params as TrackParams, NOW, newId)).toThrow(TypeError);
    expect(() => toEventInput(params as TrackParams, NOW, newId)).toThrow(message);
  });
});

describe('serialize', () => {
  it('throws a TypeError for properties JSON cannot carry', () => {
    const input = toEventInput({ customer: 'c', event: 'e', properties: { n: 1n } }, NOW, newId);
    expect(() => serialize(input)).toThrow(/`properties` must be serialisable to JSON/);
  });
});
