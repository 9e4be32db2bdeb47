// `node dist/main.js`: the backend alone, next to a Nozle server you started (see README).
import { readConfig } from './config.js';
import { startBackend } from './server.js';

const backend = await startBackend(readConfig(process.env));
console.log(`Example backend at ${backend.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    backend.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
