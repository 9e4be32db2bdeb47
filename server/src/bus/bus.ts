// The bus carries small messages ("customer X is now at version N") to every server instance:
// through Redis pub/sub when REDIS_URL is set, within the process otherwise.

export type Listener = (message: string) => void;

/**
 * While the bus is down, how old a cached copy (a snapshot, an API key) may be before it is
 * checked against the database again (NOZLE_MAX_STALENESS_MS).
 */
export const DEFAULT_MAX_STALENESS_MS = 5_000;

/** A stretch of time in which the bus could not carry messages: some may have been lost. */
export interface Gap {
  /** When it went down (ms since the epoch, this machine's clock). */
  since: number;
}

export interface Bus {
  readonly kind: 'memory' | 'redis';
  /** Sends to every subscriber of the channel on every instance. Rejects when the bus is down. */
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once subscribed; the returned function unsubscribes this listener. */
  subscribe(channel: string, listener: Listener): Promise<() => Promise<void>>;
  /** Whether the bus can carry messages right now (an in-process bus always can). */
  healthy(): boolean;
  /**
   * Called each time the bus carries messages again after it could not (subscriptions already
   * restored): what was published meanwhile, by this instance or another, never arrived.
   * The bus is also down until it first connects. An in-process bus has no gaps.
   */
  onGap(listener: (gap: Gap) => void): () => void;
  close(): Promise<void>;
}

/**
 * Subscribes, waiting at most `waitMs` for the bus to confirm. With Redis down the caller goes
 * on (the subscription completes when Redis returns) instead of hanging the server's start.
 */
export async function subscribeSoon(bus: Bus, channel: string, listener: Listener, waitMs = 2000): Promise<() => Promise<void>> {
  let unsubscribe: (() => Promise<void>) | undefined;
  let stopped = false;
  const subscribed = bus.subscribe(channel, listener).then((fn) => {
    // Stopped before Redis ever confirmed: undo it then, without making the caller wait for Redis.
    if (stopped) void fn();
    else unsubscribe = fn;
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([subscribed, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
  return async () => {
    stopped = true;
    await unsubscribe?.();
  };
}
