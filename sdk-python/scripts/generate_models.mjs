// Generates sdk-python/nozle/models.py (TypedDicts of the API's schemas, the list operations'
// query parameters, and the table of operations) from the spec's JSON form, which
// `pnpm --filter @nozle/openapi check` keeps current with nozle.yaml. Written in Node because
// Python's standard library reads no YAML. With --check, writes nothing and exits non-zero
// when the committed models.py differs from what the spec produces.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const specPath = resolve(here, '../../openapi/src/generated/spec.json');
const outPath = resolve(here, '../nozle/models.py');

const spec = JSON.parse(await readFile(specPath, 'utf8'));
const schemas = spec.components.schemas;

const pascal = (text) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
const refName = (ref) => ref.replace('#/components/schemas/', '');
const literal = (value) => (value === null ? 'None' : typeof value === 'boolean' ? (value ? 'True' : 'False') : JSON.stringify(value));
const PRIMITIVES = { string: 'str', integer: 'int', number: 'float', boolean: 'bool', null: 'None', array: 'list[Any]', object: 'dict[str, Any]' };

/** Inline objects with properties become TypedDicts of their own, emitted before their parent. */
const extra = [];
const taken = new Set(Object.keys(schemas));

function union(types) {
  const unique = [...new Set(types)];
  if (unique.includes('Any')) return 'Any';
  return unique.length === 1 ? unique[0] : `Union[${unique.join(', ')}]`;
}

/** A Python type expression for `schema`; names are quoted so the order of definitions does not matter. */
function typeOf(schema, hint) {
  if (schema === undefined || schema === true || Object.keys(schema).length === 0) return 'Any';
  if (schema.$ref) return JSON.stringify(refName(schema.$ref));
  if (schema.const !== undefined) return `Literal[${literal(schema.const)}]`;
  if (schema.enum) {
    const values = schema.enum.filter((value) => value !== null);
    const type = `Literal[${values.map(literal).join(', ')}]`;
    return schema.enum.includes(null) ? `Optional[${type}]` : type;
  }
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    if (schema[key]) {
      // allOf of one $ref (a described reference) is that type; of several, no TypedDict says it.
      if (key === 'allOf' && schema.allOf.length > 1) return 'dict[str, Any]';
      return union(schema[key].map((member, index) => typeOf(member, `${hint}${index === 0 ? '' : index + 1}`)));
    }
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (types.length === 0) return schema.properties ? objectType(schema, hint) : 'Any';
  return union(
    types.map((type) => {
      if (type === 'array') return `list[${typeOf(schema.items, `${hint}Item`)}]`;
      if (type === 'object') return objectType(schema, hint);
      return PRIMITIVES[type] ?? 'Any';
    }),
  );
}

function objectType(schema, hint) {
  if (schema.properties) {
    let name = hint;
    while (taken.has(name)) name = `${name}Object`;
    taken.add(name);
    extra.push(typedDict(name, schema));
    return JSON.stringify(name);
  }
  const values = schema.additionalProperties;
  return `dict[str, ${values === undefined || values === true || values === false ? 'Any' : typeOf(values, `${hint}Value`)}]`;
}

function docstring(text, indent) {
  if (!text) return [];
  const lines = text.trim().replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"').split('\n');
  if (lines.length === 1) return [`${indent}"""${lines[0]}"""`];
  return [`${indent}"""${lines[0]}`, ...lines.slice(1).map((line) => (line ? `${indent}${line}` : '')), `${indent}"""`];
}

const comment = (text, indent) =>
  text
    ? text
        .trim()
        .split('\n')
        .map((line) => `${indent}#: ${line}`.trimEnd())
    : [];

/** The functional form of TypedDict: keys need not be identifiers, and total=False is not needed. */
function typedDict(name, schema, description = schema.description) {
  const required = new Set(schema.required ?? []);
  const lines = [`class ${name}(TypedDict):`, ...docstring(description, '    ')];
  const entries = Object.entries(schema.properties ?? {});
  for (const [key, property] of entries) {
    if (!/^[A-Za-z_]\w*$/.test(key)) throw new Error(`${name}.${key}: not a Python identifier; switch to TypedDict's functional form`);
    const type = typeOf(property, `${name}${pascal(key)}`);
    lines.push(...comment(property.description, '    '));
    lines.push(`    ${key}: ${required.has(key) ? type : `NotRequired[${type}]`}`);
  }
  if (entries.length === 0 && description === undefined) lines.push('    pass');
  return lines.join('\n');
}

function schemaDefinition(name, schema) {
  const isObject = schema.properties && (schema.type === 'object' || schema.type === undefined);
  if (isObject) return typedDict(name, schema);
  return [`${name} = ${typeOf(schema, name)}`, ...docstring(schema.description, '')].join('\n');
}

const definitions = [];
for (const [name, schema] of Object.entries(schemas)) {
  const definition = schemaDefinition(name, schema);
  definitions.push(...extra.splice(0), definition);
}

/** Every operation, for the SDK's coverage test and for anyone who wants the raw table. */
const operations = [];
const queries = [];
for (const [path, item] of Object.entries(spec.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    if (!operation.operationId) continue;
    operations.push(`    ${JSON.stringify(operation.operationId)}: (${JSON.stringify(method.toUpperCase())}, ${JSON.stringify(path)}),`);
    const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) =>
      parameter.$ref ? spec.components.parameters[parameter.$ref.replace('#/components/parameters/', '')] : parameter,
    );
    const query = parameters.filter((parameter) => parameter.in === 'query');
    if (query.length === 0) continue;
    const name = `${pascal(operation.operationId)}Query`;
    taken.add(name);
    const object = {
      properties: Object.fromEntries(query.map((parameter) => [parameter.name, { ...parameter.schema, description: parameter.description }])),
      required: query.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    };
    const definition = typedDict(name, object, `Query parameters of \`${operation.operationId}\` (${method.toUpperCase()} ${path}).`);
    queries.push(...extra.splice(0), definition);
  }
}

const source = [
  '# Generated from openapi/nozle.yaml (its JSON form) by sdk-python/scripts/generate_models.mjs. Do not edit:',
  '# run `node sdk-python/scripts/generate_models.mjs` after changing the spec.',
  '"""The API\'s objects as TypedDicts: what each method of the SDK sends and returns (plain dicts at run time)."""',
  '',
  'from __future__ import annotations',
  '',
  'from typing import Any, Literal, NotRequired, Optional, TypedDict, Union',
  '',
  `API_VERSION = ${JSON.stringify(spec.info.version)}`,
  '',
  '',
  [...definitions, ...queries].join('\n\n\n'),
  '',
  '',
  '#: operationId -> (HTTP method, path) for every operation of the spec.',
  'OPERATIONS: dict[str, tuple[str, str]] = {',
  ...operations,
  '}',
  '',
].join('\n');

if (process.argv.includes('--check')) {
  let actual = null;
  try {
    actual = await readFile(outPath, 'utf8');
  } catch (error) {
    if (error?.code !== 'ENOENT') throw error;
  }
  if (actual?.replace(/\r\n/g, '\n') !== source) {
    console.error('sdk-python/nozle/models.py is out of date with nozle.yaml.\nRun `node sdk-python/scripts/generate_models.mjs` and commit the result.');
    process.exit(1);
  }
  console.log('sdk-python/nozle/models.py is up to date with nozle.yaml.');
} else {
  await writeFile(outPath, source);
  console.log('Wrote sdk-python/nozle/models.py.');
}
