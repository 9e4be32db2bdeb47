// `pnpm start` (after the build): the demo, and the one URL to open. Ctrl-C stops it all.
import { startDemo } from './stack.js';

async function main(): Promise<void> {
  const demo = await startDemo({ env: process.env, appPort: Number(process.env.APP_PORT || 3000) });
  const lines = [
    '',
    `  Open ${demo.appUrl}  (Nozle Notes, the example app)`,
    '',
    `Nozle API:        ${demo.nozleUrl}   (reference: ${demo.nozleUrl}/docs, realtime guide: ${demo.nozleUrl}/docs/realtime)`,
    'Database:         embedded PGlite in memory unless NOZLE_DATA_DIR or DATABASE_URL is set',
    process.env.STRIPE_SECRET_KEY ? 'Payments:         Stripe' : 'Payments:         sandbox (pay with the prefilled test card)',
  ];
  if (demo.demo) {
    lines.push(
      '',
      `Demo project ${demo.demo.projectId} (keys are shown only now):`,
      `  Secret key:       ${demo.demo.secretKey}`,
      `  Publishable key:  ${demo.demo.publishableKey}`,
      `  Catalog:          plans free and pro, features export and messages, customer demo-user`,
    );
  }
  if (!demo.app.built) lines.push('', `The React app is not built (${demo.app.dir}): run \`pnpm --filter @nozle/example-react-app build\`.`);
  process.stdout.write(`${lines.join('\n')}\n\nCtrl-C to stop.\n`);

  let signals = 0;
  const stop = () => {
    signals += 1;
    if (signals > 1) process.exit(1); // a second Ctrl-C means "now"
    process.stdout.write('\nStopping…\n');
    demo.close().then(
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
  if ((error as { code?: unknown }).code === 'EADDRINUSE') {
    const { port } = error as { port?: number };
    console.error(
      `Port ${port ?? ''} is already in use. Stop what runs there, or pick others: PORT (the Nozle API, default 4000) and APP_PORT (the app, default 3000); 0 picks a free one.`,
    );
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
