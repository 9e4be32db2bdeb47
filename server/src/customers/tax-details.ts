// A customer's address and tax ids as a request (or a provider's checkout) gives them, in the
// one shape Nozle keeps: Stripe's, every address field present (null when not given), the
// country in capitals (tax rates are matched on it). Pure.
import type { components } from '@nozle/openapi';
import type { CustomerAddress, CustomerTaxId } from './store.js';

type AddressParams = components['schemas']['AddressParams'];

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** The address to keep; null when it has no field with a value. */
export function toAddress(params: AddressParams | null): CustomerAddress | null {
  if (!params) return null;
  const address: CustomerAddress = {
    line1: text(params.line1),
    line2: text(params.line2),
    city: text(params.city),
    state: text(params.state),
    postal_code: text(params.postal_code),
    country: text(params.country)?.toUpperCase() ?? null,
  };
  return Object.values(address).some((value) => value !== null) ? address : null;
}

/** The tax ids to keep, without repeats (the same type and value twice is one id). */
export function toTaxIds(ids: readonly CustomerTaxId[]): CustomerTaxId[] {
  const seen = new Set<string>();
  return ids.flatMap((id) => {
    const value = id.value.trim();
    const key = `${id.type}:${value.toUpperCase()}`;
    if (!value || seen.has(key)) return [];
    seen.add(key);
    return [{ type: id.type, value }];
  });
}
