// After `changeset version`: writes the released version (one for every published package,
// Changesets `fixed`) into src/version.ts, which the SDKs export and send as their User-Agent.
import { readFile, writeFile } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
const { version } = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
const file = new URL('src/version.ts', root);
const source = await readFile(file, 'utf8');
const updated = source.replace(/export const VERSION = '[^']*';/, `export const VERSION = '${version}';`);
if (!updated.includes(`'${version}'`)) throw new Error(`no VERSION line in ${file.pathname}`);
await writeFile(file, updated);
console.log(`VERSION = '${version}'`);
