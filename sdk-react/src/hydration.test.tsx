// The browser's first render must match the server's HTML: both answer from the same
// bootstrap snapshot, so hydration finds no mismatch and the page then follows the store.
import { act, cleanup } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeClients, memoryRealtime, off, on, snapshot } from '../test/nozle.js';
import { Gate } from './Gate.js';
import { NozleProvider } from './NozleProvider.js';

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  cleanup();
  closeClients();
  vi.restoreAllMocks();
});

describe('hydration', () => {
  it('hydrates server HTML rendered from the bootstrap without a mismatch, then follows the store', async () => {
    const server = memoryRealtime({ bootstrap: snapshot(1, { sso: off }) });
    const app = (
      <NozleProvider options={server.options}>
        <Gate feature="sso" fallback={<p>upgrade</p>}>
          <p>sso settings</p>
        </Gate>
      </NozleProvider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(app);
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');
    const recoverable = vi.fn();

    await act(async () => {
      root = hydrateRoot(container, app, { onRecoverableError: recoverable });
    });

    expect(container.innerHTML).toBe('<p>upgrade</p>');
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();

    await act(() => server.push(snapshot(2, { sso: on() })));

    expect(container.innerHTML).toBe('<p>sso settings</p>');
    container.remove();
  });
});
