import type { Bus, Listener } from './bus.js';

export function createMemoryBus(): Bus {
  const channels = new Map<string, Set<Listener>>();
  return {
    kind: 'memory',
    async publish(channel, message) {
      // Delivered after the publisher's turn, as it would be from Redis.
      for (const listener of [...(channels.get(channel) ?? [])]) queueMicrotask(() => listener(message));
    },
    async subscribe(channel, listener) {
      const listeners = channels.get(channel) ?? new Set<Listener>();
      channels.set(channel, listeners);
      // A Set would drop a second subscription of the same function; wrap to keep both.
      const entry: Listener = (message) => listener(message);
      listeners.add(entry);
      return async () => {
        listeners.delete(entry);
        if (listeners.size === 0) channels.delete(channel);
      };
    },
    healthy: () => true,
    onGap: () => () => {},
    async close() {
      channels.clear();
    },
  };
}
