// The server and the CLI as a user runs them: real processes, real ports, real signals.
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runEntry, type Child } from './support/child.js';
import { createTestDatabase, type TestDatabase } from './support/test-db.js';

// Each test starts one or two whole servers (tsx + PGlite): on a loaded machine that alone can
// take most of the default 30 s, which says nothing about the behaviour under test.
vi.setConfig({ testTimeout: 120_000 });

const children: Child[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.process.exitCode === null) child.process.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function start(entry: 'main' | 'cli', args: string[], env: Record<string, string>): Child {
  const child = runEntry(entry, args, env);
  children.push(child);
  return child;
}

/** The database a child should use: this run's Postgres schema, or nothing (embedded, in memory). */
async function childDatabase(): Promise<Record<string, string>> {
  if (!process.env.DATABASE_URL) return {};
  const database: TestDatabase = await createTestDatabase({ migrated: false });
  cleanups.push(() => database.drop());
  return database.env;
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nozle-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const api = async (url: string, key: string, method = 'GET', body?: unknown) => {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json() };
};

describe('starting the server with no configuration', () => {
  it('runs migrations, creates a demo project, prints its keys and URL, and the secret key works', async () => {
    const server = start('main', [], { PORT: '0', ...(await childDatabase()) });
    const [, url] = await server.waitFor(/Nozle is running at (http:\/\/\S+)/);
    const [, projectId] = await server.waitFor(/Demo project (proj_\w+)/);
    const [, secretKey] = await server.waitFor(/Secret key:\s+(sk_\w+)/);
    const [, publishableKey] = await server.waitFor(/Publishable key:\s+(pk_\w+)/);

    const created = await api(`${url}/v1/customers`, secretKey!, 'POST', { external_id: 'first', email: 'first@example.com' });
    expect(created.status).toBe(200);
    const listed = await api(`${url}/v1/customers`, secretKey!);
    // Newest first: the one just made, then the demo project's seeded customer.
    expect(listed.body.data.map((c: { external_id: string }) => c.external_id)).toEqual(['first', 'demo-user']);
    expect(listed.body.data[0].id).toBe(created.body.id);
    expect((await api(`${url}/v1/project`, publishableKey!)).body.id).toBe(projectId);
    expect((await api(`${url}/v1/customers`, publishableKey!)).status).toBe(403);
  });

  it('refuses an invalid setting with a message naming it, and exit code 2', async () => {
    const server = start('main', [], { PORT: 'eighty' });
    expect(await server.exited).toBe(2);
    expect(server.output()).toMatch(/PORT/);
  });
});

describe('a port already in use', () => {
  it('is refused with a message that says what to do, and exit code 2', async () => {
    const first = start('main', [], { PORT: '0' });
    const [, url] = await first.waitFor(/Nozle is running at (http:\/\/\S+)/);
    const second = start('main', [], { PORT: new URL(url!).port });
    expect(await second.exited).toBe(2);
    expect(second.output()).toMatch(/Port \d+ is already in use/);
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, finishes the request in flight, then exits 0', async () => {
    const server = start('main', [], { PORT: '0', ...(await childDatabase()) });
    const [, url] = await server.waitFor(/Nozle is running at (http:\/\/\S+)/);
    const [, secretKey] = await server.waitFor(/Secret key:\s+(sk_\w+)/);
    const { hostname, port } = new URL(url!);

    // A request whose body is still arriving when the signal comes.
    const body = JSON.stringify({ external_id: 'in_flight' });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          hostname,
          port,
          method: 'POST',
          path: '/v1/customers',
          headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 5));
      setTimeout(() => {
        server.process.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(5)), 500);
      }, 300);
    });

    await server.waitFor(/SIGTERM: finishing in-flight requests/);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    const result = await response;
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toMatchObject({ object: 'customer', external_id: 'in_flight' });
    expect(await server.exited).toBe(0);
  });
});

describe('the embedded database in a data folder', () => {
  it('keeps data across restarts, and refuses a second process on the same folder', async () => {
    const dataDir = tempDir();
    const first = start('main', [], { PORT: '0', NOZLE_DATA_DIR: dataDir });
    const [, url] = await first.waitFor(/Nozle is running at (http:\/\/\S+)/);
    const [, secretKey] = await first.waitFor(/Secret key:\s+(sk_\w+)/);
    await api(`${url}/v1/customers`, secretKey!, 'POST', { external_id: 'kept' });

    const second = start('main', [], { PORT: '0', NOZLE_DATA_DIR: dataDir });
    expect(await second.exited).toBe(2);
    expect(second.output()).toContain('is in use by another Nozle process');

    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const again = start('main', [], { PORT: '0', NOZLE_DATA_DIR: dataDir });
    const [, url2] = await again.waitFor(/Nozle is running at (http:\/\/\S+)/);
    expect(again.output()).not.toContain('Demo project'); // a project exists already
    expect((await api(`${url2}/v1/customers/kept`, secretKey!)).status).toBe(200);
  });
});

describe('nozle project create', () => {
  it('prints the new project and its keys as JSON, and the keys work against the same database', async () => {
    const database = process.env.DATABASE_URL ? await childDatabase() : { NOZLE_DATA_DIR: tempDir() };
    const cli = start('cli', ['project', 'create', '--name', 'acme', '--json'], database);
    expect(await cli.exited).toBe(0);
    const created = JSON.parse(cli.output().trim()) as Record<string, string>;
    expect(Object.keys(created).sort()).toEqual(['projectId', 'publishableKey', 'secretKey']);
    expect(created.projectId).toMatch(/^proj_/);

    const server = start('main', [], { PORT: '0', NOZLE_DEMO: 'false', ...database });
    const [, url] = await server.waitFor(/Nozle is running at (http:\/\/\S+)/);
    const project = await api(`${url}/v1/project`, created.secretKey!);
    expect(project.body).toMatchObject({ id: created.projectId, name: 'acme' });
  });

  it('refuses to run without a database to keep the project in', async () => {
    const cli = start('cli', ['project', 'create', '--name', 'acme', '--json'], {});
    expect(await cli.exited).toBe(2);
    expect(cli.output()).toContain('No database configured');
  });
});
