import { defineProject } from 'vitest/config';

// The backend against a real Nozle server, both from their sources: no build needed first.
const conditions = ['@nozle/source', 'module', 'node', 'development|production'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    name: 'example-node-backend',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // The server's embedded database starts in about a second.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
