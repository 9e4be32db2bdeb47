import { describe, expect, it } from 'vitest';
import { annotateStorable, freeJsonProblem, isStorableText, MAX_JSON_DEPTH, MAX_JSON_NODES } from './storable.js';

describe('isStorableText', () => {
  it.each([
    ['plain', 'hello', true],
    ['empty', '', true],
    ['an emoji (a surrogate pair)', '🚀', true],
    ['NUL', 'a\u0000b', false],
    ['a lone high surrogate', 'a\ud800', false],
    ['a lone low surrogate', '\udc00a', false],
    ['reversed pair', '\udc00\ud800', false],
  ])('%s', (_name, value, storable) => expect(isStorableText(value)).toBe(storable));
});

describe('freeJsonProblem', () => {
  const deep = (n: number) => {
    let v: unknown = 'leaf';
    for (let i = 0; i < n; i++) v = [v];
    return v;
  };
  it.each([
    ['scalars', 1, undefined],
    ['a flat object', { a: 1, b: 'x', c: null }, undefined],
    ['nesting at the bound', deep(MAX_JSON_DEPTH), undefined],
  ])('%s is fine', (_name, value, expected) => expect(freeJsonProblem(value)).toBe(expected));

  it('nesting past the bound is named at the level where it goes too deep', () => {
    const problem = freeJsonProblem(deep(MAX_JSON_DEPTH + 1));
    expect(problem?.message).toMatch(/nest/);
    expect(problem?.path).toHaveLength(MAX_JSON_DEPTH);
  });
  it('50,000 levels are walked without overflowing the stack', () => {
    expect(freeJsonProblem(deep(50_000))?.message).toMatch(/nest/);
  });
  it('too many values', () => {
    expect(freeJsonProblem(Array.from({ length: MAX_JSON_NODES + 1 }, () => 1))?.message).toMatch(/at most/);
  });
  it('a NUL deep inside names its path', () => {
    expect(freeJsonProblem({ a: [{ b: 'x\u0000' }] })?.path).toEqual(['a', 0, 'b']);
  });
  it('an unstorable key names the object holding it', () => {
    expect(freeJsonProblem({ a: { 'k\u0000': 1 } })?.path).toEqual(['a']);
  });
});

describe('annotateStorable', () => {
  it('marks string schemas, propertyNames and free-form objects, and leaves examples alone', () => {
    const doc = annotateStorable({
      s: { type: 'string' },
      n: { type: ['string', 'null'] },
      m: { type: 'object', propertyNames: { maxLength: 3 }, additionalProperties: { type: 'string' } },
      f: { type: 'object', additionalProperties: true },
      e: { type: 'integer', example: { type: 'string' } },
    });
    expect(doc).toMatchObject({
      s: { 'x-nozle-storable': true },
      n: { 'x-nozle-storable': true },
      m: { propertyNames: { 'x-nozle-storable-key': true }, additionalProperties: { 'x-nozle-storable': true } },
      f: { 'x-nozle-free-json': true },
      e: { example: { type: 'string' } },
    });
    expect((doc.e as { example: object }).example).not.toHaveProperty('x-nozle-storable');
  });

  it('gives a map without propertyNames a check of its keys', () => {
    const doc = annotateStorable({ m: { type: 'object', additionalProperties: { type: 'string' } } });
    expect(doc).toMatchObject({ m: { propertyNames: { 'x-nozle-storable-key': true } } });
  });
});
