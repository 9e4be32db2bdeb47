import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bus } from './bus.js';
import { createMemoryBus } from './memory-bus.js';
import { createRedisBus } from './redis-bus.js';

const buses: Bus[] = [];
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.close();
});

/** Subscribes, then resolves (once subscribed) with the next message still to come. */
async function nextMessage(bus: Bus, channel: string): Promise<{ next: Promise<string> }> {
  let deliver: (message: string) => void = () => {};
  const next = new Promise<string>((resolve) => (deliver = resolve));
  await bus.subscribe(channel, deliver);
  return { next }; // wrapped: awaiting this function must not wait for the message itself
}

/** Two instances of the same bus, as two server processes would hold. */
type Pair = () => [Bus, Bus];
const memory: Pair = () => {
  const bus = createMemoryBus();
  buses.push(bus);
  return [bus, bus];
};
const redis: Pair = () => {
  const pair: [Bus, Bus] = [createRedisBus(process.env.REDIS_URL!), createRedisBus(process.env.REDIS_URL!)];
  buses.push(...pair);
  return pair;
};

const kinds: Array<[string, Pair, boolean]> = [
  ['in-process', memory, false],
  ['Redis', redis, !process.env.REDIS_URL],
];

for (const [name, makePair, skip] of kinds) {
  describe.skipIf(skip)(`${name} bus`, () => {
    it('delivers a message published on one instance to subscribers on the other', async () => {
      const [a, b] = makePair();
      const channel = `test:${randomUUID()}`;
      const received = await nextMessage(b, channel);
      await a.publish(channel, 'customer cus_1 is at version 7');
      expect(await received.next).toBe('customer cus_1 is at version 7');
    });

    it('stops delivering to a listener once it unsubscribes, and keeps the others', async () => {
      const [a, b] = makePair();
      const channel = `test:${randomUUID()}`;
      const gone: string[] = [];
      const unsubscribe = await b.subscribe(channel, (message) => gone.push(message));
      const kept = await nextMessage(b, channel);
      await unsubscribe();
      await a.publish(channel, 'after');
      expect(await kept.next).toBe('after');
      expect(gone).toEqual([]);
    });

    it('does not cross channels', async () => {
      const [a, b] = makePair();
      const mine = `test:${randomUUID()}`;
      const other: string[] = [];
      await b.subscribe(`test:${randomUUID()}`, (message) => other.push(message));
      const received = await nextMessage(b, mine);
      await a.publish(mine, 'hello');
      expect(await received.next).toBe('hello');
      expect(other).toEqual([]);
    });
  });
}

describe('Redis bus with Redis down', () => {
  it('rejects publish at once and reports itself unhealthy, without crashing', async () => {
    const bus = createRedisBus('redis://127.0.0.1:1'); // nothing listens on port 1
    buses.push(bus);
    await expect(bus.publish('test:down', 'x')).rejects.toThrow();
    expect(bus.healthy()).toBe(false);
  });
});
