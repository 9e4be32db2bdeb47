import { describe, expect, it } from 'vitest';
import { readOperations } from './operations.js';

const doc = {
  openapi: '3.1.0',
  security: [{ secretKey: [] }],
  components: {
    parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } },
    responses: { NotFound: { description: 'x', content: { 'application/json': { schema: { type: 'object' } } } } },
  },
  paths: {
    '/v1/things/{thing}': {
      parameters: [{ name: 'thing', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'getThing',
        parameters: [{ $ref: '#/components/parameters/Limit' }],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
      post: {
        operationId: 'publicThing',
        security: [],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
        responses: {},
      },
    },
  },
};

describe('readOperations', () => {
  const [get, post] = readOperations(doc);

  it('turns the spec path into an Express path', () => {
    expect(get).toMatchObject({ operationId: 'getThing', method: 'get', path: '/v1/things/{thing}', expressPath: '/v1/things/:thing' });
  });

  it('merges path-level and operation parameters, following $refs to their schema pointers', () => {
    expect(get!.parameters).toEqual([
      { name: 'thing', in: 'path', required: true, schemaPointer: '/paths/~1v1~1things~1{thing}/parameters/0/schema' },
      { name: 'limit', in: 'query', required: false, schemaPointer: '/components/parameters/Limit/schema' },
    ]);
  });

  it('points at response schemas, through $refs', () => {
    expect(get!.responses).toEqual({
      '200': '/paths/~1v1~1things~1{thing}/get/responses/200/content/application~1json/schema',
      '404': '/components/responses/NotFound/content/application~1json/schema',
    });
  });

  it('takes the global security unless the operation sets its own', () => {
    expect(get!.security).toEqual(['secretKey']);
    expect(post!.security).toEqual([]);
    expect(post!.body).toEqual({ schemaPointer: '/paths/~1v1~1things~1{thing}/post/requestBody/content/application~1json/schema', required: true });
  });
});
