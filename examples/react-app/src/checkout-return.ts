// The checkout page sends the customer back with `?checkout=success` or `?checkout=canceled`.
// Read once when the app loads and taken off the URL at once, so a reload (or a bookmark of
// the page) does not say "Welcome to Pro!" again.
export type CheckoutReturn = 'success' | 'canceled' | null;

export function takeCheckoutReturn(): CheckoutReturn {
  const url = new URL(window.location.href);
  const value = url.searchParams.get('checkout');
  if (value === null) return null;
  url.searchParams.delete('checkout');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return value === 'success' || value === 'canceled' ? value : null;
}

/** Where every checkout of this app returns to: the app, saying how it went. */
export function checkoutReturnUrls(): { successUrl: string; cancelUrl: string } {
  const back = `${window.location.origin}/`;
  return { successUrl: `${back}?checkout=success`, cancelUrl: `${back}?checkout=canceled` };
}
