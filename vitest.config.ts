import { defineConfig } from 'vitest/config';

// One run over every package; each package keeps its own vitest.config.ts. CI sets CI_RESULTS
// to also write a JSON report, which .ci/summarize.mjs adds up.
export default defineConfig({
  test: {
    projects: ['openapi', 'server', 'sdk-node', 'sdk-browser', 'sdk-react', 'examples/node-backend'],
    reporters: process.env.CI_RESULTS ? ['default', 'json'] : ['default'],
    ...(process.env.CI_RESULTS ? { outputFile: { json: process.env.CI_RESULTS } } : {}),
  },
});
