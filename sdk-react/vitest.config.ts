import { defineProject } from 'vitest/config';

// Resolve @nozle/browser to its source, so tests need no build of the workspace first.
// `resolve` serves jsdom tests; `ssr.resolve` serves tests in the node environment.
export default defineProject({
  resolve: {
    conditions: ['@nozle/source', 'module', 'browser', 'development|production'],
  },
  ssr: {
    resolve: {
      conditions: ['@nozle/source', 'module', 'node', 'development|production'],
    },
  },
  test: {
    name: 'sdk-react',
    environment: 'jsdom',
  },
});
