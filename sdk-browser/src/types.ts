// The data types the browser client hands out, named after the contract's schemas.
import type { Schema } from '@nozle/openapi';

/** A customer's entitlement snapshot (`Entitlements` in the API contract). */
export type Entitlements = Schema<'Entitlements'>;
/** One feature's entry in a snapshot (`Entitlement` in the API contract). */
export type Entitlement = Schema<'Entitlement'>;
/**
 * An alert the customer has reached, as the snapshot lists it (`ReachedAlert` in the API
 * contract): `type` (`usage`, `credit_balance`, `spend`), the `feature` or `currency`, the
 * alert's `percent` (usage), the `threshold` reached and the `value` that reached it.
 */
export type ReachedAlert = Schema<'ReachedAlert'>;

/**
 * Where the realtime connection stands:
 * - `idle`: never connected (server render, or `connect()` not called yet);
 * - `connecting`: opening, waiting for the server's first answer, or waiting to reconnect;
 * - `open`: the server answered and pushes every newer snapshot;
 * - `unavailable`: no answer from the server for `timeoutMs` (it hangs, is down, or the
 *   connection dropped and is not back); still reconnecting, and checks answer by `failureMode`;
 * - `customer_not_found`: the server says the token's customer does not exist (close 4404).
 *   Settled: no reconnecting (call `connect()` again once it exists); checks answer
 *   `customer_not_found`;
 * - `closed`: `close()` was called, or the server refused us for good (see `onError`).
 */
export type NozleStatus = 'idle' | 'connecting' | 'open' | 'unavailable' | 'customer_not_found' | 'closed';

/**
 * What `check()` answers from, in one word (cheap to read on every store change):
 * - `ready`: from the snapshot held;
 * - `loading`: no snapshot yet, and the server still has `timeoutMs` to answer;
 * - `unavailable`: the server cannot be heard (or the client closed before any snapshot): by `failureMode`;
 * - `customer_not_found`: the customer does not exist.
 */
export type Availability = 'ready' | 'loading' | 'unavailable' | 'customer_not_found';

/**
 * What checks answer while the server cannot be heard (status `unavailable`, or closed with no
 * snapshot): `failClosed` `{ allowed: false, reason: 'unavailable' }`, `failOpen`
 * `{ allowed: true, reason: 'unavailable' }`, `lastKnown` from the snapshot held (else as `failClosed`).
 */
export type FailureMode = 'failClosed' | 'failOpen' | 'lastKnown';

/**
 * Why a local check says no (or, for `unavailable` when failing open, why it says yes):
 * `loading` while no snapshot has arrived.
 */
export type LocalCheckReason = 'no_access' | 'revoked' | 'limit_reached' | 'not_found' | 'loading' | 'unavailable' | 'customer_not_found';

/** Options of `check()` and `can()`. */
export interface CheckOptions {
  /** For a metered feature, how many units are about to be used (an integer >= 0). @defaultValue 1 */
  quantity?: number;
  /** @defaultValue the client's `failureMode` */
  failureMode?: FailureMode;
}

/** The answer of `client.check(feature)`, shaped like the API's `Check` minus what a browser knows anyway. */
export interface LocalCheck {
  allowed: boolean;
  /** `null` when allowed. */
  reason: LocalCheckReason | null;
  /** Metered only: the limit of the period; `null` = unlimited. */
  limit?: number | null;
  /** Metered only: units used this period. */
  used?: number;
  /** Metered only: units left; `null` = unlimited. */
  remaining?: number | null;
  /** Metered only: when usage starts again (Unix seconds); `null` = never. */
  resets_at?: number | null;
  /** Config features only: the configured value. */
  value?: Entitlement['value'];
}

/** What `checkout()` and `openPortal()` resolve to: send the user to `url`. */
export interface HostedSession {
  id: string;
  url: string;
}
