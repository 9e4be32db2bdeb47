// `nozle …`: administration from the shell, against the configured database.
import { parseArgs } from 'node:util';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { DataDirLockedError } from './db/pglite.js';
import { createProjectWithKeys } from './projects/create-project.js';

const USAGE = `Usage:
  nozle project create --name <name> [--json]   Create a project and print its keys (shown once)
  nozle migrate                                  Apply pending database migrations

The database comes from DATABASE_URL (Postgres) or NOZLE_DATA_DIR (embedded PGlite).`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals.join(' ');
  if (values.help || command === '') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command !== 'project create' && command !== 'migrate') throw new UsageError(`Unknown command: ${command}`);
  if (command === 'project create' && !values.name?.trim()) throw new UsageError('project create needs --name <name>');

  const config = loadConfig(process.env);
  if (!config.databaseUrl && !config.dataDir) {
    throw new UsageError(
      'No database configured: an in-memory database would vanish when this command exits.\n' +
        'Set DATABASE_URL=postgres://… or NOZLE_DATA_DIR=<folder> (the one your server uses).',
    );
  }
  const db = await openDatabase(config);
  try {
    await migrate(db);
    if (command === 'migrate') {
      process.stdout.write('Migrations are up to date.\n');
      return;
    }
    const project = await createProjectWithKeys(db, values.name!.trim(), systemClock.now());
    if (values.json) {
      const { projectId, secretKey, publishableKey } = project;
      process.stdout.write(`${JSON.stringify({ projectId, secretKey, publishableKey })}\n`);
    } else {
      process.stdout.write(
        `Project ${project.projectId} (${project.name})\n  Secret key:       ${project.secretKey}\n  Publishable key:  ${project.publishableKey}\nThe keys are shown only now.\n`,
      );
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`${error.message}\n${error instanceof UsageError ? `\n${USAGE}\n` : ''}`);
    process.exit(2);
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
