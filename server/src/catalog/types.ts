// The catalog's definitions as the rest of the server reads them: a feature's type, and what a
// plan (or a grant) gives for one feature. Pure data: no I/O, no classes.

export type FeatureType = 'boolean' | 'metered' | 'config';
export type ResetInterval = 'day' | 'week' | 'month' | 'year' | 'never';

/** A JSON value, as a `config` feature carries (`{ "seats": 5 }`, `"gpt-4o"`, 3, …). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface FeatureDefinition {
  key: string;
  type: FeatureType;
}

/** What a plan (or a grant) gives for one feature. */
export interface FeatureTerms {
  feature: string;
  /** boolean features: on or off (default true). */
  enabled?: boolean;
  /** metered features: units per reset period; `null` means unlimited. */
  limit?: number | null;
  /** metered features: when the usage count starts again. */
  reset?: ResetInterval;
  /** metered features: whether use beyond the limit is allowed (and billed later). */
  overage?: boolean;
  /** metered features: the limit is per seat, × the subscription's quantity (present only when true). */
  per_seat?: boolean;
  /** config features: the value. */
  value?: JsonValue;
}
