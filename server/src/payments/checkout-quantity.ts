// The seats a checkout sells: a per-seat recurring plan takes a quantity (and may let the buyer
// adjust it on the provider's page); any other plan sells one. Pure: the 400s name the param.
import type { components } from '@nozle/openapi';
import type { Plan } from '../catalog/plans-store.js';
import { invalidParam } from '../http/errors.js';

type Params = Pick<components['schemas']['CheckoutSessionCreateParams'], 'quantity' | 'adjustable_quantity'>;

export interface CheckoutQuantity {
  quantity: number;
  adjustableQuantity?: { enabled: boolean; minimum?: number; maximum?: number };
}

export function checkoutQuantity(plan: Pick<Plan, 'key' | 'per_seat'>, params: Params): CheckoutQuantity {
  const quantity = params.quantity ?? 1;
  const adjustable = params.adjustable_quantity;
  if (!plan.per_seat) {
    if (quantity !== 1) throw invalidParam('quantity', `Plan '${plan.key}' is not per seat: it sells a quantity of 1.`);
    if (adjustable) throw invalidParam('adjustable_quantity', `Plan '${plan.key}' is not per seat: its quantity cannot be adjusted.`);
    return { quantity };
  }
  if (!adjustable) return { quantity };
  const { minimum, maximum } = adjustable;
  if (minimum !== undefined && maximum !== undefined && minimum > maximum) {
    throw invalidParam('adjustable_quantity[minimum]', 'adjustable_quantity.minimum must not be above its maximum.');
  }
  if ((minimum !== undefined && quantity < minimum) || (maximum !== undefined && quantity > maximum)) {
    throw invalidParam('quantity', 'quantity must lie within adjustable_quantity.minimum and maximum.');
  }
  return {
    quantity,
    adjustableQuantity: { enabled: adjustable.enabled, ...(minimum !== undefined ? { minimum } : {}), ...(maximum !== undefined ? { maximum } : {}) },
  };
}
