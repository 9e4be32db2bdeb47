export { createBackend, type BackendOptions } from './app.js';
export { readConfig, type BackendConfig } from './config.js';
export { startBackend, type RunningBackend } from './server.js';
