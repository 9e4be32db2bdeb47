// The data types the browser client hands out, named after the contract's schemas.
import type { Schema } from '@nozle/openapi';

/** A customer's entitlement snapshot (`Entitlements` in the API contract). */
export type Entitlements = Schema<'Entitlements'>;
/** One feature's entry in a snapshot (`Entitlement` in the API contract). */
export type Entitlement = Schema<'Entitlement'>;

/**
 * Where the realtime connection stands:
 * - `idle`: never connected (server render, or `connect()` not called yet);
 * - `connecting`: opening, waiting for the server's first answer, or waiting to reconnect;
 * - `open`: the server answered and pushes every newer snapshot;
 * - `closed`: `close()` was called, or the server refused us for good (see `onError`).
 */
export type NozleStatus = 'idle' | 'connecting' | 'open' | 'closed';

/** Why a local check says no; `loading` while no snapshot has arrived. */
export type LocalCheckReason = 'no_access' | 'revoked' | 'limit_reached' | 'not_found' | 'loading';

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
