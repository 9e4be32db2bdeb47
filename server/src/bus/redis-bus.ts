import { Redis } from 'ioredis';
import type { Bus, Gap, Listener } from './bus.js';

/**
 * Redis pub/sub: one connection publishes, one subscribes (a subscribing connection can do
 * nothing else). ioredis reconnects and re-subscribes by itself; while Redis is down, publish
 * fails at once instead of queueing, so callers never hang on it. Either connection being
 * down is a gap (messages in or out were lost), reported once both are back.
 */
const UNSUBSCRIBE_WAIT_MS = 500;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

type Channels = Map<string, Set<Listener>>;

export function createRedisBus(url: string): Bus {
  const { publisher, subscriber } = openConnections(url);
  const channels: Channels = new Map();
  subscriber.on('message', (channel: string, message: string) => {
    for (const listener of [...(channels.get(channel) ?? [])]) listener(message);
  });
  const gaps = watchGaps(publisher, subscriber, channels);
  const connected = Promise.allSettled([publisher.connect(), subscriber.connect()]);

  return {
    kind: 'redis',
    async publish(channel, message) {
      await connected;
      await publisher.publish(channel, message);
    },
    async subscribe(channel, listener) {
      await connected;
      return subscribe(subscriber, channels, channel, listener);
    },
    healthy: gaps.healthy,
    onGap: gaps.onGap,
    async close() {
      channels.clear();
      gaps.clear();
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

function openConnections(url: string): { publisher: Redis; subscriber: Redis } {
  const options = { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 };
  const publisher = new Redis(url, options);
  // The subscriber waits for Redis however long it takes: a subscription asked for while
  // Redis is down must still happen when it comes back.
  const subscriber = new Redis(url, { lazyConnect: true, enableOfflineQueue: true, maxRetriesPerRequest: null });
  // Errors surface through publish() and healthy(); unhandled 'error' events would crash the process.
  publisher.on('error', () => {});
  subscriber.on('error', () => {});
  return { publisher, subscriber };
}

/** Adds a listener on a channel (subscribing in Redis for its first); answers how to let it go. */
async function subscribe(subscriber: Redis, channels: Channels, channel: string, listener: Listener): Promise<() => Promise<void>> {
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
      // While Redis is down the command would wait in the offline queue for its return; the
      // listener is gone already, so a shutdown waits for Redis a moment at most.
      await Promise.race([subscriber.unsubscribe(channel).catch(() => {}), delay(UNSUBSCRIBE_WAIT_MS)]);
    }
  };
}

interface Gaps {
  healthy(): boolean;
  onGap(listener: (gap: Gap) => void): () => void;
  clear(): void;
}

/** Tracks when either connection is down, and reports the gap once both are back and resubscribed. */
function watchGaps(publisher: Redis, subscriber: Redis, channels: Channels): Gaps {
  const gapListeners = new Set<(gap: Gap) => void>();
  // Down until first connected: what an instance cached before then was never announced to it.
  let downSince: number | undefined = Date.now();
  let restoring = false;
  const connectionsReady = () => publisher.status === 'ready' && subscriber.status === 'ready';
  const onStatus = () => {
    if (!connectionsReady()) {
      downSince ??= Date.now();
      return;
    }
    if (downSince === undefined || restoring) return;
    restoring = true;
    // ioredis has re-sent its SUBSCRIBEs on reconnect; subscribing again changes nothing in Redis,
    // and its reply comes after theirs, so once it resolves every subscription is live.
    const active = [...channels.keys()];
    const restored = active.length > 0 ? subscriber.subscribe(...active) : Promise.resolve();
    restored.then(
      () => {
        restoring = false;
        if (!connectionsReady() || downSince === undefined) return; // down again: the gap goes on
        const gap: Gap = { since: downSince };
        downSince = undefined;
        for (const listener of [...gapListeners]) listener(gap);
      },
      () => {
        restoring = false; // down again: the next 'ready' tries once more
      },
    );
  };
  for (const connection of [publisher, subscriber]) {
    for (const event of ['ready', 'close', 'end']) connection.on(event, onStatus);
  }
  return {
    healthy: () => downSince === undefined && connectionsReady(),
    onGap(listener) {
      gapListeners.add(listener);
      return () => gapListeners.delete(listener);
    },
    clear: () => gapListeners.clear(),
  };
}
