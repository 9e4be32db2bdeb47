// A server render: no window, no document, no WebSocket. The client must still be created and
// read, and must not touch those globals before connect() is called.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Browser from '../src/index.js';
import { snapshotOf } from './snapshots.js';

const BROWSER_GLOBALS = ['window', 'document', 'WebSocket', 'addEventListener', 'navigator', 'localStorage'] as const;

const restore: Array<() => void> = [];

afterEach(() => {
  for (const undo of restore.splice(0)) undo();
  vi.resetModules();
});

/** Makes any read of a browser global fail the test, then imports the package afresh. */
async function importWithoutBrowserGlobals(): Promise<{ module: typeof Browser; touched: string[] }> {
  const touched: string[] = [];
  for (const name of BROWSER_GLOBALS) {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
    restore.push(() => {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    });
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        return undefined;
      },
    });
  }
  vi.resetModules();
  const module = await import('../src/index.js');
  return { module, touched };
}

describe('in a server render', () => {
  it('imports, creates the client and reads it without touching browser globals', async () => {
    const { module, touched } = await importWithoutBrowserGlobals();
    const nozle = module.createNozle({ publishableKey: 'pk_test_1', customerToken: 'tok_1', bootstrap: snapshotOf(4, { export: {} }) });

    expect(nozle.getSnapshot()?.version).toBe(4);
    expect(nozle.getFeature('export')?.allowed).toBe(true);
    expect(nozle.can('export')).toBe(true);
    expect(nozle.check('sso')).toEqual({ allowed: false, reason: 'not_found' });
    expect(nozle.getStatus()).toBe('idle');
    expect(touched).toEqual([]);
  });

  it('answers loading without a bootstrap snapshot', async () => {
    const { module } = await importWithoutBrowserGlobals();
    const nozle = module.createNozle({ publishableKey: 'pk_test_1' });
    expect(nozle.getSnapshot()).toBeNull();
    expect(nozle.check('export')).toEqual({ allowed: false, reason: 'loading' });
    expect(nozle.can('export')).toBe(false);
  });

  it('does not connect on subscribe, even with a token', async () => {
    const { module } = await importWithoutBrowserGlobals();
    const nozle = module.createNozle({ publishableKey: 'pk_test_1', customerToken: 'tok_1' });
    const unsubscribe = nozle.subscribe(() => {});
    nozle.subscribeFeature('export', () => {})();
    unsubscribe();
    expect(nozle.getStatus()).toBe('idle');
  });

  it('reports, rather than throws, a connect() without any WebSocket', async () => {
    const { module } = await importWithoutBrowserGlobals();
    const onError = vi.fn();
    const nozle = module.createNozle({ publishableKey: 'pk_test_1', customerToken: 'tok_1', onError });
    expect(() => nozle.connect()).not.toThrow();
    expect(nozle.getStatus()).toBe('closed');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/no WebSocket/) }));
  });
});
