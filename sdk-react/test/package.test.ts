// @vitest-environment node
// Checks the built package (run `pnpm build` first): ESM and CJS builds expose the same API,
// and the entry is marked as a React client module.
/// <reference types="node" />
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const esmEntry = new URL('../dist/index.js', import.meta.url);
const cjsEntry = new URL('../dist/index.cjs', import.meta.url);
// The built entry requires @nozle/browser, which resolves to that package's own build.
const browserBuild = new URL('../../sdk-browser/dist/index.cjs', import.meta.url);

// Loads both builds in a plain Node process. Vitest hands its workers the ssr conditions
// (`--conditions @nozle/source`), under which `require('@nozle/browser')` would reach
// TypeScript source; a consumer of the published package resolves the built files instead.
function exportNamesOfBuilds(): { esm: string[]; cjs: string[] } {
  const cjsPath = JSON.stringify(fileURLToPath(cjsEntry));
  const script = `
    import { createRequire } from 'node:module';
    const names = (mod) => Object.keys(mod).filter((name) => name !== 'default').sort();
    const esm = await import(${JSON.stringify(esmEntry.href)});
    const cjs = createRequire(${cjsPath})(${cjsPath});
    console.log(JSON.stringify({ esm: names(esm), cjs: names(cjs) }));
  `;
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' })) as {
    esm: string[];
    cjs: string[];
  };
}

describe.skipIf(!existsSync(esmEntry) || !existsSync(cjsEntry) || !existsSync(browserBuild))('built package', () => {
  it('exposes the same named exports from ESM and CJS', () => {
    const { esm, cjs } = exportNamesOfBuilds();

    expect(esm).toEqual([
      'Checkout',
      'Gate',
      'NozleProvider',
      'VERSION',
      'createNozle',
      'useAlerts',
      'useCan',
      'useCustomer',
      'useEntitlements',
      'useNozleClient',
    ]);
    expect(cjs).toEqual(esm);
  });

  it('starts both builds with a "use client" directive', () => {
    for (const entry of [esmEntry, cjsEntry]) {
      const firstLine = readFileSync(entry, 'utf8').split('\n', 1)[0];
      expect(firstLine).toBe('"use client";');
    }
  });
});
