// An invoice as a document: what its PDF and its hosted page show, in the order they show it,
// every value already worded and formatted. Both renderings (invoice-pdf.ts, invoice-page.ts)
// only lay this out, so they cannot show different things. Pure.
import { utc } from '@date-fns/utc';
import type { components } from '@nozle/openapi';
import { format } from 'date-fns';
import { formatMoney, formatQuantity } from './money.js';
import { formatPercentage } from './taxes.js';

type Invoice = components['schemas']['Invoice'];
type InvoiceLine = components['schemas']['InvoiceLine'];
type InvoiceSettings = components['schemas']['InvoiceSettings'];
type TaxAmount = components['schemas']['TaxAmount'];
type CustomerTaxId = components['schemas']['CustomerTaxId'];

interface DocumentParty {
  name: string;
  /** Address lines, email, ids: each its own line. */
  details: string[];
}

interface DocumentLine {
  description: string;
  /** The time the line covers. */
  period: string;
  /** What explains the amount: the quantity, free units, each tier, an adjustment, a proration, a credit's grant. */
  details: string[];
  amount: string;
}

interface DocumentRow {
  label: string;
  value: string;
}

export interface InvoiceDocument {
  /** "Invoice ACME-0007", or "Draft invoice" before it has a number. */
  title: string;
  status: Invoice['status'];
  /** The status as stamped on the document: DRAFT, OPEN, PAID, VOID, UNCOLLECTIBLE. */
  statusLabel: string;
  /** What the status means for the reader. */
  statusNote: string;
  seller: DocumentParty;
  customer: DocumentParty;
  /** Number, dates, currency. */
  facts: DocumentRow[];
  lines: DocumentLine[];
  /** Subtotal, discount, each tax, credits, total, paid, due: the last one is what the reader owes. */
  totals: DocumentRow[];
  /** What the reader must know beside the figures ("Reverse charge…"). */
  notes: string[];
}

/** What a document says of a tax rate an invoice used (an archived rate still names its taxes). */
interface DocumentTaxRate {
  id: string;
  display_name: string;
  percentage: number;
  inclusive: boolean;
  jurisdiction: string | null;
}

export interface DocumentInput {
  invoice: Invoice;
  project: { name: string; invoice_settings: InvoiceSettings };
  customer: { id: string; name: string | null; email: string | null; external_id: string | null; tax_ids?: CustomerTaxId[] };
  /** The rates the invoice's taxes name; a rate not given shows by its id. */
  taxRates?: DocumentTaxRate[];
}

const day = (seconds: number) => format(new Date(seconds * 1000), 'd MMM yyyy', { in: utc });
const period = (start: number, end: number) => `${day(start)} – ${day(end)}`;

function seller({ name, invoice_settings: s }: DocumentInput['project']): DocumentParty {
  const details = [...(s.address ?? '').split(/\r?\n/), s.email ?? '', s.tax_id ? `Tax ID: ${s.tax_id}` : ''];
  return { name: s.business_name ?? name, details: details.map((line) => line.trim()).filter(Boolean) };
}

function customer(c: DocumentInput['customer']): DocumentParty {
  const details = [
    c.name ? c.email : null,
    c.external_id ? `Customer ID: ${c.external_id}` : `Customer: ${c.id}`,
    ...(c.tax_ids ?? []).map((id) => `Tax ID (${id.type}): ${id.value}`),
  ];
  return { name: c.name ?? c.email ?? c.external_id ?? c.id, details: details.filter((line): line is string => Boolean(line)) };
}

const STATUS_NOTES: Record<Invoice['status'], (invoice: Invoice, money: (minor: number) => string) => string> = {
  draft: () => 'Not yet finalized: this invoice has no number and cannot be paid yet.',
  open: (i, money) => (i.due_date ? `${money(i.total)} due ${day(i.due_date)}.` : `${money(i.total)} due.`),
  paid: (i, money) => `${money(i.total)} paid${i.paid_at ? ` on ${day(i.paid_at)}` : ''}. Thank you.`,
  void: (i) => `Void${i.voided_at ? ` since ${day(i.voided_at)}` : ''}: nothing is owed.`,
  uncollectible: (i, money) =>
    `Marked uncollectible${i.marked_uncollectible_at ? ` on ${day(i.marked_uncollectible_at)}` : ''}; ${money(i.total)} is still owed.`,
};

function facts(invoice: Invoice): DocumentRow[] {
  const rows: Array<DocumentRow | null> = [
    { label: 'Invoice number', value: invoice.number ?? 'Draft (numbered when finalized)' },
    { label: 'Date of issue', value: day(invoice.finalized_at ?? invoice.created) },
    { label: 'Billing period', value: period(invoice.period_start, invoice.period_end) },
    invoice.due_date ? { label: 'Due date', value: day(invoice.due_date) } : null,
    invoice.paid_at ? { label: 'Paid on', value: day(invoice.paid_at) } : null,
    invoice.voided_at ? { label: 'Voided on', value: day(invoice.voided_at) } : null,
    { label: 'Plan', value: `${invoice.plan} (version ${invoice.plan_version})${invoice.trial ? ', trial period' : ''}` },
    { label: 'Currency', value: invoice.currency.toUpperCase() },
  ];
  return rows.filter((row): row is DocumentRow => row !== null);
}

