// @vitest-environment jsdom
// The promise to React developers, end to end: a real server, the real browser store over a real
// WebSocket, React components reading it. A grant re-renders the gate at once; components reading
// other features do not re-render; a server restart resyncs; tokens are per customer.
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createNozle, type NozleBrowserClient } from '@nozle/browser';
import { NozleProvider, useCan } from '@nozle/react';
import { cleanup, render, screen } from '@testing-library/react';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashKey } from '../src/http/api-keys.js';
import { signCustomerToken } from '../src/http/customer-token.js';
import { runEntry, type Child } from './support/child.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// These start and restart whole servers (child processes): on a loaded machine that alone can
// take most of the default 30 s, which says nothing about the behaviour under test.
vi.setConfig({ testTimeout: 120_000 });

const renders = { export: 0, tokens: 0 };

function ExportGate() {
  const { allowed, loading } = useCan('export');
  renders.export += 1;
  return <p>export: {loading ? 'loading' : allowed ? 'yes' : 'no'}</p>;
}

function TokensLeft() {
  const { remaining, loading } = useCan('tokens');
  renders.tokens += 1;
  return <p>tokens: {loading ? 'loading' : String(remaining)}</p>;
}

const clients: NozleBrowserClient[] = [];
afterEach(() => {
  cleanup();
  for (const client of clients.splice(0)) client.close();
});

function browserClient(baseUrl: string, publishableKey: string, token: string, onError?: (error: Error) => void): NozleBrowserClient {
  const client = createNozle({
    publishableKey,
    baseUrl,
    customerToken: token,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    reconnect: { initialDelayMs: 50, maxDelayMs: 300 },
    onError: onError ?? (() => {}),
  });
  clients.push(client);
  return client;
}

describe('React gates against a real server', () => {
  let t: TestApp;
  // The test server runs on a manual clock: expiries are relative to it.
  const serverNow = () => Math.floor(t.clock.now().getTime() / 1000);
  const token = (customer: string, expiresAt = serverNow() + 3600) =>
    signCustomerToken(hashKey(t.projectA.secretKey), { projectId: t.projectA.projectId, customer, expiresAt });

  beforeAll(async () => {
    t = await startTestApp();
    await t.call('POST', '/v1/features', { body: { key: 'export', type: 'boolean' } });
    await t.call('POST', '/v1/features', { body: { key: 'tokens', type: 'metered' } });
    await t.call('POST', '/v1/plans', { body: { key: 'pro', interval: 'month', entitlements: [{ feature: 'tokens', limit: 100 }] } });
    for (const externalId of ['alice', 'bob']) {
      await t.call('POST', '/v1/customers', { body: { external_id: externalId } });
      await t.call('POST', '/v1/subscriptions', { body: { customer: externalId, plan: 'pro' } });
    }
  });
  afterAll(() => t.close());

  it('a grant made through the API re-renders the useCan component, and only it', async () => {
    const client = browserClient(t.url, t.projectA.publishableKey, token('alice'));
    render(
      <NozleProvider client={client}>
        <ExportGate />
        <TokensLeft />
      </NozleProvider>,
    );
    await screen.findByText('export: no');
    await screen.findByText('tokens: 100');
    const before = { ...renders };

    await t.call('POST', '/v1/customers/alice/grants', { body: { feature: 'export' } });
    await screen.findByText('export: yes');
    expect(renders.export).toBe(before.export + 1);
    expect(renders.tokens).toBe(before.tokens); // another feature's reader did not re-render
  });

  it('a token minted for customer A cannot read customer B', async () => {
    const [, signature] = token('alice').split('.');
    const forged = `${Buffer.from(JSON.stringify({ p: t.projectA.projectId, c: 'bob', e: serverNow() + 3600 })).toString('base64url')}.${signature}`;
    const errors: Error[] = [];
    const client = browserClient(t.url, t.projectA.publishableKey, forged, (error) => errors.push(error));
    render(
      <NozleProvider client={client}>
        <ExportGate />
      </NozleProvider>,
    );
    await expect.poll(() => client.getStatus()).toBe('closed');
    expect(errors.map((error) => (error as { code?: string }).code)).toContain('4401');
    expect(client.getSnapshot()).toBeNull();
    // Refused for good: settled and failing closed, never an endless loading state.
    expect(screen.getByText('export: no')).toBeTruthy();
  });

  it('an expired token is refused', async () => {
    const errors: Error[] = [];
    const client = browserClient(t.url, t.projectA.publishableKey, token('alice', serverNow() - 5), (error) => errors.push(error));
    client.connect();
    await expect.poll(() => client.getStatus()).toBe('closed');
    expect(errors.map((error) => (error as { code?: string }).code)).toContain('4409');
    expect(client.getSnapshot()).toBeNull();
  });
});

describe('a server restart', () => {
  const children: Child[] = [];
  let dir: string;
  afterAll(() => {
    for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('is followed by a reconnect that resyncs to the newest version', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'nozle-react-'));
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const env = { NOZLE_DATA_DIR: dir, PORT: String(port) };
    const start = async (extra: Record<string, string> = {}) => {
      const child = runEntry('main', [], { ...env, ...extra });
      children.push(child);
      await child.waitFor(/Nozle is running at/);
      return child;
    };

    let server = await start();
    const [, secretKey] = await server.waitFor(/Secret key:\s+(sk_\w+)/);
    const [, publishableKey] = await server.waitFor(/Publishable key:\s+(pk_\w+)/);
    const [, projectId] = await server.waitFor(/Demo project (proj_\w+)/);
    const baseUrl = `http://127.0.0.1:${port}`;
    const api = (route: string, body: unknown) =>
      fetch(`${baseUrl}${route}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await api('/v1/features', { key: 'export', type: 'boolean' });
    await api('/v1/customers', { external_id: 'carol' });

    const token = signCustomerToken(hashKey(secretKey!), { projectId: projectId!, customer: 'carol', expiresAt: Math.floor(Date.now() / 1000) + 3600 });
    const client = browserClient(baseUrl, publishableKey!, token);
    render(
      <NozleProvider client={client}>
        <ExportGate />
      </NozleProvider>,
    );
    await screen.findByText('export: no');
    const versionBefore = client.getSnapshot()!.version;

    server.process.kill('SIGTERM');
    await server.exited;
    server = await start({ NOZLE_DEMO: 'false' });
    await api('/v1/customers/carol/grants', { feature: 'export' });

    await screen.findByText('export: yes', {}, { timeout: 10_000 });
    expect(client.getSnapshot()!.version).toBeGreaterThan(versionBefore);
    expect(client.getStatus()).toBe('open');
  });
});
