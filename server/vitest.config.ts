import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources, so tests need no build first.
const conditions = ['@nozle/source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'test/**/*.test.tsx'],
    // PGlite starts in ~1 s per test file; child-process tests start whole servers.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Used when this package's suite runs alone (CI's Postgres + Redis pass).
    reporters: process.env.CI_RESULTS ? ['default', 'json'] : ['default'],
    ...(process.env.CI_RESULTS ? { outputFile: { json: process.env.CI_RESULTS } } : {}),
  },
});
