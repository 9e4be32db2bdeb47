import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // The provider and hooks use context and state: mark the entry as a client module for
  // React Server Components frameworks (as LaunchDarkly's sdk/react does).
  banner: { js: '"use client";' },
});
