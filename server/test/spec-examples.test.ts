// Every request and response body in nozle.yaml comes with an example, so the reference at
// /docs shows one for each operation; and every example in the spec is valid against its own
// schema, checked with Ajv (JSON Schema 2020-12) set up as the server's validator is
// (src/http/validation.ts), so an example cannot drift from the contract the server enforces.
import { spec } from '@nozle/openapi';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

type Node = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const SPEC_ID = 'nozle.yaml';

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows local `$ref`s (`#/components/...`) to what they name. */
function resolve(node: unknown): Node | undefined {
  let current = node as Node | undefined;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
    current = current.$ref
      .replace(/^#\//, '')
      .split('/')
      .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((at, key) => (at as Node | undefined)?.[key], spec) as Node | undefined;
  }
  return current;
}

const hasExamples = (node: Node): boolean =>
  node.example !== undefined || (Array.isArray(node.examples) ? node.examples.length > 0 : isNode(node.examples) && Object.keys(node.examples).length > 0);

/** A schema shows an example itself, or through one of the schemas it is made of (`allOf`). */
function schemaHasExample(schema: unknown, seen = new Set<Node>()): boolean {
  const node = resolve(schema);
  if (!node || seen.has(node)) return false;
  seen.add(node);
  return hasExamples(node) || (Array.isArray(node.allOf) && node.allOf.some((part) => schemaHasExample(part, seen)));
}

/** Each operation's request body and response bodies, as `operationId what media-type` and the media type object. */
function bodies(): Array<{ name: string; kind: 'request' | 'response'; media: Node }> {
  const out: Array<{ name: string; kind: 'request' | 'response'; media: Node }> = [];
  for (const item of Object.values(spec.paths)) {
    for (const method of METHODS) {
      const operation = (item as Node)[method] as Node | undefined;
      if (!operation) continue;
      const id = String(operation.operationId);
      for (const [type, media] of Object.entries((resolve(operation.requestBody)?.content ?? {}) as Record<string, Node>)) {
        out.push({ name: `${id} request ${type}`, kind: 'request', media });
      }
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Node)) {
        // 204 and 101 (no body) have no content, so nothing to show.
        for (const [type, media] of Object.entries((resolve(response)?.content ?? {}) as Record<string, Node>)) {
          out.push({ name: `${id} ${status} ${type}`, kind: 'response', media });
        }
      }
    }
  }
  return out;
}

const withoutExamples = (kind: 'request' | 'response') =>
  bodies()
    .filter((body) => body.kind === kind && !hasExamples(body.media) && !schemaHasExample(body.media.schema))
    .map((body) => body.name);

// ---- Every example in the document, with the JSON pointer of the schema it must satisfy ----

interface ExampleCase {
  /** Where the example is, e.g. `/components/schemas/Customer example`. */
  name: string;
  /** The JSON pointer of the schema the example must be valid against. */
  schema: string;
  value: unknown;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

const SINGLE_SUBSCHEMA = [
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'contains',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
];
const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/** A schema's own `example` and `examples` (JSON Schema's array), then those of its subschemas. */
function collectFromSchema(schema: unknown, pointer: string, out: ExampleCase[]): void {
  if (!isNode(schema)) return;
  if (schema.example !== undefined) out.push({ name: `${pointer} example`, schema: pointer, value: schema.example });
  if (Array.isArray(schema.examples)) {
    schema.examples.forEach((value, index) => out.push({ name: `${pointer} examples[${index}]`, schema: pointer, value }));
  }
  for (const key of SINGLE_SUBSCHEMA) collectFromSchema(schema[key], `${pointer}/${key}`, out);
  for (const key of SUBSCHEMA_MAPS) {
    if (!isNode(schema[key])) continue;
    for (const [name, sub] of Object.entries(schema[key])) collectFromSchema(sub, `${pointer}/${key}/${escape(name)}`, out);
  }
  for (const key of SUBSCHEMA_LISTS) {
    if (Array.isArray(schema[key])) schema[key].forEach((sub, index) => collectFromSchema(sub, `${pointer}/${key}/${index}`, out));
  }
}

/**
 * Walks the document outside `components/schemas`: an object with a `schema` (a media type, a
 * parameter, a header) has its `example` / `examples` (Example Objects) checked against that
 * schema, and the schema itself is searched for examples. Example values are data, not spec,
 * so they are not walked.
 */
function collectFromDocument(node: unknown, pointer: string, out: ExampleCase[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => collectFromDocument(item, `${pointer}/${index}`, out));
    return;
  }
  if (!isNode(node)) return;
  if (node.schema !== undefined) {
    const schema = `${pointer}/schema`;
    if (node.example !== undefined) out.push({ name: `${pointer} example`, schema, value: node.example });
    if (isNode(node.examples)) {
      for (const [name, example] of Object.entries(node.examples)) {
        const resolved = resolve(example);
        if (resolved && 'value' in resolved) out.push({ name: `${pointer} examples/${name}`, schema, value: resolved.value });
      }
    }
    collectFromSchema(node.schema, schema, out);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'schema' || key === 'example' || key === 'examples') continue;
    if (pointer === '/components' && key === 'schemas') continue;
    collectFromDocument(value, `${pointer}/${escape(key)}`, out);
  }
}

function allExamples(): ExampleCase[] {
  const out: ExampleCase[] = [];
  for (const [name, schema] of Object.entries((spec.components?.schemas ?? {}) as Node)) {
    collectFromSchema(schema, `/components/schemas/${escape(name)}`, out);
  }
  collectFromDocument(spec, '', out);
  return out;
}

// As the server builds its validators (src/http/validation.ts): the whole spec added under one
// id, so `$ref`s resolve, and formats checked. No defaults filled in (the examples must not be
// changed by checking them) and every error reported.
const ajv = new Ajv2020({ strict: false, allErrors: true, useDefaults: false, coerceTypes: false });
addFormats.default(ajv);
ajv.addSchema(spec, SPEC_ID);

const examples = allExamples();

describe('examples in nozle.yaml', () => {
  it('gives every response body an example (on the media type or on its schema)', () => {
    expect(withoutExamples('response'), 'add an example (on the media type or the schema) to these responses').toEqual([]);
  });

  it('gives every request body an example (on the media type or on its schema)', () => {
    expect(withoutExamples('request'), 'add an example (on the media type or the schema) to these request bodies').toEqual([]);
  });

  it('finds the examples it checks (one per schema that has one, and the media types)', () => {
    const schemasWithExamples = Object.entries((spec.components?.schemas ?? {}) as Node).filter(([, schema]) => isNode(schema) && hasExamples(schema));
    for (const [name] of schemasWithExamples) {
      expect(
        examples.some((example) => example.schema === `/components/schemas/${escape(name)}`),
        name,
      ).toBe(true);
    }
    expect(
      examples.some((example) => example.schema.startsWith('/paths/')),
      'media type examples',
    ).toBe(true);
  });

  it.each(examples.map((example) => [example.name, example] as const))('%s is valid against its schema', (_name, example) => {
    const validate = ajv.compile({ $ref: `${SPEC_ID}#${example.schema}` });
    const valid = validate(example.value);
    expect(valid, ajv.errorsText(validate.errors, { dataVar: 'example' })).toBe(true);
  });
});
