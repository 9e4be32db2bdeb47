// Loads who the user is from the backend, then hands Nozle's client to everything below.
import { useEffect, useState } from 'react';
import { NozleProvider } from '@nozle/react';
import { getCustomerToken, getSession, type Session } from './api.js';
import { CheckoutCanceled } from './CheckoutCanceled.js';
import type { CheckoutReturn } from './checkout-return.js';
import { Header } from './Header.js';
import { Messages } from './Messages.js';
import { ExportPanel } from './ExportPanel.js';
import { Pricing } from './Pricing.js';

export function App({ checkoutReturn }: { checkoutReturn: CheckoutReturn }) {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    getSession().then(setSession, (reason: unknown) => setError(String(reason)));
  }, []);

  if (error) return <p role="alert">Could not reach the backend: {error}</p>;
  if (!session) return <p>Loading…</p>;
  return (
    <NozleProvider
      options={{
        publishableKey: session.nozle.publishableKey,
        baseUrl: session.nozle.baseUrl,
        // The first connection uses the token that came with the session; later ones ask again.
        customerToken: session.token,
        getCustomerToken,
      }}
    >
      <Header customer={session.customer} />
      <main>
        {checkoutReturn === 'canceled' && <CheckoutCanceled />}
        <Messages />
        <ExportPanel welcome={checkoutReturn === 'success'} />
        <Pricing />
      </main>
    </NozleProvider>
  );
}
