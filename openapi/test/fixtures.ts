// Shared fixtures for the client tests: one server URL, one key, sample API objects.
import type { Schemas } from '../src/index.js';

export const BASE_URL = 'http://nozle.test';
export const API_KEY = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc';

export const customer: Schemas['Customer'] = {
  id: 'cus_8fJ2kQ0pX3vN7bLm',
  object: 'customer',
  external_id: 'user_42',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  address: null,
  tax_ids: [],
  tax_exempt: 'none',
  metadata: {},
  created: 1_700_000_000,
};

export function errorBody(type: Schemas['Error']['error']['type'], code: string, requestId = 'req_body123', param: string | null = null): Schemas['Error'] {
  return { error: { type, code, message: `${code} happened`, param, request_id: requestId } };
}
