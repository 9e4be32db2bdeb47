import { describe, expect, it } from 'vitest';
import { cleanMetadata, mergeMetadata, type Metadata } from './metadata.js';

interface Case {
  name: string;
  current: Metadata;
  update: Metadata | null | undefined;
  expected: Metadata;
}

describe('mergeMetadata', () => {
  it.each<Case>([
    { name: 'no update keeps everything', current: { a: '1' }, update: undefined, expected: { a: '1' } },
    { name: 'null clears everything', current: { a: '1', b: '2' }, update: null, expected: {} },
    { name: 'new keys are added', current: { a: '1' }, update: { b: '2' }, expected: { a: '1', b: '2' } },
    { name: 'existing keys are replaced', current: { a: '1' }, update: { a: '9' }, expected: { a: '9' } },
    { name: '"" removes a key', current: { a: '1', b: '2' }, update: { a: '' }, expected: { b: '2' } },
    { name: '"" for a missing key changes nothing', current: { a: '1' }, update: { z: '' }, expected: { a: '1' } },
    { name: 'an empty update keeps everything', current: { a: '1' }, update: {}, expected: { a: '1' } },
  ])('$name', ({ current, update, expected }) => {
    const before = { ...current };
    expect(mergeMetadata(current, update)).toEqual(expected);
    expect(current).toEqual(before); // the input is not mutated
  });

  it('drops "" values on creation', () => {
    expect(cleanMetadata({ a: '', b: '2' })).toEqual({ b: '2' });
    expect(cleanMetadata(undefined)).toEqual({});
  });
});
