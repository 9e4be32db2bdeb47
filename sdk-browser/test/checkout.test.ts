// checkout() and openPortal() against msw: what is sent, what comes back, and typed errors.
/// <reference types="node" />
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNozle, NozleAPIError, NozleConnectionError, NozleInvalidRequestError, type NozleBrowserOptions } from '../src/index.js';

const BASE_URL = 'https://api.nozle.test';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Sent {
  headers: Headers;
  body: unknown;
}

function answer(path: string, respond: () => Response): Sent[] {
  const sent: Sent[] = [];
  server.use(
    http.post(`${BASE_URL}${path}`, async ({ request }) => {
      sent.push({ headers: request.headers, body: await request.json() });
      return respond();
    }),
  );
  return sent;
}

function client(options: Partial<NozleBrowserOptions> = {}) {
  return createNozle({ publishableKey: 'pk_test_1', baseUrl: BASE_URL, customerToken: 'tok_1', ...options });
}

describe('checkout()', () => {
  it('posts the plan and urls with the publishable key and customer token, and returns the session', async () => {
    const sent = answer('/v1/checkout/sessions', () =>
      HttpResponse.json({ id: 'cs_1', object: 'checkout_session', url: 'https://checkout.test/cs_1' }, { status: 201 }),
    );
    const session = await client().checkout({ plan: 'pro', successUrl: 'https://app.test/ok', cancelUrl: 'https://app.test/no' });

    expect(session).toEqual({ id: 'cs_1', url: 'https://checkout.test/cs_1' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({ plan: 'pro', success_url: 'https://app.test/ok', cancel_url: 'https://app.test/no' });
    expect(sent[0]!.headers.get('authorization')).toBe('Bearer pk_test_1');
    expect(sent[0]!.headers.get('nozle-customer-token')).toBe('tok_1');
    expect(sent[0]!.headers.get('content-type')).toBe('application/json');
  });

  it('leaves out the urls it was not given', async () => {
    const sent = answer('/v1/checkout/sessions', () => HttpResponse.json({ id: 'cs_2', url: 'https://checkout.test/cs_2' }));
    await client().checkout({ plan: 'pro' });
    expect(sent[0]!.body).toEqual({ plan: 'pro' });
  });

  it('maps a 404 to NozleInvalidRequestError with the fields of the error body', async () => {
    answer('/v1/checkout/sessions', () =>
      HttpResponse.json(
        { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such plan: nope', param: 'plan', request_id: 'req_body' } },
        { status: 404, headers: { 'Request-Id': 'req_header' } },
      ),
    );
    const error = await client()
      .checkout({ plan: 'nope' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NozleInvalidRequestError);
    expect(error).toMatchObject({ status: 404, code: 'resource_missing', param: 'plan', requestId: 'req_header', message: 'No such plan: nope' });
  });

  it('fetches the token with getCustomerToken when given', async () => {
    const sent = answer('/v1/checkout/sessions', () => HttpResponse.json({ id: 'cs_3', url: 'https://checkout.test/cs_3' }));
    const getCustomerToken = vi.fn(async () => 'tok_fresh');
    await client({ customerToken: undefined, getCustomerToken }).checkout({ plan: 'pro' });
    expect(sent[0]!.headers.get('nozle-customer-token')).toBe('tok_fresh');
  });

  it('uses the injected fetch, called without a `this`', async () => {
    const injected = vi.fn(function (this: unknown, _input: RequestInfo | URL, _init?: RequestInit) {
      expect(this).toBeUndefined();
      return Promise.resolve(Response.json({ id: 'cs_4', url: 'https://checkout.test/cs_4' }));
    });
    const session = await client({ fetch: injected as unknown as typeof fetch }).checkout({ plan: 'pro' });
    expect(session.id).toBe('cs_4');
    // One Request per attempt, as fetch(request) takes it.
    const request = injected.mock.calls[0]?.[0] as Request;
    expect(request).toBeInstanceOf(Request);
    expect(request).toMatchObject({ url: `${BASE_URL}/v1/checkout/sessions`, method: 'POST' });
  });

  it('rejects without a request when there is no plan or no customer token', async () => {
    await expect(client().checkout({ plan: '' })).rejects.toThrow(TypeError);
    await expect(client({ customerToken: undefined }).checkout({ plan: 'pro' })).rejects.toThrow(/customer token/);
  });

  it('turns a network failure into NozleConnectionError', async () => {
    server.use(http.post(`${BASE_URL}/v1/checkout/sessions`, () => HttpResponse.error()));
    await expect(client().checkout({ plan: 'pro' })).rejects.toBeInstanceOf(NozleConnectionError);
  });

  it('turns a success without id and url into NozleAPIError', async () => {
    answer('/v1/checkout/sessions', () => new HttpResponse('<html>proxy</html>', { status: 200 }));
    await expect(client().checkout({ plan: 'pro' })).rejects.toBeInstanceOf(NozleAPIError);
  });
});

describe('openPortal()', () => {
  it('posts the return url with the same headers and returns the session', async () => {
    const sent = answer('/v1/portal/sessions', () => HttpResponse.json({ id: 'ps_1', url: 'https://portal.test/ps_1' }, { status: 201 }));
    const session = await client().openPortal({ returnUrl: 'https://app.test/settings' });

    expect(session).toEqual({ id: 'ps_1', url: 'https://portal.test/ps_1' });
    expect(sent[0]!.body).toEqual({ return_url: 'https://app.test/settings' });
    expect(sent[0]!.headers.get('authorization')).toBe('Bearer pk_test_1');
    expect(sent[0]!.headers.get('nozle-customer-token')).toBe('tok_1');
  });

  it('sends an empty body without params', async () => {
    const sent = answer('/v1/portal/sessions', () => HttpResponse.json({ id: 'ps_2', url: 'https://portal.test/ps_2' }));
    await client().openPortal();
    expect(sent[0]!.body).toEqual({});
  });

  it('maps a 404 to NozleInvalidRequestError', async () => {
    answer('/v1/portal/sessions', () =>
      HttpResponse.json({ error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such customer' } }, { status: 404 }),
    );
    await expect(client().openPortal()).rejects.toBeInstanceOf(NozleInvalidRequestError);
  });
});
