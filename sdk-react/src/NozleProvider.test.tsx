import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { createNozle, type NozleBrowserClient } from '@nozle/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeClients, memoryRealtime, MemorySocket, on, snapshot } from '../test/nozle.js';
import { NozleProvider } from './NozleProvider.js';
import { useNozleClient } from './useNozleClient.js';

afterEach(() => {
  cleanup();
  closeClients();
  vi.restoreAllMocks();
});

function ShowKey() {
  return <p>{useNozleClient().options.publishableKey}</p>;
}

/** Renders under a provider and hands out its client, with its status during the first render. */
function renderProvider(element: (children: ReactNode) => ReactNode) {
  const seen: { client?: NozleBrowserClient; statusInRender?: string } = {};
  function Spy() {
    const client = useNozleClient();
    seen.client ??= client;
    seen.statusInRender ??= client.getStatus();
    return null;
  }
  const view = render(element(<Spy />));
  return { ...view, seen: seen as Required<typeof seen> };
}

describe('<NozleProvider>', () => {
  it('gives its hooks the client it was passed', () => {
    const client = createNozle({ publishableKey: 'pk_test_given' });
    const wrapper = ({ children }: { children: ReactNode }) => <NozleProvider client={client}>{children}</NozleProvider>;

    const { result } = renderHook(() => useNozleClient(), { wrapper });

    expect(result.current).toBe(client);
  });

  it('creates a client from options and keeps it across re-renders', () => {
    const wrapper = ({ children }: { children: ReactNode }) => <NozleProvider options={{ publishableKey: 'pk_test_created' }}>{children}</NozleProvider>;

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

  it('connects the client it created after rendering, and closes it on unmount', async () => {
    const server = memoryRealtime({ bootstrap: snapshot(3, { sso: on() }) });
    const { seen, unmount } = renderProvider((children) => <NozleProvider options={server.options}>{children}</NozleProvider>);

    expect(seen.statusInRender).toBe('idle');
    const socket = await server.connection();
    expect(socket.received[0]).toEqual({ type: 'hello', key: 'pk_test_react', token: 'ct_test', version: 3 });

    unmount();

    expect(seen.client.getStatus()).toBe('closed');
    expect(socket.readyState).toBe(MemorySocket.CLOSED);
  });

  it('connects once and stays connected under StrictMode', async () => {
    const server = memoryRealtime();
    const { seen } = renderProvider((children) => (
      <StrictMode>
        <NozleProvider options={server.options}>{children}</NozleProvider>
      </StrictMode>
    ));

    await act(() => server.push(snapshot(1, {})));

    expect(seen.client.getStatus()).toBe('open');
    expect(server.sockets.filter((socket) => socket.readyState === MemorySocket.OPEN)).toHaveLength(1);
  });

  it('does not connect a client it created without a customer token, or with autoConnect: false', async () => {
    const tokenless = memoryRealtime({ customerToken: undefined });
    const manual = memoryRealtime({ autoConnect: false });
    const onError = vi.fn();
    const views = [
      renderProvider((children) => <NozleProvider options={{ ...tokenless.options, onError }}>{children}</NozleProvider>),
      renderProvider((children) => <NozleProvider options={manual.options}>{children}</NozleProvider>),
    ];
    await act(async () => {});

    expect(views.map(({ seen }) => seen.client.getStatus())).toEqual(['idle', 'idle']);
    expect([...tokenless.sockets, ...manual.sockets]).toEqual([]);
    expect(onError).not.toHaveBeenCalled();
  });

  it('neither connects nor closes a client it was passed', async () => {
    const server = memoryRealtime({ autoConnect: false });
    const client = server.client();
    const { unmount } = render(<NozleProvider client={client}>{null}</NozleProvider>);
    await act(async () => {});

    expect(client.getStatus()).toBe('idle');

    client.connect();
    await server.connection();
    unmount();

    expect(client.getStatus()).toBe('connecting');
  });

  it('throws the option error when options are invalid', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});

    expect(() => render(<NozleProvider options={{ publishableKey: 'sk_test_secret' }} />)).toThrow(/Never ship it to a browser/);
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
