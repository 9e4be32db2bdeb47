import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CUSTOMER, memoryRealtime, on, snapshot } from '../test/nozle.js';
import { cleanUpAfterEach, wrapperFor } from '../test/provider.js';
import { useCustomer } from './useCustomer.js';

cleanUpAfterEach();

describe('useCustomer()', () => {
  it('reports the customer, the version and the connection status as they change', async () => {
    const server = memoryRealtime();
    const client = server.client();
    const { result } = renderHook(() => useCustomer(), { wrapper: wrapperFor(client) });
    // The hook's subscription made the client connect (autoConnect): it waits for the server.
    expect(result.current).toEqual({ customerId: null, version: null, status: 'connecting' });

    await act(() => server.push(snapshot(4, { sso: on() })));
    expect(result.current).toEqual({ customerId: CUSTOMER, version: 4, status: 'open' });

    act(() => client.close());
    expect(result.current).toEqual({ customerId: CUSTOMER, version: 4, status: 'closed' });
  });

  it('is idle, with the bootstrap customer and version, before any connection', () => {
    const client = memoryRealtime({ bootstrap: snapshot(2, {}), autoConnect: false }).client();

    const { result } = renderHook(() => useCustomer(), { wrapper: wrapperFor(client) });

    expect(result.current).toEqual({ customerId: CUSTOMER, version: 2, status: 'idle' });
  });

  it('keeps the same object while nothing it reports changes', async () => {
    const server = memoryRealtime({ bootstrap: snapshot(1, { sso: on() }) });
    const { result, rerender } = renderHook(() => useCustomer(), { wrapper: wrapperFor(server.client()) });
    await act(() => server.push(snapshot(2, { sso: on() })));
    const current = result.current;

    rerender();

    expect(result.current).toBe(current);
  });

  it('throws a clear error outside a <NozleProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});

    expect(() => renderHook(() => useCustomer())).toThrow('Nozle: useCustomer() must be used inside a <NozleProvider>.');
  });
});
