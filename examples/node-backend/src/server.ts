// Starts the backend on a port and stops it cleanly, sending usage still queued.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Nozle } from '@nozle/node';
import { createBackend } from './app.js';
import type { BackendConfig } from './config.js';

export interface RunningBackend {
  url: string;
  close(): Promise<void>;
}

export async function startBackend(config: BackendConfig): Promise<RunningBackend> {
  const nozle = new Nozle({ secretKey: config.secretKey, baseUrl: config.nozleUrl });
  const app = createBackend({
    nozle,
    nozleUrl: config.nozleUrl,
    publishableKey: config.publishableKey,
    customer: config.customer,
    ...(config.staticDir ? { staticDir: config.staticDir } : {}),
    ...(config.webhookSecret ? { webhookSecret: config.webhookSecret } : {}),
    ...(config.log ? { log: config.log } : {}),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await nozle.shutdown();
    },
  };
}
