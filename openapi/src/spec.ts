// The contract as data, for run-time request validation and for tooling.
import specJson from './generated/spec.json' with { type: 'json' };

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** The parts of an OpenAPI 3.1 document this package's users read; the rest is `unknown`. */
export interface OpenAPIOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  [key: string]: unknown;
}

export type OpenAPIPathItem = { [M in HttpMethod]?: OpenAPIOperation } & {
  parameters?: unknown[];
  [key: string]: unknown;
};

export interface OpenAPIDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  servers?: Array<{ url: string; description?: string; [key: string]: unknown }>;
  security?: Array<Record<string, string[]>>;
  paths: Record<string, OpenAPIPathItem>;
  components?: {
    schemas?: Record<string, unknown>;
    parameters?: Record<string, unknown>;
    responses?: Record<string, unknown>;
    headers?: Record<string, unknown>;
    securitySchemes?: Record<string, unknown>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** nozle.yaml, parsed. Treat it as read-only: every importer shares this one object. */
// Cast: TypeScript's literal type for the JSON shifts with every spec edit (a union of
// security requirements stops matching the index signature); the shape is checked by tests.
export const spec = specJson as unknown as OpenAPIDocument;
