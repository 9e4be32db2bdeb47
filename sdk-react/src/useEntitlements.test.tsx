import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CUSTOMER, memoryRealtime, off, on, snapshot } from '../test/nozle.js';
import { cleanUpAfterEach, wrapperFor } from '../test/provider.js';
import { useEntitlements } from './useEntitlements.js';

cleanUpAfterEach();

describe('useEntitlements()', () => {
  it('returns null before the first snapshot, then every new version', async () => {
    const server = memoryRealtime();
    const client = server.client();
    const { result } = renderHook(() => useEntitlements(), { wrapper: wrapperFor(client) });
    expect(result.current).toBeNull();

    await act(() => server.push(snapshot(1, { sso: off })));
    expect(result.current).toBe(client.getSnapshot());
    expect(result.current).toMatchObject({ customer: CUSTOMER, version: 1 });

    await act(() => server.push(snapshot(2, { sso: off })));
    expect(result.current?.version).toBe(2);
  });

  it('does not re-render on a change of the connection status alone', async () => {
    const server = memoryRealtime({ bootstrap: snapshot(1, { sso: on() }) });
    let renders = 0;
    renderHook(
      () => {
        renders += 1;
        return useEntitlements();
      },
      { wrapper: wrapperFor(server.client()) },
    );

    await act(async () => (await server.connection()).deliver({ type: 'ready', version: 1 }));

    expect(renders).toBe(1);
  });

  it('throws a clear error outside a <NozleProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});

    expect(() => renderHook(() => useEntitlements())).toThrow('Nozle: useEntitlements() must be used inside a <NozleProvider>.');
  });
});
