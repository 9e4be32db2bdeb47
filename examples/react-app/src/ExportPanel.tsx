// A Pro feature behind <Gate>: the fallback offers the upgrade, and the panel opens by itself
// when the payment lands (the snapshot arrives over the WebSocket; no reload).
import { Checkout, Gate } from '@nozle/react';

export function ExportPanel() {
  // The checkout page sends the customer back here with this marker once they paid.
  const welcome = new URLSearchParams(window.location.search).get('checkout') === 'success';
  const back = `${window.location.origin}/`;
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <Gate
        feature="export"
        loading={<p>Loading…</p>}
        fallback={
          <div data-testid="export-locked">
            <p>Export your messages as Markdown with Pro.</p>
            <Checkout plan="pro" successUrl={`${back}?checkout=success`} cancelUrl={`${back}?checkout=canceled`}>
              Upgrade to Pro to export
            </Checkout>
          </div>
        }
      >
        <div data-testid="export-unlocked">
          {welcome && <p role="status">Welcome to Pro! Export is unlocked.</p>}
          <a href="/api/export" download>
            Export messages
          </a>
        </div>
      </Gate>
    </section>
  );
}
