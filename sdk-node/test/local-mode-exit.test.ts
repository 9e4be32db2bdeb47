// A script using local mode ends on its own after shutdown(): the built package in a child
// process (run `pnpm build` first), against a real WebSocket server in this one.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRealtimeServer, type RealtimeServer } from '@nozle/fake-realtime-server';

const esmEntry = new URL('../dist/index.js', import.meta.url);

const script = `
const { Nozle } = await import(process.env.NOZLE_ENTRY);
const nozle = new Nozle({ secretKey: 'sk_test_exit', baseUrl: process.env.NOZLE_BASE_URL, stream: true });
if (!(await nozle.localReady(5000))) process.exit(2);
await nozle.shutdown();
console.log('shut down');
`;

describe.skipIf(!existsSync(esmEntry))('a script in local mode', () => {
  let realtime: RealtimeServer;
  beforeEach(async () => {
    realtime = await startRealtimeServer();
  });
  afterEach(async () => {
    await realtime.stop();
  });

  it('exits by itself once shutdown() resolved', async () => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, NOZLE_ENTRY: esmEntry.href, NOZLE_BASE_URL: realtime.baseUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    (await realtime.nextConnection()).ready();

    const timeout = setTimeout(() => child.kill(), 5000);
    const code = await exited;
    clearTimeout(timeout);
    expect({ code, output: output.trim() }).toEqual({ code: 0, output: 'shut down' });
  });
});
