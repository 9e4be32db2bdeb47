// For tests, examples and embedding: the app factory and the server lifecycle.
export { createApp, operations, type AppDeps } from './app.js';
export { loadConfig, type Config } from './config.js';
export { ManualClock, systemClock, type Clock } from './clock.js';
export type { Database, Queryable } from './db/database.js';
export { openPglite } from './db/pglite.js';
export { openPostgres } from './db/postgres.js';
export { migrate } from './db/migrate.js';
export { createProjectWithKeys, type NewProject } from './projects/create-project.js';
export { startServer, type RunningServer, type StartOptions } from './server.js';
export { signCustomerToken, verifyCustomerToken, type CustomerTokenClaims } from './http/customer-token.js';
export { hashKey } from './http/api-keys.js';
