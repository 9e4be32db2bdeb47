// One version for every published package: Changesets releases them together (`fixed`), and
// that version is the VERSION the SDKs export and send as their User-Agent.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string; private?: boolean };

/** Every workspace package that is not private, i.e. everything `pnpm -r publish` would publish. */
function publishedPackages(): { name: string; version: string }[] {
  const dirs = readdirSync(root, { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules',
  );
  return dirs
    .map((dir) => path.join(root, dir.name, 'package.json'))
    .filter((file) => {
      try {
        return !readJson(file).private;
      } catch {
        return false;
      }
    })
    .map((file) => readJson(file));
}

describe('the published packages', () => {
  it('are exactly the four SDK packages', () => {
    expect(
      publishedPackages()
        .map((pkg) => pkg.name)
        .sort(),
    ).toEqual(['@nozle/browser', '@nozle/node', '@nozle/openapi', '@nozle/react']);
  });

  it('all carry VERSION', () => {
    for (const pkg of publishedPackages()) expect({ name: pkg.name, version: pkg.version }).toEqual({ name: pkg.name, version: VERSION });
  });

  it('are released together by Changesets', () => {
    const config = JSON.parse(readFileSync(path.join(root, '.changeset/config.json'), 'utf8')) as { fixed: string[][] };
    expect(config.fixed.map((group) => [...group].sort())).toEqual([
      publishedPackages()
        .map((pkg) => pkg.name)
        .sort(),
    ]);
  });
});
