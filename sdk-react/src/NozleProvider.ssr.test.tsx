// @vitest-environment node
// Server rendering has no `window`: the provider, hooks and components must render without
// touching it, answering from the bootstrap snapshot and never connecting.
import { renderToString } from 'react-dom/server';
import { createNozle } from '@nozle/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { metered, off, on, snapshot } from '../test/nozle.js';
import { Checkout } from './Checkout.js';
import { Gate } from './Gate.js';
import { NozleProvider } from './NozleProvider.js';
import { useCan } from './useCan.js';
import { useCustomer } from './useCustomer.js';
import { useEntitlements } from './useEntitlements.js';
import { useNozleClient } from './useNozleClient.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

function ShowBaseUrl() {
  return <span>{useNozleClient().options.baseUrl}</span>;
}

function Seats() {
  const { allowed, used, limit, remaining } = useCan('seats');
  return <i>{`seats ${allowed ? 'ok' : 'no'} ${used}/${limit} (${remaining} left)`}</i>;
}

function Status() {
  const { customerId, version, status } = useCustomer();
  const snapshot = useEntitlements();
  return <b>{`${customerId} v${version} ${status} ${Object.keys(snapshot?.features ?? {}).join(',')}`}</b>;
}

const bootstrap = snapshot(7, { sso: on(), audit: off, seats: metered(3, 5) });
// Any use of a WebSocket during the render would throw.
const options = { publishableKey: 'pk_test_ssr', baseUrl: 'https://api.example.com', customerToken: 'ct_test' };

describe('server rendering', () => {
  it('renders the provider to a string without a window', () => {
    expect(typeof window).toBe('undefined');

    const html = renderToString(
      <NozleProvider options={{ publishableKey: 'pk_test_ssr', baseUrl: 'https://api.example.com' }}>
        <ShowBaseUrl />
      </NozleProvider>,
    );

    expect(html).toBe('<span>https://api.example.com</span>');
  });

  it('renders gated content and hook values from the bootstrap snapshot, without connecting', () => {
    const WebSocket = vi.fn();
    vi.stubGlobal('WebSocket', WebSocket);

    const html = renderToString(
      <NozleProvider options={{ ...options, bootstrap }}>
        <Gate feature="sso" fallback={<p>upgrade for sso</p>}>
          <p>sso settings</p>
        </Gate>
        <Gate feature="audit" fallback={<p>upgrade for audit</p>} loading={<p>loading</p>}>
          <p>audit log</p>
        </Gate>
        <Seats />
        <Status />
        <Checkout plan="pro">Upgrade</Checkout>
      </NozleProvider>,
    );

    expect(html).toBe(
      '<p>sso settings</p><p>upgrade for audit</p><i>seats ok 3/5 (2 left)</i><b>cus_test_1 v7 idle sso,audit,seats</b>' +
        '<button type="button">Upgrade</button>',
    );
    expect(WebSocket).not.toHaveBeenCalled();
  });

  it('renders the loading content without a bootstrap snapshot', () => {
    const html = renderToString(
      <NozleProvider options={options}>
        <Gate feature="sso" fallback={<p>upgrade</p>} loading={<p>loading</p>}>
          <p>sso settings</p>
        </Gate>
        <Gate feature="sso" fallback={<p>upgrade</p>}>
          <p>sso settings</p>
        </Gate>
      </NozleProvider>,
    );

    expect(html).toBe('<p>loading</p>');
  });

  it('renders the fallback for a customer the server found missing (bootstrap customer_not_found)', () => {
    const html = renderToString(
      <NozleProvider options={{ ...options, bootstrap: 'customer_not_found' }}>
        <Gate feature="sso" fallback={<p>upgrade</p>} loading={<p>loading</p>}>
          <p>sso settings</p>
        </Gate>
        <Status />
      </NozleProvider>,
    );

    expect(html).toBe('<p>upgrade</p><b>null vnull idle </b>');
  });

  it('renders with a client passed in, created on the server with a bootstrap', () => {
    const client = createNozle({ ...options, bootstrap });

    const html = renderToString(
      <NozleProvider client={client}>
        <Gate feature="sso">
          <p>sso settings</p>
        </Gate>
      </NozleProvider>,
    );

    expect(html).toBe('<p>sso settings</p>');
    expect(client.getStatus()).toBe('idle');
  });
});
