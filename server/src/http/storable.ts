// What the spec admits must be something Postgres can store: no NUL characters and no unpaired
// UTF-16 surrogates in any string (Postgres refuses both, 22021 / 22P02), and free-form JSON of
// bounded depth and size (deep nesting overflows the stack of whatever walks it later).
// The spec's schemas are annotated once, at load, so every string and every free-form value of
// every operation is covered without repeating the rule in nozle.yaml.
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { DataValidationCxt } from 'ajv/dist/types/index.js';
import type { OpenApiDocument } from './operations.js';

/** How deep free-form JSON (event properties, feature values) may nest. */
export const MAX_JSON_DEPTH = 32;
/** How many values (objects, arrays and scalars together) one free-form value may hold. */
export const MAX_JSON_NODES = 10_000;

const STORABLE_TEXT = 'x-nozle-storable';
const STORABLE_KEY = 'x-nozle-storable-key';
const FREE_JSON = 'x-nozle-free-json';

// NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
// eslint-disable-next-line no-control-regex -- NUL is exactly what is refused
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TEXT_PROBLEM = 'must not contain NUL characters or unpaired surrogates';

export const isStorableText = (value: string): boolean => !UNSTORABLE.test(value);

type Node = { [key: string]: unknown };
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A copy of the spec in which every string schema carries the storable-text keyword, every
 * `propertyNames` (stated, or added to a map that states none) the storable-key keyword, and
 * every free-form object (`additionalProperties: true`) the free-form-JSON keyword.
 */
export function annotateStorable(doc: OpenApiDocument): OpenApiDocument {
  const visit = (value: unknown, key: string | undefined): unknown => {
    if (Array.isArray(value)) return value.map((item) => visit(item, undefined));
    if (!isNode(value)) return value;
    const copy: Node = {};
    for (const [k, v] of Object.entries(value)) copy[k] = k === 'example' || k === 'examples' ? v : visit(v, k);
    const types = Array.isArray(copy.type) ? copy.type : [copy.type];
    if (key === 'propertyNames') copy[STORABLE_KEY] = true;
    else if (types.includes('string')) copy[STORABLE_TEXT] = true;
    if (copy.additionalProperties === true) copy[FREE_JSON] = true;
    // A map (`additionalProperties` a schema) stores its keys too: they must be storable even
    // when the spec states no `propertyNames`.
    else if (isNode(copy.additionalProperties) && copy.propertyNames === undefined) copy.propertyNames = { [STORABLE_KEY]: true };
    return copy;
  };
  return visit(doc, undefined) as OpenApiDocument;
}

interface KeywordError {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
  /** Set for a map's key, as Ajv does for `propertyNames` (the error names the key). */
  propertyName?: string;
}

type KeywordCheck = ((schema: unknown, data: unknown, parentSchema?: unknown, cxt?: DataValidationCxt) => boolean) & {
  errors?: KeywordError[];
};

const pointerSegment = (segment: string | number) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1');

/** Teaches an Ajv instance the keywords `annotateStorable` adds. */
export function addStorableKeywords(ajv: Ajv2020): void {
  const text: KeywordCheck = (_schema, data, _parent, cxt) => {
    if (typeof data !== 'string' || isStorableText(data)) return true;
    text.errors = [{ keyword: STORABLE_TEXT, instancePath: cxt?.instancePath ?? '', message: TEXT_PROBLEM, params: {} }];
    return false;
  };
  const key: KeywordCheck = (_schema, data, _parent, cxt) => {
    if (typeof data !== 'string' || isStorableText(data)) return true;
    key.errors = [{ keyword: STORABLE_KEY, instancePath: cxt?.instancePath ?? '', message: TEXT_PROBLEM, params: {}, propertyName: data }];
    return false;
  };
  const json: KeywordCheck = (_schema, data, _parent, cxt) => {
    const problem = freeJsonProblem(data);
    if (!problem) return true;
    const at = (cxt?.instancePath ?? '') + problem.path.map((segment) => `/${pointerSegment(segment)}`).join('');
    json.errors = [{ keyword: FREE_JSON, instancePath: at, message: problem.message, params: {} }];
    return false;
  };
  ajv.addKeyword({ keyword: STORABLE_TEXT, errors: true, validate: text });
  ajv.addKeyword({ keyword: STORABLE_KEY, errors: true, validate: key });
  ajv.addKeyword({ keyword: FREE_JSON, errors: true, validate: json });
}

interface Problem {
  path: Array<string | number>;
  message: string;
}

/** Walks a free-form value breadth-first (no recursion, so no depth can overflow the stack). */
export function freeJsonProblem(value: unknown): Problem | undefined {
  const queue: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  for (let seen = 0; seen < queue.length; seen++) {
    const { value: item, path } = queue[seen]!;
    if (typeof item === 'string') {
      if (!isStorableText(item)) return { path, message: TEXT_PROBLEM };
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    if (path.length >= MAX_JSON_DEPTH) return { path, message: `must nest at most ${MAX_JSON_DEPTH} levels deep` };
    const entries: Array<[string | number, unknown]> = Array.isArray(item) ? item.map((v, i) => [i, v]) : Object.entries(item);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && !isStorableText(key)) return { path, message: `keys ${TEXT_PROBLEM}` };
      queue.push({ value: child, path: [...path, key] });
    }
    if (queue.length > MAX_JSON_NODES) return { path: [], message: `must hold at most ${MAX_JSON_NODES} values` };
  }
  return undefined;
}
