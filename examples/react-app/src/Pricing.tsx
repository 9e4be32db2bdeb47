// The pricing page, built from the project's plans (the backend lists them with @nozle/node).
import { useEffect, useState } from 'react';
import { Checkout, useEntitlements } from '@nozle/react';
import { getPlans, type PlanSummary } from './api.js';
import { checkoutReturnUrls } from './checkout-return.js';
import { currentPlans } from './current-plan.js';

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: amount % 100 === 0 ? 0 : 2 }).format(amount / 100);

function describe(term: PlanSummary['entitlements'][number], names: Record<string, string>): string {
  const name = names[term.feature] ?? term.feature;
  if (term.limit === undefined) return name;
  return term.limit === null ? `Unlimited ${name.toLowerCase()}` : `${term.limit} ${name.toLowerCase()} per ${term.reset ?? 'period'}`;
}

export function Pricing() {
  const [catalog, setCatalog] = useState<{ plans: PlanSummary[]; features: Record<string, string> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = currentPlans(useEntitlements());

  useEffect(() => {
    getPlans().then(setCatalog, (reason: unknown) => setError(String(reason)));
  }, []);

  return (
    <section aria-labelledby="pricing-title">
      <h2 id="pricing-title">Pricing</h2>
      {error && <p role="alert">{error}</p>}
      {!catalog && !error && <p>Loading plans…</p>}
      <div className="plans">
        {catalog?.plans.map((plan) => (
          <article key={plan.key} aria-label={`${plan.name} plan`} data-testid={`plan-${plan.key}`}>
            <h3>{plan.name}</h3>
            <p className="price">
              {money(plan.base_price, plan.currency)} / {plan.interval}
            </p>
            <ul>
              {plan.entitlements
                .filter((term) => term.enabled !== false)
                .map((term) => (
                  <li key={term.feature}>{describe(term, catalog.features)}</li>
                ))}
            </ul>
            {current.includes(plan.key) ? (
              <p className="current">Current plan</p>
            ) : plan.base_price > 0 ? (
              <Checkout plan={plan.key} {...checkoutReturnUrls()}>
                Choose {plan.name}
              </Checkout>
            ) : null}
          </article>
        ))}
      </div>
    </section>
  );
}
