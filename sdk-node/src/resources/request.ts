// What every resource method shares: per-request options, the check on ids that go into a
// path, and the generated operation types that list parameters are read from.
import type { CallOptions, operations } from '@nozle/openapi';

/**
 * Options for one create, update or other POST request: its Idempotency-Key, and (from
 * `CallOptions`) `timeoutMs`, `maxRetries` and `signal` for this call.
 */
export interface RequestOptions extends CallOptions {
  /**
   * Sent as the `Idempotency-Key` header: a retry with the same key replays the first response
   * instead of applying the change twice. Use an id of your own (an order id, a job id) when
   * the retry may come from another process.
   * @defaultValue a fresh UUID for each call
   */
  idempotencyKey?: string;
}

/** The query parameters of an operation of the contract, e.g. `QueryParams<'listCustomers'>`. */
export type QueryParams<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>;

/** The header object for openapi-fetch's `params.header`; none lets the client add its own key. */
export function idempotencyHeader(options: RequestOptions | undefined): { 'Idempotency-Key': string } | undefined {
  const key = options?.idempotencyKey;
  return key === undefined ? undefined : { 'Idempotency-Key': key };
}

/**
 * Checks an id or key that goes into a URL path. openapi-fetch leaves `{customer}` in the path
 * when the value is missing, and an empty one makes `/v1/customers/`, which reaches another
 * route (the list, or a create for a POST): both are refused here instead.
 */
export function pathParam(value: string, name: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`Nozle: \`${name}\` must be a non-empty string.`);
  }
  return value;
}
