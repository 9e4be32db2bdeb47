// What local mode reports to the top-level `onError`: a problem of the stream, never thrown
// (`can()` asks the API meanwhile).

/**
 * - `connect_failed`: the WebSocket could not be made (it is retried with backoff);
 * - `stopped`: the server closed with a final code (the key refused or revoked, …): local mode
 *   is off for good, `closeCode` says why;
 * - `ping_timeout`: nothing heard for `stream.pingTimeoutMs`: the connection is replaced;
 * - `bad_message`: a message that is not JSON was ignored.
 */
export type LocalModeErrorReason = 'connect_failed' | 'stopped' | 'ping_timeout' | 'bad_message';

export class NozleLocalModeError extends Error {
  override readonly name = 'NozleLocalModeError';
  readonly reason: LocalModeErrorReason;
  /** The WebSocket close code, for `stopped`. */
  readonly closeCode: number | undefined;

  constructor(reason: LocalModeErrorReason, message: string, options: { cause?: unknown; closeCode?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = reason;
    this.closeCode = options.closeCode;
  }
}
