import { act, render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { memoryRealtime, metered, off, on, snapshot } from '../test/nozle.js';
import { cleanUpAfterEach, wrapperFor } from '../test/provider.js';
import { NozleProvider } from './NozleProvider.js';
import { useCan, type Can } from './useCan.js';

cleanUpAfterEach();

describe('useCan()', () => {
  it('answers from the store with the limit, usage and reset of a metered feature', () => {
    const client = memoryRealtime({ bootstrap: snapshot(1, { exports: metered(7, 10) }) }).client();

    const { result } = renderHook(() => useCan('exports'), { wrapper: wrapperFor(client) });

    expect(result.current).toEqual<Can>({
      allowed: true,
      loading: false,
      reason: null,
      limit: 10,
      used: 7,
      remaining: 3,
      resetsAt: 1_700_086_400,
      value: undefined,
    });
  });

  it('says limit_reached when the quantity is more than what remains', () => {
    const client = memoryRealtime({ bootstrap: snapshot(1, { exports: metered(7, 10) }) }).client();

    const { result } = renderHook(() => useCan('exports', { quantity: 4 }), { wrapper: wrapperFor(client) });

    expect(result.current).toMatchObject({ allowed: false, reason: 'limit_reached', remaining: 3 });
  });

  it('says no_access for a feature the customer lacks and not_found for an unknown one', () => {
    const client = memoryRealtime({ bootstrap: snapshot(1, { sso: off }) }).client();

    const { result } = renderHook(() => [useCan('sso'), useCan('nope')], { wrapper: wrapperFor(client) });

    expect(result.current[0]).toMatchObject({ allowed: false, loading: false, reason: 'no_access' });
    expect(result.current[1]).toMatchObject({ allowed: false, loading: false, reason: 'not_found' });
  });

  it('hands out the value of a config feature', () => {
    const bootstrap = snapshot(1, { theme: { type: 'config', allowed: true, reason: null, source: null, value: { color: 'teal' } } });
    const client = memoryRealtime({ bootstrap }).client();

    const { result } = renderHook(() => useCan('theme'), { wrapper: wrapperFor(client) });

    expect(result.current).toMatchObject({ allowed: true, value: { color: 'teal' } });
  });

  it('is loading until the first snapshot arrives, then answers', async () => {
    const server = memoryRealtime();
    const { result } = renderHook(() => useCan('sso'), { wrapper: wrapperFor(server.client()) });

    expect(result.current).toMatchObject({ allowed: false, loading: true, reason: 'loading' });

    await act(() => server.push(snapshot(1, { sso: on() })));

    expect(result.current).toMatchObject({ allowed: true, loading: false, reason: null });
  });

  it('stops loading when the first snapshot lacks the feature', async () => {
    const server = memoryRealtime();
    const { result } = renderHook(() => useCan('sso'), { wrapper: wrapperFor(server.client()) });

    await act(() => server.push(snapshot(1, {})));

    expect(result.current).toMatchObject({ allowed: false, loading: false, reason: 'not_found' });
  });

  it('re-renders a reader of feature A on a change to A, but not a reader of feature B', async () => {
    const server = memoryRealtime({ bootstrap: snapshot(1, { a: off, b: on() }) });
    const renders = { a: 0, b: 0 };
    function Reader({ feature }: { feature: 'a' | 'b' }) {
      const { allowed } = useCan(feature);
      renders[feature] += 1;
      return <p>{`${feature}:${allowed ? 'yes' : 'no'}`}</p>;
    }
    render(
      <NozleProvider client={server.client()}>
        <Reader feature="a" />
        <Reader feature="b" />
      </NozleProvider>,
    );
    expect(renders).toEqual({ a: 1, b: 1 });

    await act(() => server.push(snapshot(2, { a: on(), b: on() })));

    expect(screen.getByText('a:yes')).toBeDefined();
    expect(renders).toEqual({ a: 2, b: 1 });

    // A new version that leaves both alone re-renders neither, and neither does a change of
    // the connection's status.
    await act(() => server.push(snapshot(3, { a: on(), b: on(), c: on() })));
    await act(async () => (await server.connection()).deliver({ type: 'ready', version: 3 }));

    expect(renders).toEqual({ a: 2, b: 1 });
  });

  it('keeps the same answer object while the feature is unchanged', async () => {
    const server = memoryRealtime({ bootstrap: snapshot(1, { a: on(), b: on() }) });
    const { result, rerender } = renderHook(() => useCan('a'), { wrapper: wrapperFor(server.client()) });
    const first = result.current;

    rerender();
    await act(() => server.push(snapshot(2, { a: on(), b: off })));

    expect(result.current).toBe(first);

    await act(() => server.push(snapshot(3, { a: off, b: off })));

    expect(result.current).not.toBe(first);
    expect(result.current).toMatchObject({ allowed: false, reason: 'no_access' });
  });

  it('follows a change of the feature it is asked about', () => {
    const client = memoryRealtime({ bootstrap: snapshot(1, { a: on(), b: off }) }).client();
    const { result, rerender } = renderHook(({ feature }) => useCan(feature), {
      wrapper: wrapperFor(client),
      initialProps: { feature: 'a' },
    });
    expect(result.current.allowed).toBe(true);

    rerender({ feature: 'b' });

    expect(result.current.allowed).toBe(false);
  });

  it('stops listening when the component unmounts', async () => {
    const server = memoryRealtime({ bootstrap: snapshot(1, { a: off }) });
    let renders = 0;
    const { unmount } = renderHook(
      () => {
        renders += 1;
        return useCan('a');
      },
      { wrapper: wrapperFor(server.client()) },
    );

    unmount();
    await act(() => server.push(snapshot(2, { a: on() })));

    expect(renders).toBe(1);
  });

  it('throws a clear error outside a <NozleProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});

    expect(() => renderHook(() => useCan('a'))).toThrow(
      'Nozle: useCan() must be used inside a <NozleProvider>. Wrap your app in <NozleProvider client={...}>.',
    );
  });
});
