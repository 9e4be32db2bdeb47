// The app's bar: who is signed in, the plan, whether updates are live, and the billing portal.
import { useState } from 'react';
import { useCustomer, useEntitlements, useNozleClient } from '@nozle/react';
import { currentPlans } from './current-plan.js';

export function Header({ customer }: { customer: string }) {
  const plans = currentPlans(useEntitlements());
  const { status } = useCustomer();
  const client = useNozleClient();
  const [error, setError] = useState<string | null>(null);

  const openPortal = async () => {
    setError(null);
    try {
      const { url } = await client.openPortal({ returnUrl: window.location.href });
      window.location.assign(url);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    }
  };

  return (
    <header>
      <h1>Nozle Notes</h1>
      <p>
        Signed in as <strong>{customer}</strong> · Plan: <strong data-testid="current-plan">{plans.join(', ') || '—'}</strong> ·{' '}
        <span data-testid="connection" data-status={status}>
          {status === 'open' ? 'live' : status}
        </span>
      </p>
      <button type="button" onClick={openPortal}>
        Manage billing
      </button>
      {error && <p role="alert">Could not open the billing portal: {error}</p>}
    </header>
  );
}
