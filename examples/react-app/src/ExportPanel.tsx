// A Pro feature behind <Gate>: the fallback offers the upgrade, and the panel opens by itself
// when the payment lands (the snapshot arrives over the WebSocket; no reload).
import { Checkout, Gate } from '@nozle/react';
import { checkoutReturnUrls } from './checkout-return.js';

/** `welcome`: the customer just came back from a paid checkout (said once, not on a reload). */
export function ExportPanel({ welcome }: { welcome: boolean }) {
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <Gate
        feature="export"
        loading={<p>Loading…</p>}
        fallback={
          <div data-testid="export-locked">
            <p>Export your messages as Markdown with Pro.</p>
            <Checkout plan="pro" {...checkoutReturnUrls()}>
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
