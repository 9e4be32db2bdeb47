import type { Config } from '../config.js';
import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/** Postgres when DATABASE_URL is set; otherwise embedded PGlite, in NOZLE_DATA_DIR or in memory. */
export function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'dbStatementTimeoutMs' | 'dbConnectTimeoutMs'>>,
): Promise<Database> {
  if (config.databaseUrl) {
    return Promise.resolve(
      openPostgres({
        connectionString: config.databaseUrl,
        ...(config.dbStatementTimeoutMs !== undefined ? { statementTimeoutMs: config.dbStatementTimeoutMs } : {}),
        ...(config.dbConnectTimeoutMs !== undefined ? { connectTimeoutMs: config.dbConnectTimeoutMs } : {}),
      }),
    );
  }
  return openPglite(config.dataDir ? { dataDir: config.dataDir } : {});
}

export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): string {
  if (config.databaseUrl) return `Postgres at ${new URL(config.databaseUrl).host}`;
  if (config.dataDir) return `embedded PGlite in ${config.dataDir}`;
  return 'embedded PGlite in memory (data is lost when the server stops; set NOZLE_DATA_DIR to keep it)';
}
