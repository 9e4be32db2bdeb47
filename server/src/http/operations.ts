// Reads the operations out of nozle.yaml: method, path, parameters, body and who may call each.

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

export type ParameterLocation = 'path' | 'query' | 'header';

interface ParameterSpec {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** JSON pointer (within the spec) to the parameter's schema. */
  schemaPointer: string;
}

export interface OperationSpec {
  operationId: string;
  method: HttpMethod;
  /** The spec's path, e.g. `/v1/customers/{customer}`. */
  path: string;
  /** The same path in Express's syntax, e.g. `/v1/customers/:customer`. */
  expressPath: string;
  parameters: ParameterSpec[];
  body?: { schemaPointer: string; required: boolean };
  /** A POST that changes nothing (`x-nozle-read-only`): no transaction, no stored idempotent response. */
  readOnly: boolean;
  /** `x-nozle-skip-idempotency-key`: the request carries its own dedupe (event ids), so no stored response. */
  skipIdempotencyKey: boolean;
  /** `x-nozle-raw-body`: the handler needs the body's exact bytes (a webhook signature covers them). */
  rawBody: boolean;
  /**
   * `x-nozle-own-transactions`: the handler opens its own transactions (it stores before it
   * processes, or runs many steps), so it gets the database itself rather than one transaction.
   */
  ownTransactions: boolean;
  /** Security schemes that may call it; empty for public operations (health probes). */
  security: string[];
  /** Status → JSON pointer to the JSON response schema. */
  responses: Record<string, string>;
}

/** The parts of an OpenAPI document this reader walks; everything else is left alone. */
export type OpenApiDocument = { [key: string]: unknown };
type Node = { [key: string]: unknown };

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Follows a `$ref` between OpenAPI objects (parameters, responses) to the node and its pointer. */
type Deref = (node: Node, pointer: string) => [Node, string];

export function readOperations(doc: OpenApiDocument): OperationSpec[] {
  const deref = derefIn(doc);
  const globalSecurity = securityNames(doc.security);
  const operations: OperationSpec[] = [];
  const paths = isNode(doc.paths) ? doc.paths : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isNode(pathItem)) continue;
    for (const method of METHODS) {
      const op = pathItem[method];
      if (isNode(op)) operations.push(readOperation(deref, path, pathItem, method, op, globalSecurity));
    }
  }
  return operations;
}

function derefIn(doc: OpenApiDocument): Deref {
  const deref: Deref = (node, pointer) => {
    const ref = node.$ref;
    if (typeof ref !== 'string') return [node, pointer];
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, part) => (isNode(at) ? at[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), doc);
    if (!isNode(target)) throw new Error(`nozle.yaml: unresolved $ref ${ref}`);
    return deref(target, ref.slice(1));
  };
  return deref;
}

function readOperation(deref: Deref, path: string, pathItem: Node, method: HttpMethod, op: Node, globalSecurity: string[]): OperationSpec {
  const pathPointer = `/paths/${escapePointer(path)}`;
  const opPointer = `${pathPointer}/${method}`;
  const parameters = readParameters(deref, pathItem, pathPointer, op, opPointer);
  const body = readBody(deref, op, opPointer);
  return {
    operationId: String(op.operationId),
    method,
    path,
    expressPath: path.replace(/\{(\w+)\}/g, ':$1'),
    parameters,
    ...(body ? { body } : {}),
    readOnly: method === 'get' || op['x-nozle-read-only'] === true,
    skipIdempotencyKey: op['x-nozle-skip-idempotency-key'] === true,
    rawBody: op['x-nozle-raw-body'] === true,
    ownTransactions: op['x-nozle-own-transactions'] === true,
    security: op.security === undefined ? globalSecurity : securityNames(op.security),
    responses: readResponses(deref, op, opPointer),
  };
}

/** The path's parameters, then the operation's own (which override the path's of the same name). */
function readParameters(deref: Deref, pathItem: Node, pathPointer: string, op: Node, opPointer: string): ParameterSpec[] {
  const parameters = new Map<string, ParameterSpec>();
  const addParameters = (list: unknown, base: string) =>
    (Array.isArray(list) ? list : []).forEach((raw: unknown, index) => {
      if (!isNode(raw)) return;
      const [param, pointer] = deref(raw, `${base}/parameters/${index}`);
      const location = param.in as ParameterLocation;
      parameters.set(`${location}:${String(param.name)}`, {
        name: String(param.name),
        in: location,
        required: param.required === true,
        schemaPointer: `${pointer}/schema`,
      });
    });
  addParameters(pathItem.parameters, pathPointer);
  addParameters(op.parameters, opPointer);
  return [...parameters.values()];
}

function readBody(deref: Deref, op: Node, opPointer: string): OperationSpec['body'] {
  if (!isNode(op.requestBody)) return undefined;
  const [requestBody, pointer] = deref(op.requestBody, `${opPointer}/requestBody`);
  return { schemaPointer: `${pointer}/content/application~1json/schema`, required: requestBody.required === true };
}

function readResponses(deref: Deref, op: Node, opPointer: string): Record<string, string> {
  const responses: Record<string, string> = {};
  for (const [status, raw] of Object.entries(isNode(op.responses) ? op.responses : {})) {
    if (!isNode(raw)) continue;
    const [response, pointer] = deref(raw, `${opPointer}/responses/${escapePointer(status)}`);
    const content = isNode(response.content) ? response.content : {};
    if (isNode(content['application/json'])) responses[status] = `${pointer}/content/application~1json/schema`;
  }
  return responses;
}

function securityNames(requirements: unknown): string[] {
  if (!Array.isArray(requirements)) return [];
  return requirements.flatMap((requirement) => (isNode(requirement) ? Object.keys(requirement) : []));
}
