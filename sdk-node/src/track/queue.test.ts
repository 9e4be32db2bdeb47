import { describe, expect, it } from 'vitest';
import { BoundedQueue } from './queue.js';

describe('BoundedQueue', () => {
  it('gives items back oldest first, in batches', () => {
    const queue = new BoundedQueue<number>(5);
    for (const item of [1, 2, 3, 4]) expect(queue.push(item)).toBeUndefined();
    expect(queue.take(3)).toEqual([1, 2, 3]);
    expect(queue.take(3)).toEqual([4]);
    expect(queue.take(3)).toEqual([]);
  });

  it('drops and returns the oldest item when full', () => {
    const queue = new BoundedQueue<number>(3);
    [1, 2, 3].forEach((item) => queue.push(item));
    expect(queue.push(4)).toBe(1);
    expect(queue.push(5)).toBe(2);
    expect(queue.length).toBe(3);
    expect(queue.peek()).toBe(3);
    expect(queue.takeAll()).toEqual([3, 4, 5]);
  });

  it('keeps its order across many wraps of the ring', () => {
    const queue = new BoundedQueue<number>(4);
    const out: number[] = [];
    for (let item = 1; item <= 50; item += 1) {
      queue.push(item);
      if (item % 3 === 0) out.push(...queue.take(2));
    }
    out.push(...queue.takeAll());
    expect(out).toEqual([...out].sort((a, b) => a - b));
    expect(out.at(-1)).toBe(50);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new BoundedQueue(0)).toThrow(RangeError);
  });
});
