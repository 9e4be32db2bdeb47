// The bus carries small messages ("customer X is now at version N") to every server instance:
// through Redis pub/sub when REDIS_URL is set, within the process otherwise.

export type Listener = (message: string) => void;

export interface Bus {
  readonly kind: 'memory' | 'redis';
  /** Sends to every subscriber of the channel on every instance. Rejects when the bus is down. */
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once subscribed; the returned function unsubscribes this listener. */
  subscribe(channel: string, listener: Listener): Promise<() => Promise<void>>;
  /** Whether the bus can carry messages right now (an in-process bus always can). */
  healthy(): boolean;
  close(): Promise<void>;
}
