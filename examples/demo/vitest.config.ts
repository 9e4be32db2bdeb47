import { defineConfig } from 'vitest/config';

// The end-to-end test: the server and the backend from their sources (no build of them needed),
// the React app from its build (`pnpm e2e` builds it first), Chromium from the system.
const conditions = ['@nozle/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    // A browser session through checkout and back: many page loads and pushes, none timed.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // CI sets CI_RESULTS to add this run to its closing count (.ci/summarize.mjs).
    reporters: process.env.CI_RESULTS ? ['default', 'json'] : ['default'],
    ...(process.env.CI_RESULTS ? { outputFile: { json: process.env.CI_RESULTS } } : {}),
  },
});
