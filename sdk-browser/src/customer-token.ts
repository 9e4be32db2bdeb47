// Where customer tokens come from: a fixed one, or the app's backend through getCustomerToken.

export interface CustomerTokenSource {
  /** Whether any token can be had at all. */
  readonly available: boolean;
  /** Whether a new token can be fetched (getCustomerToken was given). */
  readonly renewable: boolean;
  /** The token for the next connection or API call: the given token first, fetched ones after. */
  next(): Promise<string>;
}

export function createCustomerTokenSource(customerToken: string | undefined, getCustomerToken: (() => Promise<string>) | undefined): CustomerTokenSource {
  let initial = customerToken;
  return {
    available: customerToken !== undefined || getCustomerToken !== undefined,
    renewable: getCustomerToken !== undefined,
    async next() {
      // A token given up front (e.g. rendered into the page) saves one round trip, once.
      if (initial !== undefined && getCustomerToken !== undefined) {
        const token = initial;
        initial = undefined;
        return token;
      }
      if (getCustomerToken === undefined) {
        if (customerToken === undefined) {
          throw new TypeError('Nozle: no customer token. Pass `customerToken` or `getCustomerToken` to createNozle().');
        }
        return customerToken;
      }
      const token = await getCustomerToken();
      if (typeof token !== 'string' || token === '') {
        throw new TypeError('Nozle: `getCustomerToken()` must resolve to a non-empty string.');
      }
      return token;
    },
  };
}
