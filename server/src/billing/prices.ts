// A plan version's stored usage prices as rating.ts rates them, and the rating rule's check of a
// price being written (handed to the catalog at assembly).
import type { PriceCheck, StoredPrice } from '../catalog/prices.js';
import { validatePrice, type Price, type PriceTier } from './rating.js';

/** The rating input for a stored price. */
export function ratingPrice(price: StoredPrice): Price {
  const options = {
    ...(price.free_units !== undefined ? { free_units: price.free_units } : {}),
    ...(price.minimum_amount !== undefined ? { minimum_amount: price.minimum_amount } : {}),
    ...(price.maximum_amount !== undefined ? { maximum_amount: price.maximum_amount } : {}),
  };
  switch (price.model) {
    case 'per_unit':
      return { model: 'per_unit', unit_amount: price.unit_amount as string, ...options };
    case 'package':
      return { model: 'package', unit_amount: price.unit_amount as string, package_size: price.package_size as number, ...options };
    case 'graduated':
    case 'volume':
      return { model: price.model, tiers: price.tiers as PriceTier[], ...options };
  }
}

/** Everything wrong with a price a plan is written with, by the rating rule. */
export const checkPrice: PriceCheck = (price) => validatePrice(ratingPrice(price));
