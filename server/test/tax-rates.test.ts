// Tax rates through the API (create, retrieve, update, list; bounds refused with the parameter
// named; percentage and inclusive fixed once created), and a customer's address, tax ids and tax
// status kept through create, update and retrieve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const create = (body: Record<string, unknown>) => t.call('POST', '/v1/tax_rates', { body });

describe('tax rates', () => {
  let vat: string;

  it('creates a rate, the country in capitals, and retrieves it', async () => {
    const created = await create({ display_name: 'VAT', description: 'German VAT', percentage: 19, inclusive: false, country: 'de', jurisdiction: 'DE' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^txr_/),
      object: 'tax_rate',
      display_name: 'VAT',
      description: 'German VAT',
      percentage: 19,
      inclusive: false,
      country: 'DE',
      state: null,
      jurisdiction: 'DE',
      active: true,
      created: expect.any(Number),
    });
    vat = created.body.id;
    expect((await t.call('GET', `/v1/tax_rates/${vat}`)).body).toEqual(created.body);
  });

  it('keeps four decimals exactly, and the bounds 0 and 100', async () => {
    for (const percentage of [8.875, 0.0001, 0, 100]) {
      const created = await create({ display_name: 'Tax', percentage, inclusive: true, country: 'US', state: 'NY' });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ percentage, inclusive: true, country: 'US', state: 'NY' });
    }
  });

  it.each([
    ['a percentage above 100', { percentage: 100.5 }, 'percentage'],
    ['a negative percentage', { percentage: -1 }, 'percentage'],
    ['five decimals', { percentage: 8.87501 }, 'percentage'],
    ['a country of three letters', { country: 'DEU' }, 'country'],
    ['a country with a digit', { country: 'D1' }, 'country'],
    ['a state without a country', { country: undefined, state: 'CA' }, 'state'],
    ['no inclusive', { inclusive: undefined }, 'inclusive'],
    ['an empty display name', { display_name: '' }, 'display_name'],
  ])('refuses %s, naming the parameter', async (_, fields, param) => {
    const refused = await create({ display_name: 'Tax', percentage: 10, inclusive: false, country: 'DE', ...fields });
    expect(refused.status).toBe(400);
    expect(refused.body.error.param).toBe(param);
  });

  it('updates the display name, description and active; percentage and inclusive cannot change', async () => {
    const updated = await t.call('POST', `/v1/tax_rates/${vat}`, { body: { display_name: 'MwSt', description: null, active: false } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: vat, display_name: 'MwSt', description: null, active: false, percentage: 19, inclusive: false });
    for (const body of [{ percentage: 20 }, { inclusive: true }]) {
      const refused = await t.call('POST', `/v1/tax_rates/${vat}`, { body });
      expect(refused.status).toBe(400);
      expect(refused.body.error.param).toBe(Object.keys(body)[0]);
    }
    expect((await t.call('GET', `/v1/tax_rates/${vat}`)).body).toMatchObject({ percentage: 19, inclusive: false, display_name: 'MwSt' });
  });

  it('lists newest first, filtered by active; an unknown rate is a 404', async () => {
    const all = await t.call('GET', '/v1/tax_rates');
    expect(all.body.data).toHaveLength(5);
    expect(all.body.data.at(-1).id).toBe(vat);
    const active = await t.call('GET', '/v1/tax_rates?active=false');
    expect(active.body.data.map((rate: { id: string }) => rate.id)).toEqual([vat]);
    const missing = await t.call('GET', '/v1/tax_rates/txr_nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.param).toBe('tax_rate');
  });

  it("is another project's secret: not found there", async () => {
    const other = await t.call('GET', `/v1/tax_rates/${vat}`, { key: t.projectB.secretKey });
    expect(other.status).toBe(404);
  });

  it('refuses an archived rate, or one that does not exist, as a subscription default_tax_rates', async () => {
    expect((await t.call('POST', '/v1/plans', { body: { key: 'basic', name: 'Basic', interval: 'month', base_price: 1_000 } })).status).toBe(200);
    expect((await t.call('POST', '/v1/customers', { body: { external_id: 'sub-taxes' } })).status).toBe(200);
    for (const id of [vat, 'txr_nope']) {
      const refused = await t.call('POST', '/v1/subscriptions', { body: { customer: 'sub-taxes', plan: 'basic', default_tax_rates: [id] } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.param).toBe('default_tax_rates[0]');
    }
  });
});

describe("a customer's address, tax ids and tax status", () => {
  it('are kept on create and retrieve, the country in capitals, blank fields null', async () => {
    const created = await t.call('POST', '/v1/customers', {
      body: {
        external_id: 'taxed',
        address: { line1: ' Unter den Linden 1 ', city: 'Berlin', postal_code: '10117', country: 'de' },
        tax_ids: [
          { type: 'eu_vat', value: 'DE123456789' },
          { type: 'eu_vat', value: 'de123456789' },
        ],
        tax_exempt: 'reverse',
      },
    });
    expect(created.status).toBe(200);
    const expected = {
      address: { line1: 'Unter den Linden 1', line2: null, city: 'Berlin', state: null, postal_code: '10117', country: 'DE' },
      // The same id twice is one.
      tax_ids: [{ type: 'eu_vat', value: 'DE123456789' }],
      tax_exempt: 'reverse',
    };
    expect(created.body).toMatchObject(expected);
    expect((await t.call('GET', '/v1/customers/taxed')).body).toMatchObject(expected);
  });

  it('are replaced by an update, kept when left out, and the address cleared by null', async () => {
    const updated = await t.call('POST', '/v1/customers/taxed', { body: { address: { country: 'US', state: 'CA' }, tax_exempt: 'none' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      address: { line1: null, line2: null, city: null, state: 'CA', postal_code: null, country: 'US' },
      tax_ids: [{ type: 'eu_vat', value: 'DE123456789' }],
      tax_exempt: 'none',
    });
    const renamed = await t.call('POST', '/v1/customers/taxed', { body: { name: 'Taxed', tax_ids: [] } });
    expect(renamed.body).toMatchObject({ address: { country: 'US', state: 'CA' }, tax_ids: [], tax_exempt: 'none' });
    const cleared = await t.call('POST', '/v1/customers/taxed', { body: { address: null } });
    expect(cleared.body.address).toBeNull();
    expect((await t.call('GET', '/v1/customers/taxed')).body).toMatchObject({ address: null, tax_ids: [], tax_exempt: 'none', name: 'Taxed' });
  });

  it.each([
    ['a country of three letters', { address: { country: 'DEU' } }, 'address[country]'],
    ['an unknown tax id type', { tax_ids: [{ type: 'xx_vat', value: '1' }] }, 'tax_ids[0][type]'],
    ['an empty tax id', { tax_ids: [{ type: 'eu_vat', value: '' }] }, 'tax_ids[0][value]'],
    ['six tax ids', { tax_ids: Array.from({ length: 6 }, (_, i) => ({ type: 'eu_vat', value: `DE${i}` })) }, 'tax_ids'],
    ['an unknown tax_exempt', { tax_exempt: 'sometimes' }, 'tax_exempt'],
    ['an unknown address field', { address: { country: 'DE', planet: 'Earth' } }, 'address[planet]'],
  ])('refuses %s, naming the parameter', async (_, body, param) => {
    const refused = await t.call('POST', '/v1/customers', { body: { external_id: 'refused', ...body } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.param).toBe(param);
    const onUpdate = await t.call('POST', '/v1/customers/taxed', { body });
    expect(onUpdate.status).toBe(400);
    expect(onUpdate.body.error.param).toBe(param);
  });
});
