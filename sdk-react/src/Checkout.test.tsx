import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { NozleInvalidRequestError } from '@nozle/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeClients, memoryRealtime, off, on, snapshot } from '../test/nozle.js';
import { Checkout } from './Checkout.js';
import { NozleProvider } from './NozleProvider.js';

afterEach(() => {
  cleanup();
  closeClients();
  vi.restoreAllMocks();
  window.sessionStorage.clear();
});

const button = () => screen.getByRole<HTMLButtonElement>('button');

describe('<Checkout>', () => {
  it('starts a checkout for the plan and sends the browser to its url', async () => {
    const server = memoryRealtime({ bootstrap: snapshot(1, { sso: off }) });
    const navigate = vi.fn();
    const onStart = vi.fn();
    render(
      <NozleProvider options={server.options}>
        <Checkout plan="pro" successUrl="https://app.example.com/ok" cancelUrl="https://app.example.com/no" navigate={navigate} onStart={onStart}>
          Upgrade
        </Checkout>
      </NozleProvider>,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Upgrade' }));

    expect(onStart).toHaveBeenCalledOnce();
    await waitFor(() => expect(navigate).toHaveBeenCalledExactlyOnceWith('https://pay.example.com/c/pro'));
    expect(server.fetch).toHaveBeenCalledOnce();
    const request = server.fetch.mock.calls[0]![0] as Request;
    expect(request.url).toBe('https://api.example.com/v1/checkout/sessions');
    expect(await request.json()).toEqual({
      plan: 'pro',
      success_url: 'https://app.example.com/ok',
      cancel_url: 'https://app.example.com/no',
    });
  });

  it('is disabled while the checkout starts, so a second click starts nothing', async () => {
    const server = memoryRealtime({ bootstrap: snapshot(1, {}) });
    let answer!: (response: Response) => void;
    server.fetch.mockImplementationOnce(() => new Promise<Response>((resolve) => (answer = resolve)));
    const navigate = vi.fn();
    render(
      <NozleProvider options={server.options}>
        <Checkout plan="pro" label="Go Pro" navigate={navigate} />
      </NozleProvider>,
    );
    expect(button().textContent).toBe('Go Pro');

    fireEvent.click(button());
    fireEvent.click(button());

    expect(button().disabled).toBe(true);
    expect(button().getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(server.fetch).toHaveBeenCalledOnce());

    await act(async () => answer(Response.json({ id: 'cs_2', url: 'https://pay.example.com/c/x' })));
    expect(navigate).toHaveBeenCalledExactlyOnceWith('https://pay.example.com/c/x');
    expect(server.fetch).toHaveBeenCalledOnce();
  });

  it('reports a refused start to onError and enables the button again', async () => {
    const server = memoryRealtime({ bootstrap: snapshot(1, {}) });
    server.fetch.mockResolvedValueOnce(
      Response.json(
        { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such plan: nope', param: 'plan', request_id: 'req_1' } },
        { status: 404 },
      ),
    );
    const onError = vi.fn();
    const navigate = vi.fn();
    render(
      <NozleProvider options={server.options}>
        <Checkout plan="nope" onError={onError} navigate={navigate} />
      </NozleProvider>,
    );

    fireEvent.click(button());

    await waitFor(() => expect(onError).toHaveBeenCalledOnce());
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(NozleInvalidRequestError);
    expect(button().disabled).toBe(false);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('lets an onClick cancel the checkout', () => {
    const server = memoryRealtime({ bootstrap: snapshot(1, {}) });
    render(
      <NozleProvider options={server.options}>
        <Checkout plan="pro" onClick={(event) => event.preventDefault()} navigate={vi.fn()} />
      </NozleProvider>,
    );

    fireEvent.click(button());

    expect(button().disabled).toBe(false);
    expect(server.fetch).not.toHaveBeenCalled();
  });

  it('calls onComplete with the snapshot once the plan shows up active after a checkout', async () => {
    const server = memoryRealtime({ bootstrap: snapshot(1, { sso: off }) });
    const client = server.client();
    const onComplete = vi.fn();
    const navigate = vi.fn();
    render(
      <NozleProvider client={client}>
        <Checkout plan="pro" navigate={navigate} onComplete={onComplete} />
      </NozleProvider>,
    );
    fireEvent.click(button());
    await waitFor(() => expect(navigate).toHaveBeenCalled());

    // A version without the plan (another plan's feature) does not complete it.
    await act(() => server.push(snapshot(2, { sso: off, api: on('starter') })));
    expect(onComplete).not.toHaveBeenCalled();

    await act(() => server.push(snapshot(3, { sso: on('pro') })));
    expect(onComplete).toHaveBeenCalledExactlyOnceWith(client.getSnapshot());
    expect(button().disabled).toBe(false);

    await act(() => server.push(snapshot(4, { sso: on('pro'), api: on('pro') })));
    expect(onComplete).toHaveBeenCalledOnce();
  });

  it('calls onComplete on the page the checkout comes back to, when its first snapshot has the plan', async () => {
    // The page that leaves for the checkout page...
    const leaving = memoryRealtime({ bootstrap: snapshot(1, { sso: off }) });
    const navigate = vi.fn();
    const first = render(
      <NozleProvider options={leaving.options}>
        <Checkout plan="pro" navigate={navigate} />
      </NozleProvider>,
    );
    fireEvent.click(button());
    await waitFor(() => expect(navigate).toHaveBeenCalled());
    first.unmount();

    // ...and the success page, whose first snapshot already has the plan.
    const back = memoryRealtime();
    const onComplete = vi.fn();
    render(
      <StrictMode>
        <NozleProvider options={back.options}>
          <Checkout plan="pro" onComplete={onComplete} />
        </NozleProvider>
      </StrictMode>,
    );
    await act(() => back.push(snapshot(2, { sso: on('pro') })));

    expect(onComplete).toHaveBeenCalledOnce();
  });

  it('calls onComplete when the plan becomes active while mounted, but not for a plan the customer already had', async () => {
    const becoming = memoryRealtime({ bootstrap: snapshot(1, { sso: off }) });
    const already = memoryRealtime({ bootstrap: snapshot(1, { sso: on('pro') }) });
    const onComplete = vi.fn();
    const onAlready = vi.fn();
    render(
      <>
        <NozleProvider options={becoming.options}>
          <Checkout plan="pro" onComplete={onComplete} />
        </NozleProvider>
        <NozleProvider options={already.options}>
          <Checkout plan="pro" onComplete={onAlready} />
        </NozleProvider>
      </>,
    );

    await act(() => becoming.push(snapshot(2, { sso: on('pro') })));
    await act(() => already.push(snapshot(2, { sso: on('pro'), api: on('pro') })));

    expect(onComplete).toHaveBeenCalledOnce();
    expect(onAlready).not.toHaveBeenCalled();
  });

  it('throws a clear error outside a <NozleProvider>', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});

    expect(() => render(<Checkout plan="pro" />)).toThrow('Nozle: <Checkout> must be used inside a <NozleProvider>.');
  });
});
