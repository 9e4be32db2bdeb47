import { Redis } from 'ioredis';
import type { Bus, Listener } from './bus.js';

/**
 * Redis pub/sub: one connection publishes, one subscribes (a subscribing connection can do
 * nothing else). ioredis reconnects and re-subscribes by itself; while Redis is down, publish
 * fails at once instead of queueing, so callers never hang on it.
 */
export function createRedisBus(url: string): Bus {
  const options = { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 };
  const publisher = new Redis(url, options);
  // The subscriber waits for Redis however long it takes: a subscription asked for while
  // Redis is down must still happen when it comes back.
  const subscriber = new Redis(url, { lazyConnect: true, enableOfflineQueue: true, maxRetriesPerRequest: null });
  // Errors surface through publish() and healthy(); unhandled 'error' events would crash the process.
  publisher.on('error', () => {});
  subscriber.on('error', () => {});
  const connected = Promise.allSettled([publisher.connect(), subscriber.connect()]);

  const channels = new Map<string, Set<Listener>>();
  subscriber.on('message', (channel: string, message: string) => {
    for (const listener of [...(channels.get(channel) ?? [])]) listener(message);
  });

  return {
    kind: 'redis',
    async publish(channel, message) {
      await connected;
      await publisher.publish(channel, message);
    },
    async subscribe(channel, listener) {
      await connected;
      let listeners = channels.get(channel);
      if (!listeners) {
        listeners = new Set();
        channels.set(channel, listeners);
        await subscriber.subscribe(channel);
      }
      const entry: Listener = (message) => listener(message);
      listeners.add(entry);
      return async () => {
        listeners.delete(entry);
        if (listeners.size === 0 && channels.get(channel) === listeners) {
          channels.delete(channel);
          await subscriber.unsubscribe(channel).catch(() => {});
        }
      };
    },
    healthy: () => publisher.status === 'ready' && subscriber.status === 'ready',
    async close() {
      channels.clear();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
