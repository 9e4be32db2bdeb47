import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('runs on embedded defaults with nothing set', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      dbStatementTimeoutMs: 10_000,
      dbConnectTimeoutMs: 5_000,
      logLevel: 'info',
      demo: true,
      shutdownTimeoutMs: 10_000,
      pastDueGraceMs: 7 * 86_400_000,
      invoiceDaysUntilDue: 30,
      eventMaxAgeMs: 35 * 86_400_000,
      maxStalenessMs: 5_000,
      allowHttpRedirects: false,
      webhooksAllowPrivate: true,
      webhooksRetentionMs: 30 * 86_400_000,
      webhooksPerEndpoint: 4,
      reconcileCron: '0 3 * * *',
      rateLimits: { api: 100, events: 500, checks: 2000, unauthenticated: 10 },
    });
  });

  it('reads every setting from its variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u@db:5432/nozle',
      NOZLE_DB_STATEMENT_TIMEOUT_MS: '2000',
      NOZLE_DB_CONNECT_TIMEOUT_MS: '1500',
      REDIS_URL: 'redis://cache:6379',
      LOG_LEVEL: 'debug',
      NOZLE_DEMO: 'false',
      NOZLE_SHUTDOWN_TIMEOUT_MS: '2500',
      NOZLE_PAST_DUE_GRACE_DAYS: '3',
      NOZLE_INVOICE_DAYS_UNTIL_DUE: '14',
      NOZLE_EVENT_MAX_AGE_DAYS: '10',
      NOZLE_MAX_STALENESS_MS: '1500',
      NOZLE_PUBLIC_URL: 'https://billing.example.com/',
      NOZLE_ALLOW_HTTP_REDIRECTS: 'true',
      NOZLE_WEBHOOKS_RETENTION_DAYS: '7',
      NOZLE_WEBHOOKS_PER_ENDPOINT: '1',
      STRIPE_SECRET_KEY: 'sk_test_abc123',
      STRIPE_WEBHOOK_SECRET: 'whsec_def456',
      NOZLE_RECONCILE_CRON: '*/15 * * * *',
      NOZLE_RATE_LIMIT: '50',
      NOZLE_RATE_LIMIT_EVENTS: '0',
      NOZLE_RATE_LIMIT_CHECKS: '300',
      NOZLE_RATE_LIMIT_UNAUTHENTICATED: '5',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u@db:5432/nozle',
      dbStatementTimeoutMs: 2000,
      dbConnectTimeoutMs: 1500,
      redisUrl: 'redis://cache:6379',
      logLevel: 'debug',
      demo: false,
      shutdownTimeoutMs: 2500,
      pastDueGraceMs: 3 * 86_400_000,
      invoiceDaysUntilDue: 14,
      eventMaxAgeMs: 10 * 86_400_000,
      maxStalenessMs: 1500,
      publicUrl: 'https://billing.example.com',
      allowHttpRedirects: true,
      webhooksAllowPrivate: false,
      webhooksRetentionMs: 7 * 86_400_000,
      webhooksPerEndpoint: 1,
      stripe: { secretKey: 'sk_test_abc123', webhookSecret: 'whsec_def456' },
      reconcileCron: '*/15 * * * *',
      rateLimits: { api: 50, events: 0, checks: 300, unauthenticated: 5 },
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 4000 });
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ NOZLE_DEMO: 'maybe' }, /NOZLE_DEMO/],
    [{ NOZLE_PAST_DUE_GRACE_DAYS: '-1' }, /NOZLE_PAST_DUE_GRACE_DAYS/],
    [{ NOZLE_INVOICE_DAYS_UNTIL_DUE: '1.5' }, /NOZLE_INVOICE_DAYS_UNTIL_DUE/],
    [{ DATABASE_URL: 'postgres://localhost/x', NOZLE_DATA_DIR: '/tmp/x' }, /not both/],
    [{ STRIPE_SECRET_KEY: 'sk_test_abc' }, /STRIPE_WEBHOOK_SECRET/],
    [{ STRIPE_SECRET_KEY: 'pk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_x' }, /STRIPE_SECRET_KEY/],
    [{ STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'secret' }, /STRIPE_WEBHOOK_SECRET/],
    [{ NOZLE_WEBHOOKS_RETENTION_DAYS: '0' }, /NOZLE_WEBHOOKS_RETENTION_DAYS/],
    [{ NOZLE_WEBHOOKS_PER_ENDPOINT: '0' }, /NOZLE_WEBHOOKS_PER_ENDPOINT/],
    [{ NOZLE_RECONCILE_CRON: 'every day' }, /NOZLE_RECONCILE_CRON/],
    [{ NOZLE_RATE_LIMIT: '-1' }, /NOZLE_RATE_LIMIT/],
    [{ NOZLE_RATE_LIMIT_CHECKS: 'lots' }, /NOZLE_RATE_LIMIT_CHECKS/],
  ])('refuses %o with a message naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
