import { describe, expect, it } from 'vitest';
import { spec, type HttpMethod } from '../src/index.js';

const methods: HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe('spec', () => {
  it('is an OpenAPI 3.1 document', () => {
    expect(spec.openapi).toMatch(/^3\.1\.\d+$/);
  });

  it('gives every operation a unique operationId', () => {
    const ids: string[] = [];
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const method of methods) {
        const operation = item[method];
        if (!operation) continue;
        expect(operation.operationId, `${method.toUpperCase()} ${path}`).toEqual(expect.any(String));
        ids.push(operation.operationId ?? '');
      }
    }
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
