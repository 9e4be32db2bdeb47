// A real server on a random port over a test database, with two projects (A and B) and their keys.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import { createApp } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { createProjectWithKeys, type NewProject } from '../../src/projects/create-project.js';
import { ensureEventPartitions } from '../../src/usage/partitions.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestApp {
  url: string;
  database: TestDatabase;
  clock: ManualClock;
  projectA: NewProject;
  projectB: NewProject;
  /** Calls the API; `key` defaults to project A's secret key, `null` sends none. */
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<CallResult<T>>;
  close(): Promise<void>;
}

export async function startTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new ManualClock('2026-03-01T12:00:00Z');
  await ensureEventPartitions(database.db, clock.now());
  const projectA = await createProjectWithKeys(database.db, 'Project A', clock.now());
  const projectB = await createProjectWithKeys(database.db, 'Project B', clock.now());
  const app = createApp({ db: database.db, clock, logger: pino({ level: 'silent' }), validateResponses: true });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    database,
    clock,
    projectA,
    projectB,
    async call(method, path, options = {}) {
      const key = options.key === undefined ? projectA.secretKey : options.key;
      const headers: Record<string, string> = { ...options.headers };
      if (key !== null) headers.authorization = `Bearer ${key}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.drop();
    },
  };
}
