// The backend's settings, from environment variables, checked once at start.

export interface BackendConfig {
  /** Where the Nozle API runs. */
  nozleUrl: string;
  /** The project's secret key: stays on this server. */
  secretKey: string;
  /** The project's publishable key: handed to the browser with each customer token. */
  publishableKey: string;
  port: number;
  host: string;
  /** The customer this demo signs everyone in as (no login in the example). */
  customer: string;
  /** The built React app to serve next to the API, if any. */
  staticDir?: string;
  /** The signing secret of a Nozle webhook endpoint pointing at this backend's /webhooks/nozle. */
  webhookSecret?: string;
  /** Where received webhooks are logged (tests); console.log by default. */
  log?: (line: string) => void;
}

export function readConfig(env: NodeJS.ProcessEnv): BackendConfig {
  const secretKey = env.NOZLE_SECRET_KEY;
  const publishableKey = env.NOZLE_PUBLISHABLE_KEY;
  if (!secretKey?.startsWith('sk_') || !publishableKey?.startsWith('pk_')) {
    throw new Error('Set NOZLE_SECRET_KEY (sk_…) and NOZLE_PUBLISHABLE_KEY (pk_…): the keys a Nozle server prints when it starts.');
  }
  return {
    nozleUrl: env.NOZLE_URL || 'http://127.0.0.1:4000',
    secretKey,
    publishableKey,
    port: Number(env.PORT || 3000),
    host: env.HOST || '127.0.0.1',
    customer: env.DEMO_CUSTOMER || 'demo-user',
    ...(env.STATIC_DIR ? { staticDir: env.STATIC_DIR } : {}),
    ...(env.NOZLE_WEBHOOK_SECRET ? { webhookSecret: env.NOZLE_WEBHOOK_SECRET } : {}),
  };
}
