// The API reference as a browser gets it: the contract, its Redoc page and the realtime guide.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spec } from '@nozle/openapi';
import { defaultDocsFiles } from '../src/docs/files.js';
import { renderMarkdown } from '../src/docs/markdown.js';
import { ORIGIN_PLACEHOLDER } from '../src/docs/origin.js';
import { docsRouter } from '../src/docs/routes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const openapiDir = path.resolve(import.meta.dirname, '../../openapi');
const serverDir = path.resolve(import.meta.dirname, '..');

describe('the docs served by the API server', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('serves the contract as written at /openapi.yaml, without a key', async () => {
    const res = await fetch(`${app.url}/openapi.yaml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    expect(await res.text()).toBe(readFileSync(path.join(openapiDir, 'nozle.yaml'), 'utf8'));
  });

  it('renders the realtime guide at /docs/realtime', async () => {
    const res = await fetch(`${app.url}/docs/realtime`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<h1 id="realtime-protocol">Realtime protocol</h1>');
    expect(html).toContain('<h2 id="who-may-connect">Who may connect</h2>');
    // The close codes table and the hello message, as a table and a code block.
    expect(html).toMatch(/<tr><td>4409<\/td><td>the token expired/);
    expect(html).toContain('<pre><code class="language-json">{ &quot;type&quot;: &quot;hello&quot;');
  });

  it('finds the reference where this package builds it, not in the published @nozle/openapi', () => {
    expect(defaultDocsFiles().reference).toBe(path.join(serverDir, 'dist', 'reference.html'));
  });

  // The build (scripts/build-reference.mjs) runs before the tests in `pnpm test` and CI.
  it.skipIf(!existsSync(defaultDocsFiles().reference))('shows the built reference with this server as its server', async () => {
    const html = await (await fetch(`${app.url}/docs`)).text();
    expect(html).toContain(app.url);
    expect(html).not.toContain(ORIGIN_PLACEHOLDER);
  });
});

describe('/docs', () => {
  const dirs: string[] = [];
  const servers: Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function serve(reference: string, publicUrl?: string): Promise<string> {
    const app = express().use(docsRouter({ ...defaultDocsFiles(), reference }, publicUrl));
    const server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  function tempDir(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'nozle-docs-'));
    dirs.push(dir);
    return dir;
  }

  it('serves the built reference page', async () => {
    const reference = path.join(tempDir(), 'reference.html');
    writeFileSync(reference, '<!doctype html><title>Nozle API</title><redoc></redoc>');
    const res = await fetch(`${await serve(reference)}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toBe('<!doctype html><title>Nozle API</title><redoc></redoc>');
  });

  it('names the origin the reader reached as the server, or NOZLE_PUBLIC_URL when set', async () => {
    const reference = path.join(tempDir(), 'reference.html');
    writeFileSync(reference, `<p>${ORIGIN_PLACEHOLDER}</p><script>const state = {"servers":[{"url":"${ORIGIN_PLACEHOLDER}"}]}</script>`);
    const url = await serve(reference);
    expect(await (await fetch(`${url}/docs`)).text()).toBe(`<p>${url}</p><script>const state = {"servers":[{"url":"${url}"}]}</script>`);
    const behindProxy = await serve(reference, 'https://billing.example.org');
    expect(await (await fetch(`${behindProxy}/docs`)).text()).toContain('{"url":"https://billing.example.org"}');
  });

  it('writes no Host header into the page that is more than an origin', async () => {
    const reference = path.join(tempDir(), 'reference.html');
    writeFileSync(reference, `<script>const url = "${ORIGIN_PLACEHOLDER}";</script>`);
    const { port } = new URL(await serve(reference));
    const html = await rawGet(Number(port), '/docs', 'x"></script><script>alert(1)</script>');
    expect(html).toContain(`<script>const url = "${ORIGIN_PLACEHOLDER}";</script>`);
    expect(html).not.toContain('alert(1)');
  });

  it('answers 503 with how to build it when the reference is not built', async () => {
    const res = await fetch(`${await serve(path.join(tempDir(), 'missing.html'))}/docs`);
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).toContain('pnpm build');
    expect(text).toContain('/openapi.yaml');
  });
});

describe('the reference sidebar', () => {
  // Redocly lists each `##` heading of info.description and each tag: one name in both shows twice.
  it('has no tag named like a section of the introduction', () => {
    const description = typeof spec.info.description === 'string' ? spec.info.description : '';
    const headings = [...description.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    const tags = ((spec as { tags?: { name: string }[] }).tags ?? []).map((tag) => tag.name);
    expect(headings).toContain('Errors');
    expect(tags.filter((tag) => headings.includes(tag))).toEqual([]);
  });
});

/** A GET with a Host header that fetch would refuse to send. */
function rawGet(port: number, pathname: string, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${pathname} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('renderMarkdown', () => {
  it('escapes HTML in text and code', () => {
    expect(renderMarkdown('a <script>x</script> b\n\n```\n<b>\n```')).toBe('<p>a &lt;script&gt;x&lt;/script&gt; b</p>\n<pre><code>&lt;b&gt;</code></pre>');
  });

  it('links web and relative URLs but not javascript: ones', () => {
    expect(renderMarkdown('[ok](https://nozle.dev) [guide](/docs/realtime) [bad](javascript:alert)')).toBe(
      '<p><a href="https://nozle.dev">ok</a> <a href="/docs/realtime">guide</a> bad</p>',
    );
  });

  it('leaves markup inside code spans alone', () => {
    expect(renderMarkdown('**bold** and `**not bold**`')).toBe('<p><strong>bold</strong> and <code>**not bold**</code></p>');
  });

  it('keeps a lone table-looking line as a paragraph', () => {
    expect(renderMarkdown('| not a table')).toBe('<p>| not a table</p>');
  });
});
