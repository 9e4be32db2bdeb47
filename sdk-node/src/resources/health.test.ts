import { describe, expect, it } from 'vitest';
import { NozleAPIError } from '../index.js';
import { mockApi, nozle } from '../../test/mock-api.js';

const api = mockApi();

describe('nozle.health and nozle.project', () => {
  it('ready() returns a not-ready server’s answer (503) rather than throwing', async () => {
    const down = { status: 'unavailable', checks: { server: 'ok', database: 'unavailable', redis: 'not_configured' } } as const;
    api.reply('get', '/readyz', down, { status: 503 });
    expect(await nozle().health.ready()).toEqual(down);
  });

  it('ready() still throws on a 500, and live() reads /healthz', async () => {
    api.reply('get', '/readyz', { error: { type: 'api_error', message: 'boom' } }, { status: 500 });
    await expect(nozle().health.ready()).rejects.toBeInstanceOf(NozleAPIError);
    api.reply('get', '/healthz', { status: 'ok' });
    expect(await nozle().health.live()).toEqual({ status: 'ok' });
  });

  it('project.retrieve() reads the key’s project', async () => {
    const project = { id: 'prj_1', object: 'project', name: 'Acme', created: 1 };
    const sent = api.reply('get', '/v1/project', project);
    expect(await nozle().project.retrieve()).toEqual(project);
    expect(sent).toHaveLength(1);
  });
});
