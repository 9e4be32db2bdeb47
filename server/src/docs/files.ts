// Where the documents the server shows live: the contract and its built HTML reference in the
// @nozle/openapi package, the guides in the repository's docs/ folder.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DocsFiles {
  /** The OpenAPI document as written (`openapi/nozle.yaml`). */
  spec: string;
  /** The Redoc page `pnpm build` makes from it (`openapi/dist/reference.html`); may not exist yet. */
  reference: string;
  /** The realtime guide (`docs/realtime.md`); may be missing where only packages were installed. */
  realtimeGuide: string | undefined;
}

export function defaultDocsFiles(): DocsFiles {
  // Resolved through the package, not a relative path: this module runs from src/ in tests and
  // from a bundle in dist/ otherwise.
  const require = createRequire(import.meta.url);
  const openapiDir = path.dirname(require.resolve('@nozle/openapi/package.json'));
  return {
    spec: require.resolve('@nozle/openapi/nozle.yaml'),
    reference: path.join(openapiDir, 'dist', 'reference.html'),
    realtimeGuide: findUp(path.dirname(fileURLToPath(import.meta.url)), path.join('docs', 'realtime.md')),
  };
}

/** `relative` in `from` or the nearest folder above it that has it. */
function findUp(from: string, relative: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}
