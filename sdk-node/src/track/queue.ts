// A first-in first-out queue of fixed capacity that makes room by dropping its oldest item.

/**
 * A ring buffer, so that dropping the oldest item and taking a batch from the front cost
 * nothing per item left behind (an array's `shift()` moves every other item).
 */
export class BoundedQueue<T> {
  readonly capacity: number;
  readonly #items: (T | undefined)[];
  #head = 0;
  #length = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`BoundedQueue: capacity must be a positive integer, got ${capacity}.`);
    }
    this.capacity = capacity;
    this.#items = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.#length;
  }

  /** Adds `item` at the back; when the queue is full, removes and returns the oldest item. */
  push(item: T): T | undefined {
    let dropped: T | undefined;
    if (this.#length === this.capacity) dropped = this.#shift();
    this.#items[(this.#head + this.#length) % this.capacity] = item;
    this.#length += 1;
    return dropped;
  }

  /** The oldest item, left in place. */
  peek(): T | undefined {
    return this.#length === 0 ? undefined : this.#items[this.#head];
  }

  /** Removes and returns up to `count` items, oldest first. */
  take(count: number): T[] {
    const taken: T[] = [];
    while (taken.length < count && this.#length > 0) taken.push(this.#shift() as T);
    return taken;
  }

  /** Removes and returns every item, oldest first. */
  takeAll(): T[] {
    return this.take(this.#length);
  }

  #shift(): T | undefined {
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined; // let the item be collected
    this.#head = (this.#head + 1) % this.capacity;
    this.#length -= 1;
    return item;
  }
}
