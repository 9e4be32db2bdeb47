// What an API action may do to an invoice, by its status, as Stripe allows it. Pure.
//
// pay: open or uncollectible → paid. void: open or uncollectible → void (final).
// mark_uncollectible: open → uncollectible. An invoice sent to a payment provider is collected
// there (its `paid` comes from the provider), so none of them applies to it.
import type { components } from '@nozle/openapi';

type InvoiceStatus = components['schemas']['InvoiceStatus'];
export type InvoiceAction = 'pay' | 'void' | 'mark_uncollectible';
/** The statuses an action leads to. */
export type ActedStatus = Extract<InvoiceStatus, 'paid' | 'void' | 'uncollectible'>;

type Verdict = { ok: true; to: ActedStatus } | { ok: false; code: string; message: string };

const RULES: Record<InvoiceAction, { from: readonly InvoiceStatus[]; to: ActedStatus; code: string; verb: string }> = {
  pay: { from: ['open', 'uncollectible'], to: 'paid', code: 'invoice_not_payable', verb: 'paid' },
  void: { from: ['open', 'uncollectible'], to: 'void', code: 'invoice_not_voidable', verb: 'voided' },
  mark_uncollectible: { from: ['open'], to: 'uncollectible', code: 'invoice_not_open', verb: 'marked uncollectible' },
};

export function invoiceAction(action: InvoiceAction, invoice: { status: InvoiceStatus; provider: string | null }): Verdict {
  const rule = RULES[action];
  if (invoice.provider !== null) {
    return { ok: false, code: rule.code, message: `This invoice was sent to ${invoice.provider}, which collects it: it cannot be ${rule.verb} here.` };
  }
  if (!rule.from.includes(invoice.status)) {
    const allowed = rule.from.map((status) => `'${status}'`).join(' or ');
    return { ok: false, code: rule.code, message: `Only an ${allowed} invoice can be ${rule.verb}; this one is '${invoice.status}'.` };
  }
  return { ok: true, to: rule.to };
}
