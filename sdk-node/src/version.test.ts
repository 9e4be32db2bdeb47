import { VERSION as SHARED_VERSION } from '@nozle/openapi';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { Nozle } from './client.js';
import { VERSION } from './version.js';

describe('VERSION', () => {
  it('is the one version of the published packages, and this package.json says it too', () => {
    expect(VERSION).toBe(SHARED_VERSION);
    expect(pkg.version).toBe(VERSION);
  });

  it('is sent as the User-Agent', async () => {
    const agents: (string | null)[] = [];
    const fetch = (input: Request | string | URL, init?: RequestInit) => {
      agents.push(new Request(input, init).headers.get('user-agent'));
      const list = { object: 'list', data: [], has_more: false, url: '/v1/customers' };
      return Promise.resolve(Response.json(list));
    };
    await new Nozle({ secretKey: 'sk_test_1', fetch }).customers.list();
    expect(agents).toEqual([`@nozle/node/${VERSION}`]);
  });
});
