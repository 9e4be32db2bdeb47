// Where the documents the server shows live: the contract in the @nozle/openapi package, the
// HTML reference that this package's build makes from it, the guides in the repository's docs/.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DocsFiles {
  /** The OpenAPI document as written (`openapi/nozle.yaml`). */
  spec: string;
  /** The Redocly page `pnpm build` makes from it (`server/dist/reference.html`); may not exist yet. */
  reference: string;
  /** The realtime guide (`docs/realtime.md`); may be missing where only packages were installed. */
  realtimeGuide: string | undefined;
}

export function defaultDocsFiles(): DocsFiles {
  // Found from this module, not by a fixed relative path: it runs from src/docs/ in tests and
  // from a bundle in dist/ otherwise; the nearest package.json above is the server's.
  const require = createRequire(import.meta.url);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const serverDir = path.dirname(findUp(here, 'package.json') ?? here);
  return {
    spec: require.resolve('@nozle/openapi/nozle.yaml'),
    reference: path.join(serverDir, 'dist', 'reference.html'),
    realtimeGuide: findUp(here, path.join('docs', 'realtime.md')),
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
