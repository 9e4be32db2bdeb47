import { cleanup, render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNozle } from '@nozle/browser';
import { NozleProvider } from './NozleProvider.js';
import { useNozleClient } from './useNozleClient.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function ShowKey() {
  return <p>{useNozleClient().options.publishableKey}</p>;
}

describe('<NozleProvider>', () => {
  it('gives its hooks the client it was passed', () => {
    const client = createNozle({ publishableKey: 'pk_test_given' });
    const wrapper = ({ children }: { children: ReactNode }) => <NozleProvider client={client}>{children}</NozleProvider>;

    const { result } = renderHook(() => useNozleClient(), { wrapper });

    expect(result.current).toBe(client);
  });

  it('creates a client from options and keeps it across re-renders', () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <NozleProvider options={{ publishableKey: 'pk_test_created' }}>{children}</NozleProvider>
    );

    const { result, rerender } = renderHook(() => useNozleClient(), { wrapper });
    const first = result.current;
    rerender();

    expect(first.options).toEqual({ publishableKey: 'pk_test_created', baseUrl: 'http://localhost:4000' });
    expect(result.current).toBe(first);
  });

  it('renders its children with the client available', () => {
    render(
      <NozleProvider options={{ publishableKey: 'pk_test_rendered' }}>
        <ShowKey />
      </NozleProvider>,
    );

    expect(screen.getByText('pk_test_rendered')).toBeDefined();
  });

  it('throws the option error when options are invalid', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});

    expect(() => render(<NozleProvider options={{ publishableKey: 'sk_test_secret' }} />)).toThrow(
      /Never ship it to a browser/,
    );
  });

  it('throws a TypeError when given neither client nor options', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const props = {} as { client: ReturnType<typeof createNozle> };

    expect(() => render(<NozleProvider {...props} />)).toThrow(
      new TypeError('Nozle: <NozleProvider> needs a `client` (from createNozle) or an `options` prop.'),
    );
  });
});

describe('useNozleClient()', () => {
  it('throws a clear error outside a <NozleProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});

    expect(() => renderHook(() => useNozleClient())).toThrow(
      'Nozle: useNozleClient() must be used inside a <NozleProvider>. Wrap your app in <NozleProvider client={...}>.',
    );
  });
});
