/// <reference types="node" />
import { copyFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // The `./spec.json` export serves the parsed spec to tools that want the raw document.
  onSuccess: async () => {
    await copyFile('src/generated/spec.json', 'dist/spec.json');
  },
});
