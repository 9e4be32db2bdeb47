import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// @nozle/openapi from its source, so tests need no build first. An alias rather than the
// '@nozle/source' condition: vitest would pass a condition on to Node itself, and the built CJS
// that test/package.test.ts requires would then load TypeScript.
export default defineProject({
  resolve: {
    alias: { '@nozle/openapi': fileURLToPath(new URL('../openapi/src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'sdk-node',
    environment: 'node',
  },
});
