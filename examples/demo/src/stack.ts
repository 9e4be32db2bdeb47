// Everything the demo runs, in one process: the Nozle server (embedded database, sandbox
// payments, a seeded demo project), then the example backend with that project's keys,
// serving the built React app. The start script and the end-to-end test both use this.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startBackend, type RunningBackend } from '@nozle/example-node-backend';
import { loadConfig, startServer, type RunningServer } from '@nozle/server';

export interface DemoOptions {
  /** Server settings as environment variables (README: PORT, NOZLE_DATA_DIR, …). */
  env?: NodeJS.ProcessEnv;
  /** The example app's port; 0 picks a free one. @defaultValue 3000 */
  appPort?: number;
}

export interface RunningDemo {
  /** The one URL to open: the example app. */
  appUrl: string;
  /** The Nozle API (and its reference at /docs). */
  nozleUrl: string;
  /** The demo project's keys when this start created it. */
  demo: RunningServer['demo'];
  /** Where the React app's build was looked for, and whether it was there. */
  app: { dir: string; built: boolean };
  close(): Promise<void>;
}

export const DEMO_CUSTOMER = 'demo-user';

export function reactAppDist(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@nozle/example-react-app/package.json')), 'dist');
}

export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const env = options.env ?? {};
  // Request logs would bury the URL to open; LOG_LEVEL brings them back.
  const server = await startServer(loadConfig({ LOG_LEVEL: 'warn', ...env }));
  let backend: RunningBackend;
  try {
    const keys = server.demo ?? keysFrom(env);
    const dir = reactAppDist();
    backend = await startBackend({
      nozleUrl: server.url,
      secretKey: keys.secretKey,
      publishableKey: keys.publishableKey,
      port: options.appPort ?? 3000,
      host: '127.0.0.1',
      customer: DEMO_CUSTOMER,
      staticDir: dir,
    });
    return {
      appUrl: backend.url,
      nozleUrl: server.url,
      demo: server.demo,
      app: { dir, built: existsSync(path.join(dir, 'index.html')) },
      async close() {
        await backend.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

/** A database that already had a project (NOZLE_DATA_DIR, DATABASE_URL) shows no keys again. */
function keysFrom(env: NodeJS.ProcessEnv): { secretKey: string; publishableKey: string } {
  const secretKey = env.NOZLE_SECRET_KEY;
  const publishableKey = env.NOZLE_PUBLISHABLE_KEY;
  if (secretKey && publishableKey) return { secretKey, publishableKey };
  throw new Error(
    'This database already has a project, so no demo keys were made. Start with an empty database, or set NOZLE_SECRET_KEY and NOZLE_PUBLISHABLE_KEY to the keys you saved.',
  );
}
