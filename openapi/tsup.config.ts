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
  // openapi-fetch's CJS build has a default export without the __esModule flag, which a CJS
  // require of ours would read as the whole module; bundling it (a small file) avoids the interop.
  noExternal: ['openapi-fetch'],
  // The `./spec.json` export serves the parsed spec to tools that want the raw document.
  onSuccess: async () => {
    await copyFile('src/generated/spec.json', 'dist/spec.json');
  },
});
