// Builds the API reference that the server shows at /docs (dist/reference.html) from the
// contract. It lives here, not in @nozle/openapi, so SDK users do not install 2.7 MB of HTML.
// The reference's server URL is a placeholder that /docs replaces with the origin serving it
// (src/docs/origin.ts holds the same string).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ORIGIN_PLACEHOLDER = 'https://nozle-origin.invalid';

const require = createRequire(import.meta.url);
const serverDir = path.dirname(fileURLToPath(new URL('../package.json', import.meta.url)));
const openapiDir = path.dirname(require.resolve('@nozle/openapi/package.json'));
// The parsed contract that @nozle/openapi's build ships (it builds before the server).
const spec = JSON.parse(readFileSync(require.resolve('@nozle/openapi/spec.json'), 'utf8'));
spec.servers = [{ url: ORIGIN_PLACEHOLDER, description: 'This Nozle server, the one showing this page.' }];

const cliPackage = require.resolve('@redocly/cli/package.json');
const cli = path.join(path.dirname(cliPackage), JSON.parse(readFileSync(cliPackage, 'utf8')).bin.redocly);
const work = mkdtempSync(path.join(tmpdir(), 'nozle-reference-'));
try {
  const input = path.join(work, 'nozle.json');
  writeFileSync(input, JSON.stringify(spec));
  const output = path.join(serverDir, 'dist', 'reference.html');
  // openapi/redocly.yaml turns telemetry off, in the CLI and in the page it writes.
  const config = path.join(openapiDir, 'redocly.yaml');
  execFileSync(process.execPath, [cli, 'build-docs', input, '--config', config, '--inlineBundle', '-o', output], { stdio: 'inherit' });
} finally {
  rmSync(work, { recursive: true, force: true });
}
