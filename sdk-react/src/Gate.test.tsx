import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeClients, memoryRealtime, metered, off, on, snapshot } from '../test/nozle.js';
import { Gate } from './Gate.js';
import { NozleProvider } from './NozleProvider.js';

afterEach(() => {
  cleanup();
  closeClients();
  vi.restoreAllMocks();
});

function renderGate(server: ReturnType<typeof memoryRealtime>, gate: ReactElement) {
  return render(<NozleProvider options={server.options}>{gate}</NozleProvider>);
}

describe('<Gate>', () => {
  it('renders its children when the feature is allowed', () => {
    renderGate(
      memoryRealtime({ bootstrap: snapshot(1, { sso: on() }) }),
      <Gate feature="sso" fallback={<p>upgrade</p>}>
        <p>sso settings</p>
      </Gate>,
    );

    expect(screen.getByText('sso settings')).toBeDefined();
    expect(screen.queryByText('upgrade')).toBeNull();
  });

  it('renders the fallback when it is not, and nothing without a fallback', () => {
    const { container } = renderGate(
      memoryRealtime({ bootstrap: snapshot(1, { sso: off }) }),
      <>
        <Gate feature="sso" fallback={<p>upgrade</p>}>
          <p>sso settings</p>
        </Gate>
        <Gate feature="sso">
          <p>also hidden</p>
        </Gate>
      </>,
    );

    expect(container.textContent).toBe('upgrade');
  });

  it('flips between children and fallback as the store changes', async () => {
    const server = memoryRealtime({ bootstrap: snapshot(1, { sso: off }) });
    renderGate(
      server,
      <Gate feature="sso" fallback={<p>upgrade</p>}>
        <p>sso settings</p>
      </Gate>,
    );

    await act(() => server.push(snapshot(2, { sso: on() })));
    expect(screen.getByText('sso settings')).toBeDefined();
    expect(screen.queryByText('upgrade')).toBeNull();

    await act(() => server.push(snapshot(3, { sso: { ...off, reason: 'revoked' } })));
    expect(screen.getByText('upgrade')).toBeDefined();
    expect(screen.queryByText('sso settings')).toBeNull();
  });

  it('gates a metered feature on the quantity', () => {
    const { container } = renderGate(
      memoryRealtime({ bootstrap: snapshot(1, { seats: metered(4, 5) }) }),
      <>
        <Gate feature="seats" fallback={<p>no room for 2</p>} quantity={2}>
          <p>add 2</p>
        </Gate>
        <Gate feature="seats" fallback={<p>no room for 1</p>}>
          <p>add 1</p>
        </Gate>
      </>,
    );

    expect(container.textContent).toBe('no room for 2add 1');
  });

  it('renders its loading content, not the fallback, until the first snapshot', async () => {
    const server = memoryRealtime();
    const { container } = renderGate(
      server,
      <>
        <Gate feature="sso" fallback={<p>upgrade</p>} loading={<p>checking…</p>}>
          <p>sso settings</p>
        </Gate>
        <Gate feature="sso" fallback={<p>upgrade 2</p>}>
          <p>sso settings 2</p>
        </Gate>
      </>,
    );
    expect(container.textContent).toBe('checking…');

    await act(() => server.push(snapshot(1, { sso: on() })));

    expect(container.textContent).toBe('sso settingssso settings 2');
  });

  it('renders the fallback, not endless loading, for a customer the server does not know (4404)', async () => {
    const server = memoryRealtime();
    const { container } = renderGate(
      server,
      <Gate feature="sso" fallback={<p>upgrade</p>} loading={<p>checking…</p>}>
        <p>sso settings</p>
      </Gate>,
    );
    expect(container.textContent).toBe('checking…');

    await act(async () => (await server.connection()).drop(4404));

    expect(container.textContent).toBe('upgrade');
  });

  it('renders the fallback once the server stays silent past timeoutMs (failing closed), children when failing open', async () => {
    const closed = memoryRealtime({ timeoutMs: 20 });
    const open = memoryRealtime({ timeoutMs: 20, failureMode: 'failOpen' });
    const gate = (
      <Gate feature="sso" fallback={<p>upgrade</p>} loading={<p>checking…</p>}>
        <p>sso settings</p>
      </Gate>
    );
    const first = renderGate(closed, gate);
    const second = renderGate(open, gate);
    expect(first.container.textContent).toBe('checking…');

    await waitFor(() => expect(first.container.textContent).toBe('upgrade'));
    await waitFor(() => expect(second.container.textContent).toBe('sso settings'));
  });

  it('takes a failureMode of its own over the client’s', async () => {
    const { container } = renderGate(
      memoryRealtime({ timeoutMs: 20 }),
      <Gate feature="sso" failureMode="failOpen" fallback={<p>upgrade</p>} loading={<p>checking…</p>}>
        <p>sso settings</p>
      </Gate>,
    );
    await waitFor(() => expect(container.textContent).toBe('sso settings'));
  });

  it('throws a clear error outside a <NozleProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});

    expect(() => render(<Gate feature="sso" />)).toThrow('Nozle: <Gate> must be used inside a <NozleProvider>.');
  });
});