/** The arithmetic behind a line's amount, one step per detail. */
function lineDetails(line: InvoiceLine, money: (minor: string | number) => string): string[] {
  switch (line.type) {
    case 'base_fee':
      return ['Plan fee for the period'];
    case 'proration':
      return [`Prorated for ${period(line.period_start, line.period_end)}`];
    case 'credit':
      return [line.credit_grant ? `Prepaid credit drawn from grant ${line.credit_grant}` : 'Prepaid credit'];
    case 'usage': {
      const details = [`Usage: ${formatQuantity(line.quantity)}${line.meter ? ` (${line.meter})` : ''}`];
      if (line.free_quantity !== '0') details.push(`Free: ${formatQuantity(line.free_quantity)}`);
      for (const part of line.tiers) {
        const head = part.tier === null ? '' : `Tier ${part.tier + 1}: `;
        const flat = part.flat_amount !== '0' ? ` + ${money(part.flat_amount)} flat` : '';
        details.push(`${head}${formatQuantity(part.quantity)} × ${money(part.unit_amount)}${flat} = ${money(part.amount)}`);
      }
      if (line.adjustment) {
        const sign = line.adjustment.amount.startsWith('-') ? '' : '+';
        details.push(`${line.adjustment.reason === 'minimum' ? 'Minimum spend' : 'Maximum spend'} adjustment: ${sign}${money(line.adjustment.amount)}`);
      }
      if (line.exact_amount !== String(line.amount)) details.push(`Exact amount ${money(line.exact_amount)}, rounded to ${money(line.amount)}`);
      return details;
    }
  }
}

type TaxLabel = (tax: TaxAmount) => string;

/** "VAT 19%", "TVA 20% (included)": a tax as its rate names it, for a line or the totals. */
function taxLabeller(rates: readonly DocumentTaxRate[]): TaxLabel {
  const byId = new Map(rates.map((rate) => [rate.id, rate]));
  return (tax) => {
    const rate = byId.get(tax.tax_rate);
    const name = rate ? `${rate.display_name}${rate.jurisdiction ? ` (${rate.jurisdiction})` : ''} ${formatPercentage(rate.percentage)}%` : tax.tax_rate;
    return `${name}${tax.inclusive ? ' (included)' : ''}`;
  };
}

function totals(invoice: Invoice, money: (minor: number) => string, taxLabel: TaxLabel): DocumentRow[] {
  // Subtotal → discounts → taxes (exclusive ones add) → credits → total (billing/taxes.ts).
  const discount = invoice.total_discount_amounts.reduce((sum, d) => sum + d.amount, 0);
  const credits = invoice.total - invoice.subtotal + discount - invoice.tax;
  const paid = invoice.status === 'paid' ? invoice.total : 0;
  const due = invoice.status === 'paid' || invoice.status === 'void' ? 0 : invoice.total;
  return [
    { label: 'Subtotal', value: money(invoice.subtotal) },
    ...(discount !== 0 ? [{ label: 'Discount', value: money(-discount) }] : []),
    ...invoice.total_tax_amounts.map((tax) => ({ label: `${taxLabel(tax)} on ${money(tax.taxable_amount)}`, value: money(tax.amount) })),
    ...(credits !== 0 ? [{ label: 'Credits', value: money(credits) }] : []),
    { label: 'Total', value: money(invoice.total) },
    { label: 'Amount paid', value: money(paid) },
    { label: 'Amount due', value: money(due) },
  ];
}

const TAX_NOTES: Record<Invoice['customer_tax_exempt'], string | null> = {
  none: null,
  exempt: 'Tax exempt: no tax is charged on this invoice.',
  reverse: 'Reverse charge: no tax is charged; the customer accounts for it.',
};

export function invoiceDocument({ invoice, project, customer: buyer, taxRates = [] }: DocumentInput): InvoiceDocument {
  const money = (minor: string | number) => formatMoney(minor, invoice.currency);
  const taxLabel = taxLabeller(taxRates);
  const note = TAX_NOTES[invoice.customer_tax_exempt];
  return {
    title: invoice.number ? `Invoice ${invoice.number}` : 'Draft invoice',
    status: invoice.status,
    statusLabel: invoice.status.toUpperCase(),
    statusNote: STATUS_NOTES[invoice.status](invoice, money),
    seller: seller(project),
    customer: customer(buyer),
    facts: facts(invoice),
    lines: invoice.lines.map((line) => ({
      description: line.description,
      period: period(line.period_start, line.period_end),
      // A discounted line says what was taken off it, and a taxed one each tax, as Stripe's invoice does.
      details: [
        ...lineDetails(line, money),
        ...line.discount_amounts.map((d) => `Discount: −${money(d.amount)}`),
        ...line.tax_amounts.map((tax) => `${taxLabel(tax)}: ${money(tax.amount)} on ${money(tax.taxable_amount)}`),
      ],
      amount: money(line.amount),
    })),
    totals: totals(invoice, money, taxLabel),
    notes: note ? [note] : [],
  };
}
