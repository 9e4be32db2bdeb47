import { act, renderHook } from '@testing-library/react';
import type { ReachedAlert } from '@nozle/browser';
import { describe, expect, it, vi } from 'vitest';
import { memoryRealtime, metered, snapshot } from '../test/nozle.js';
import { cleanUpAfterEach, wrapperFor } from '../test/provider.js';
import { useAlerts } from './useAlerts.js';

cleanUpAfterEach();

const FAR = 4_000_000_000; // a period end far ahead of the test's clock
const usageAlert = (feature: string): ReachedAlert => ({
  alert: `alr_${feature}`,
  type: 'usage',
  feature,
  percent: 80,
  threshold: 80,
  value: 81,
  reached_at: 1_700_000_000,
  period_start: 1_697_408_000,
  period_end: FAR,
});

describe('useAlerts()', () => {
  it('is empty before any alert, then shows one as soon as a snapshot carries it', async () => {
    const server = memoryRealtime();
    const { result } = renderHook(() => useAlerts(), { wrapper: wrapperFor(server.client()) });
    expect(result.current).toEqual([]);

    await act(() => server.push(snapshot(1, { messages: metered(50, 100) })));
    expect(result.current).toEqual([]);
    await act(() => server.push({ ...snapshot(2, { messages: metered(81, 100) }), alerts: [usageAlert('messages')] }));
    expect(result.current).toEqual([usageAlert('messages')]);
  });

  it('filters by feature, and does not re-render on a snapshot that leaves the alerts alone', async () => {
    const server = memoryRealtime();
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        return useAlerts('messages');
      },
      { wrapper: wrapperFor(server.client()) },
    );
    await act(() => server.push({ ...snapshot(1, { messages: metered(81, 100) }), alerts: [usageAlert('messages'), usageAlert('seats')] }));
    expect(result.current.map((alert) => alert.feature)).toEqual(['messages']);
    const held = result.current;
    const before = renders;

    await act(() => server.push({ ...snapshot(2, { messages: metered(90, 100) }), alerts: [usageAlert('messages'), usageAlert('seats')] }));
    expect(renders).toBe(before);
    expect(result.current).toBe(held);
  });

  it('throws a clear error outside a <NozleProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useAlerts())).toThrow('Nozle: useAlerts() must be used inside a <NozleProvider>.');
  });
});
