// `node dist/main.js`: the server, configured by environment variables (see README).
import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/pglite.js';
import { describeDatabase } from './db/open.js';
import { startServer } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const running = await startServer(config);

  const lines = [``, `Nozle is running at ${running.url}`, `Database: ${describeDatabase(config)}`];
  if (running.demo) {
    lines.push(
      ``,
      `Demo project ${running.demo.projectId} (keys are shown only now):`,
      `  Secret key:       ${running.demo.secretKey}`,
      `  Publishable key:  ${running.demo.publishableKey}`,
      ``,
      `Try it:`,
      `  curl -X POST ${running.url}/v1/customers -H "Authorization: Bearer ${running.demo.secretKey}" \\`,
      `    -H "Content-Type: application/json" -d '{"external_id":"user_1","email":"ada@example.com"}'`,
      `  curl ${running.url}/v1/customers -H "Authorization: Bearer ${running.demo.secretKey}"`,
    );
  }
  if (running.webhookForwarding) {
    lines.push(``, `Webhooks of every project are forwarded to ${running.webhookForwarding.url} (verify them with the project's secret):`);
    for (const { projectId, secret } of running.webhookForwarding.projects) lines.push(`  ${projectId}: ${secret}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) process.exit(1); // a second Ctrl-C means "now"
    process.stdout.write(`\n${signal}: finishing in-flight requests, then stopping.\n`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(2);
  }
  if ((error as { code?: unknown }).code === 'EADDRINUSE') {
    console.error(`Port ${process.env.PORT ?? 4000} is already in use. Stop what runs there, or start with another PORT (PORT=0 picks a free one).`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
