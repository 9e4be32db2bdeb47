// Generates src/generated/{schema.ts,spec.json} from nozle.yaml. With --check, writes nothing
// and exits non-zero when the committed files differ from what the spec produces.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specPath = resolve(root, 'nozle.yaml');
const outDir = resolve(root, 'src/generated');

const HEADER = [
  '// This file is generated from nozle.yaml by scripts/generate.mjs. Do not edit.',
  '// Run `pnpm --filter @nozle/openapi generate` after changing the spec.',
  '/* eslint-disable */',
  '',
].join('\n');

async function render() {
  const source = await readFile(specPath, 'utf8');
  // uniqueKeys (the default) makes a duplicated key a parse error instead of a silent overwrite.
  const spec = parse(source, { prettyErrors: true });
  if (spec === null || typeof spec !== 'object' || typeof spec.openapi !== 'string') {
    throw new Error(`${relative(process.cwd(), specPath)} is not an OpenAPI document`);
  }
  // A copy, so spec.json cannot pick up anything the generator might add to its input.
  // defaultNonNullable off: a request field with a default is optional to send (the server fills it in).
  const ast = await openapiTS(structuredClone(spec), { silent: true, defaultNonNullable: false });
  return {
    'schema.ts': HEADER + astToString(ast),
    'spec.json': `${JSON.stringify(spec, null, 2)}\n`,
  };
}

async function readOrNull(path) {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error && error.code === 'ENOENT') return null;
    throw error;
  }
}

const check = process.argv.includes('--check');
let files;
try {
  files = await render();
} catch (error) {
  // A YAML or OpenAPI error already says where it is; a stack trace only hides it.
  console.error(`Cannot generate from nozle.yaml: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

if (check) {
  const stale = [];
  for (const [name, expected] of Object.entries(files)) {
    const actual = await readOrNull(resolve(outDir, name));
    // A checkout with CRLF line endings is not a stale one.
    if (actual?.replace(/\r\n/g, '\n') !== expected) stale.push(`src/generated/${name}`);
  }
  if (stale.length > 0) {
    console.error(
      `Generated files are out of date with nozle.yaml: ${stale.join(', ')}.\n` + 'Run `pnpm --filter @nozle/openapi generate` and commit the result.',
    );
    process.exit(1);
  }
  console.log('src/generated is up to date with nozle.yaml.');
} else {
  await mkdir(outDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await writeFile(resolve(outDir, name), content);
  }
  console.log(
    `Wrote ${Object.keys(files)
      .map((name) => `src/generated/${name}`)
      .join(', ')}.`,
  );
}
