#!/usr/bin/env node
// The `nozle` command; the code is built into dist/ by `pnpm build`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('nozle: @nozle/server is not built yet. Run `pnpm build` first.');
  process.exit(1);
}
await import(cli.href);
