// An msw server for one test file: unknown requests fail the test, and each stubbed route
// records what the SDK sent so a test can assert method, path, query, body and headers.
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { Nozle } from '../src/index.js';
import { BASE_URL, SECRET_KEY } from './fixtures.js';

export interface SentRequest {
  method: string;
  /** The path as sent, still percent-encoded. */
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body; `undefined` when the request had none. */
  body: unknown;
  headers: Headers;
}

type Method = 'get' | 'post' | 'delete';

export function mockApi() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  /**
   * Calls `respond` for `method path` (an msw pattern such as `/v1/customers/:customer`) with
   * the call's number (1 for the first) and what was sent.
   */
  function record(method: Method, path: string, respond: (call: number, request: SentRequest) => Response | Promise<Response>): SentRequest[] {
    const sent: SentRequest[] = [];
    server.use(
      http[method](`${BASE_URL}${path}`, async ({ request }) => {
        const url = new URL(request.url);
        const text = await request.text();
        const entry: SentRequest = {
          method: request.method,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          body: text === '' ? undefined : JSON.parse(text),
          headers: request.headers,
        };
        sent.push(entry);
        return respond(sent.length, entry);
      }),
    );
    return sent;
  }

  /** Answers every `method path` with `body`; returns the requests as they arrive. */
  function reply(method: Method, path: string, body: JsonBodyType, init?: { status?: number; headers?: Record<string, string> }): SentRequest[] {
    return record(method, path, () => HttpResponse.json(body, init));
  }

  /** Answers the first call with `pages[0]`, the second with `pages[1]`, and so on. */
  function replyPages(method: Method, path: string, pages: JsonBodyType[]): SentRequest[] {
    // A call past the last page is a bug in the code under test: answer it with a 500.
    return record(method, path, (call) => (call > pages.length ? HttpResponse.json(null, { status: 500 }) : HttpResponse.json(pages[call - 1])));
  }

  return { server, reply, replyPages, respond: record };
}

export function nozle(): Nozle {
  return new Nozle({ secretKey: SECRET_KEY, baseUrl: BASE_URL });
}
