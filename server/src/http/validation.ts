// Validates a request's path, query, headers and body against the operation's schemas in
// nozle.yaml (JSON Schema 2020-12, as OpenAPI 3.1 uses), and, in tests, responses too.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { invalidParam, type ApiError } from './errors.js';
import type { OpenApiDocument, OperationSpec, ParameterLocation } from './operations.js';
import { addStorableKeywords, annotateStorable } from './storable.js';

const SPEC_ID = 'nozle.yaml';

interface ValidRequest {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

interface RawRequest {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  /** Undefined when the request had no body. */
  body: unknown;
}

export interface OperationValidator {
  request(raw: RawRequest): ValidRequest;
  /** Throws when a response does not match the spec (used by tests to hold the code to the contract). */
  response(status: number, body: unknown): void;
}

/**
 * A check of one value against a schema of the spec (e.g. each event of a batch, which is
 * refused one by one rather than failing the request): the error in the API's style, or none.
 */
export function createSchemaCheck(doc: OpenApiDocument, pointer: string): (value: unknown) => ApiError | undefined {
  const validate = specAjv(annotateStorable(doc), false).compile(ref(pointer));
  return (value) => (validate(value) ? undefined : toApiError(validate.errors?.[0], 'body'));
}

export function createValidators(doc: OpenApiDocument) {
  // Path, query and header values arrive as text: coerce them ("10" → 10). Bodies are JSON:
  // a string where a number belongs is an error, not something to fix up.
  // Every string and free-form value the spec admits must also be storable (storable.ts).
  const annotated = annotateStorable(doc);
  const textAjv = specAjv(annotated, true);
  const jsonAjv = specAjv(annotated, false);
  return (operation: OperationSpec): OperationValidator => {
    const request = requestValidator(operation, textAjv, jsonAjv);
    const responseValidators = new Map<string, ValidateFunction>(
      Object.entries(operation.responses).map(([status, pointer]) => [status, jsonAjv.compile(ref(pointer))]),
    );
    return {
      request,
      response(status, body) {
        const validate = responseValidators.get(String(status)) ?? responseValidators.get('default');
        if (!validate) throw new Error(`${operation.operationId}: status ${status} is not in nozle.yaml`);
        if (!validate(body)) {
          throw new Error(`${operation.operationId}: ${status} response breaks nozle.yaml: ${textAjv.errorsText(validate.errors)}`);
        }
      },
    };
  };
}

/** An Ajv holding the (annotated) spec, with its formats and the storable keywords. */
function specAjv(annotated: OpenApiDocument, coerceTypes: boolean): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: false, useDefaults: true, coerceTypes });
  // ajv-formats is CommonJS: under NodeNext its default import is the module, typed loosely.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call
  addFormats.default(ajv);
  addStorableKeywords(ajv);
  ajv.addSchema(annotated, SPEC_ID);
  return ajv;
}

const ref = (pointer: string) => ({ $ref: `${SPEC_ID}#${pointer}` });

function requestValidator(operation: OperationSpec, textAjv: Ajv2020, jsonAjv: Ajv2020): OperationValidator['request'] {
  const group = (location: ParameterLocation) => {
    const parameters = operation.parameters.filter((p) => p.in === location);
    const schema = {
      type: 'object',
      properties: Object.fromEntries(parameters.map((p) => [location === 'header' ? p.name.toLowerCase() : p.name, ref(p.schemaPointer)])),
      required: parameters.filter((p) => p.required).map((p) => (location === 'header' ? p.name.toLowerCase() : p.name)),
      // Unknown query parameters are mistakes worth reporting; unknown headers are normal.
      additionalProperties: location !== 'query',
    };
    return textAjv.compile(schema);
  };
  const validatePath = group('path');
  const validateQuery = group('query');
  const validateHeaders = group('header');
  const validateBody = operation.body ? jsonAjv.compile(ref(operation.body.schemaPointer)) : undefined;
  return (raw) => {
    const params = { ...raw.params };
    check(validatePath, params, 'path');
    const query = { ...raw.query };
    check(validateQuery, query, 'query');
    check(validateHeaders, { ...raw.headers }, 'header');
    let body = raw.body;
    if (validateBody) {
      // A POST with no body at all is read as `{}`: the schema then names what is missing.
      if (body === undefined) body = {};
      check(validateBody, body, 'body');
    } else if (body !== undefined && !(typeof body === 'object' && body !== null && Object.keys(body).length === 0)) {
      throw invalidParam('body', `${operation.method.toUpperCase()} ${operation.path} takes no request body.`, 'parameter_unknown');
    }
    return { params, query, body };
  };
}

function check(validate: ValidateFunction, value: unknown, location: 'path' | 'query' | 'header' | 'body'): void {
  if (validate(value)) return;
  throw toApiError(validate.errors?.[0], location);
}

// Turns Ajv's first error into Stripe's style: a code, a sentence, and the parameter in
// bracket notation (`metadata[plan]`).
function toApiError(error: ErrorObject | undefined, location: string): ApiError {
  if (!error) return invalidParam(location, `Invalid ${location}.`);
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const name = (parts: string[]) =>
    parts.length === 0
      ? null
      : parts[0] +
        parts
          .slice(1)
          .map((p) => `[${p}]`)
          .join('');

  if (error.keyword === 'required') {
    const param = name([...segments, String(error.params.missingProperty)]) ?? location;
    return invalidParam(param, `Missing required param: ${param}.`, 'parameter_missing');
  }
  if (error.keyword === 'additionalProperties') {
    const param = name([...segments, String(error.params.additionalProperty)]) ?? location;
    return invalidParam(param, `Received unknown parameter: ${param}.`, 'parameter_unknown');
  }
  if (error.propertyName !== undefined) {
    // A key of a map (metadata) broke the key rules; Ajv reports it at the map itself.
    const param = name([...segments, error.propertyName]) ?? location;
    return invalidParam(param, `Invalid key '${error.propertyName}': ${error.message ?? 'is not valid'}.`);
  }
  const param = name(segments) ?? (location === 'body' ? 'body' : location);
  const what = location === 'body' && segments.length === 0 ? 'request body' : param;
  return invalidParam(param, `Invalid ${what}: ${error.message ?? 'is not valid'}.`);
}
