import { describe, expect, it } from 'vitest';
import { invoiceAction, type InvoiceAction } from './invoice-actions.js';

type Status = 'draft' | 'open' | 'paid' | 'uncollectible' | 'void';

// [action, status, resulting status or the refusal's code]
const cases: Array<[InvoiceAction, Status, string]> = [
  ['pay', 'open', 'paid'],
  ['pay', 'uncollectible', 'paid'],
  ['pay', 'draft', 'invoice_not_payable'],
  ['pay', 'paid', 'invoice_not_payable'],
  ['pay', 'void', 'invoice_not_payable'],
  ['void', 'open', 'void'],
  ['void', 'uncollectible', 'void'],
  ['void', 'draft', 'invoice_not_voidable'],
  ['void', 'paid', 'invoice_not_voidable'],
  ['void', 'void', 'invoice_not_voidable'],
  ['mark_uncollectible', 'open', 'uncollectible'],
  ['mark_uncollectible', 'uncollectible', 'invoice_not_open'],
  ['mark_uncollectible', 'draft', 'invoice_not_open'],
  ['mark_uncollectible', 'paid', 'invoice_not_open'],
  ['mark_uncollectible', 'void', 'invoice_not_open'],
];

describe('invoiceAction', () => {
  it.each(cases)('%s on a %s invoice gives %s', (action, status, expected) => {
    const verdict = invoiceAction(action, { status, provider: null });
    expect(verdict.ok ? verdict.to : verdict.code).toBe(expected);
  });

  it.each<InvoiceAction>(['pay', 'void', 'mark_uncollectible'])('refuses %s on an invoice a provider collects, naming the provider', (action) => {
    const verdict = invoiceAction(action, { status: 'open', provider: 'stripe' });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toContain('stripe');
  });

  it('names the status it found and the ones allowed', () => {
    const verdict = invoiceAction('pay', { status: 'void', provider: null });
    expect(verdict.ok ? '' : verdict.message).toBe("Only an 'open' or 'uncollectible' invoice can be paid; this one is 'void'.");
  });
});
