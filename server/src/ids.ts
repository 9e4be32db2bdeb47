import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random base62 text; rejection sampling keeps every character equally likely. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

export type IdPrefix =
  | 'cus'
  | 'key'
  | 'proj'
  | 'req'
  | 'feat'
  | 'plan'
  | 'sub'
  | 'pur'
  | 'grt'
  | 'mtr'
  | 'cs'
  | 'bps'
  | 'rec'
  | 'evt'
  | 'in'
  | 'crg'
  | 'ctu'
  | 'cm'
  | 'whe'
  | 'we'
  | 'wd'
  | 'alr'
  | 'rsv'
  | 'co'
  | 'promo'
  | 'di'
  | 'txr';

/** An object id whose prefix names its type, e.g. `cus_3kQ…`. */
export const newId = (prefix: IdPrefix): string => `${prefix}_${randomBase62(20)}`;
