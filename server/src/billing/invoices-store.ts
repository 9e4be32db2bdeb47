// SQL for invoices and their lines, and the subscriptions the billing job looks at.
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { ProviderName } from '../access/subscriptions-store.js';
import type { InvoiceLineToSend } from './invoice-collector.js';
import type { ActedStatus } from './invoice-actions.js';
import { notFound } from '../http/errors.js';
import { newId } from '../ids.js';
import { recordOutboxEvent } from '../outbox.js';
import { numberInvoice } from './invoice-numbers-store.js';
import { projectNowSql } from '../project-clocks.js';
import type { DiscountAmount } from './discounts.js';
import type { DraftLine } from './invoice-lines.js';
import { formatPercentage, type LineTax, type TaxedInvoice, type TaxExempt } from './taxes.js';
import type { PeriodSource } from './periods.js';
import type { SubscriptionRow } from '../access/subscriptions-store.js';
import type { StoredPrice } from '../catalog/prices.js';

export type Invoice = components['schemas']['Invoice'];
export type InvoiceLine = components['schemas']['InvoiceLine'];
type InvoiceStatus = components['schemas']['InvoiceStatus'];

interface InvoiceRow {
  id: string;
  customer_id: string;
  subscription_id: string;
  plan_key: string;
  plan_version: number;
  status: InvoiceStatus;
  currency: string;
  period_start: Date;
  period_end: Date;
  trial: boolean;
  subtotal: number | string;
  total_discount_amounts: DiscountAmount[];
  tax: number | string;
  total_tax_amounts: LineTax[];
  total: number | string;
  customer_tax_exempt: TaxExempt;
  created_at: Date;
  finalized_at: Date | null;
  paid_at: Date | null;
  due_at: Date | null;
  paid_out_of_band: boolean;
  voided_at: Date | null;
  marked_uncollectible_at: Date | null;
  provider: Invoice['provider'];
  provider_invoice_id: string | null;
  number: string | null;
  hosted_token: string | null;
}

interface LineRow {
  invoice_id: string;
  type: DraftLine['type'];
  description: string;
  price_key: string | null;
  meter_key: string | null;
  quantity: string;
  free_quantity: string;
  unit_amount: string | null;
  tiers: DraftLine['tiers'];
  adjustment: DraftLine['adjustment'];
  exact_amount: string;
  amount: number | string;
  credit_grant: string | null;
  period_start: Date;
  period_end: Date;
  discount_amounts?: DiscountAmount[];
  tax_amounts?: LineTax[];
}

const seconds = (date: Date | null) => (date ? unixSeconds(date) : null);

/** A line as the API shows it; amounts stay far below 2^53 minor units. */
export const toLine = (line: Omit<LineRow, 'invoice_id'>): InvoiceLine => ({
  type: line.type,
  description: line.description,
  price: line.price_key,
  meter: line.meter_key,
  quantity: line.quantity,
  free_quantity: line.free_quantity,
  unit_amount: line.unit_amount,
  tiers: line.tiers,
  adjustment: line.adjustment,
  exact_amount: line.exact_amount,
  amount: Number(line.amount),
  credit_grant: line.credit_grant,
  discount_amounts: line.discount_amounts ?? [],
  tax_amounts: line.tax_amounts ?? [],
  period_start: unixSeconds(line.period_start),
  period_end: unixSeconds(line.period_end),
});

const toInvoice = (row: InvoiceRow, lines: LineRow[]): Invoice => ({
  id: row.id,
  object: 'invoice',
  customer: row.customer_id,
  subscription: row.subscription_id,
  plan: row.plan_key,
  plan_version: row.plan_version,
  status: row.status,
  currency: row.currency,
  period_start: unixSeconds(row.period_start),
  period_end: unixSeconds(row.period_end),
  trial: row.trial,
  lines: lines.map(toLine),
  subtotal: Number(row.subtotal),
  total_discount_amounts: row.total_discount_amounts,
  tax: Number(row.tax),
  total_tax_amounts: row.total_tax_amounts,
  total: Number(row.total),
  customer_tax_exempt: row.customer_tax_exempt,
  created: unixSeconds(row.created_at),
  finalized_at: seconds(row.finalized_at),
  paid_at: seconds(row.paid_at),
  due_date: seconds(row.due_at),
  paid_out_of_band: row.paid_out_of_band,
  voided_at: seconds(row.voided_at),
  marked_uncollectible_at: seconds(row.marked_uncollectible_at),
  provider: row.provider,
  provider_invoice_id: row.provider_invoice_id,
  number: row.number,
  hosted_invoice_url: row.hosted_token ? hostedInvoicePath(row.hosted_token) : null,
});

/** Where an invoice's hosted page is served (billing/invoice-page.ts), relative to the server. */
export const hostedInvoicePath = (token: string) => `/invoices/${token}`;

const SELECT = `select i.id, i.customer_id, i.subscription_id, p.key as plan_key, i.plan_version, i.status, i.currency, i.period_start,
  i.period_end, i.trial, i.subtotal, i.total_discount_amounts, i.tax, i.total_tax_amounts, i.total,
  i.customer_tax_exempt, i.created_at, i.finalized_at, i.paid_at, i.due_at, i.paid_out_of_band,
  i.voided_at, i.marked_uncollectible_at, i.provider, i.provider_invoice_id, i.number, i.hosted_token
  from invoices i join plans p on p.id = i.plan_id`;

async function withLines(db: Queryable, rows: InvoiceRow[]): Promise<Invoice[]> {
  if (rows.length === 0) return [];
  const { rows: lines } = await db.query<LineRow>(
    `select l.invoice_id, l.type, l.description, l.price_key, m.key as meter_key, l.quantity, l.free_quantity, l.unit_amount, l.tiers,
       l.adjustment, l.exact_amount, l.amount, l.credit_grant_id as credit_grant, l.period_start, l.period_end, l.discount_amounts, l.tax_amounts
     from invoice_lines l left join meters m on m.id = l.meter_id
     where l.invoice_id = any($1) order by l.invoice_id, l.position`,
    [rows.map((row) => row.id)],
  );
  return rows.map((row) =>
    toInvoice(
      row,
      lines.filter((line) => line.invoice_id === row.id),
    ),
  );
}

export async function findInvoice(db: Queryable, projectId: string, id: string): Promise<Invoice> {
  const { rows } = await db.query<InvoiceRow>(`${SELECT} where i.project_id = $1 and i.id = $2`, [projectId, id]);
  if (!rows[0]) throw notFound('invoice', id, 'invoice');
  return (await withLines(db, rows))[0]!;
}

/** The invoice whose hosted page has `token`; undefined when none has. */
export async function invoiceByHostedToken(db: Queryable, token: string): Promise<{ projectId: string; id: string } | undefined> {
  const { rows } = await db.query<{ project_id: string; id: string }>('select project_id, id from invoices where hosted_token = $1', [token]);
  return rows[0] && { projectId: rows[0].project_id, id: rows[0].id };
}

/** An invoice as an API action sees it. */
export interface LockedInvoice {
  status: InvoiceStatus;
  provider: ProviderName | null;
  customer_id: string;
  subscription_id: string;
  currency: string;
}

/** An invoice's status and collector, its row locked until the transaction ends; throws 404 when the project has no such invoice. */
export async function lockInvoiceStatus(db: Queryable, projectId: string, id: string): Promise<LockedInvoice> {
  const { rows } = await db.query<LockedInvoice>(
    'select status, provider, customer_id, subscription_id, currency from invoices where project_id = $1 and id = $2 for update',
    [projectId, id],
  );
  if (!rows[0]) throw notFound('invoice', id, 'invoice');
  return rows[0];
}

/** Moves an invoice (locked by lockInvoiceStatus) to the status an API action gave it, stamping when. */
export async function setInvoiceStatus(
  db: Queryable,
  id: string,
  to: ActedStatus,
  now: Date,
  paid: { outOfBand: boolean } = { outOfBand: false },
): Promise<void> {
  await db.query(
    `update invoices set status = $2,
       paid_at = case when $2 = 'paid' then $3::timestamptz else paid_at end,
       paid_out_of_band = paid_out_of_band or ($2 = 'paid' and $4),
       voided_at = case when $2 = 'void' then $3::timestamptz else voided_at end,
       marked_uncollectible_at = case when $2 = 'uncollectible' then $3::timestamptz else marked_uncollectible_at end
     where id = $1`,
    [id, to, now, paid.outOfBand],
  );
  if (to === 'paid' || to === 'void') await recordInvoiceEvent(db, id, to === 'paid' ? 'invoice.paid' : 'invoice.voided', now);
}

/**
 * The webhook of an invoice's change, with the invoice as the API shows it, in the change's
 * transaction: here, where every path that finalizes, pays or voids one passes.
 */
async function recordInvoiceEvent(db: Queryable, id: string, type: 'invoice.finalized' | 'invoice.paid' | 'invoice.voided', now: Date): Promise<void> {
  const { rows } = await db.query<{ project_id: string }>('select project_id from invoices where id = $1', [id]);
  if (!rows[0]) return;
  await recordOutboxEvent(db, rows[0].project_id, type, await findInvoice(db, rows[0].project_id, id), now);
}

/** Counts a charge of the invoice asked through the API; answers how many there have been (this one included). */
export async function countPaymentAttempt(db: Queryable, id: string): Promise<number> {
  const { rows } = await db.query<{ payment_attempts: number }>(
    'update invoices set payment_attempts = payment_attempts + 1 where id = $1 returning payment_attempts',
    [id],
  );
  return Number(rows[0]?.payment_attempts ?? 1);
}

/**
 * The customer's invoice `id` with who bills its subscription (null: Nozle collects it itself,
 * through the API); undefined when the customer has no such invoice.
 */
export async function invoiceBilledBy(
  db: Queryable,
  id: string,
  customerId: string,
): Promise<{ projectId: string; subscriptionId: string; billedBy: ProviderName | null } | undefined> {
  const { rows } = await db.query<{ project_id: string; subscription_id: string; provider: ProviderName | null }>(
    'select i.project_id, i.subscription_id, s.provider from invoices i join subscriptions s on s.id = i.subscription_id where i.id = $1 and i.customer_id = $2',
    [id, customerId],
  );
  const row = rows[0];
  return row && { projectId: row.project_id, subscriptionId: row.subscription_id, billedBy: row.provider };
}

/** Records the provider's invoice that charged a Nozle invoice paid through the API. */
export async function recordInvoiceSent(db: Queryable, id: string, sent: SentInvoice): Promise<void> {
  await db.query('update invoices set provider = $2, provider_invoice_id = $3 where id = $1', [id, sent.provider, sent.providerInvoiceId]);
}

interface InvoiceFilter {
  customerId?: string;
  status?: InvoiceStatus;
}

export async function listInvoiceRows(db: Queryable, projectId: string, filter: InvoiceFilter, limit: number, afterSeq?: number): Promise<Invoice[]> {
  const { rows } = await db.query<InvoiceRow>(
    `${SELECT} where i.project_id = $1 and ($2::text is null or i.customer_id = $2) and ($3::text is null or i.status = $3)
       and ($4::bigint is null or i.seq < $4)
     order by i.seq desc limit $5`,
    [projectId, filter.customerId ?? null, filter.status ?? null, afterSeq ?? null, limit],
  );
  return withLines(db, rows);
}

export async function invoiceSeq(db: Queryable, projectId: string, id: string): Promise<number | undefined> {
  const { rows } = await db.query<{ seq: number }>('select seq from invoices where project_id = $1 and id = $2', [projectId, id]);
  return rows[0]?.seq;
}

/** A subscription as the billing job reads it, with its plan version's terms. */
/** A subscription's row with its plan version's terms, as the billing cycle reads it. */
export type BillableSubscription = PeriodSource &
  Pick<SubscriptionRow, 'id' | 'project_id' | 'customer_id' | 'plan_id' | 'plan_version'> & {
    plan_name: string;
    currency: string;
    base_price: number | string;
    prices: StoredPrice[];
    /** The base price is per seat, billed `quantity` times. */
    per_seat: boolean;
    quantity: number;
    /** The end of the last period invoiced; null before the first invoice. */
    last_invoiced_end: Date | null;
    /** Canceled now with `prorate`: the final invoice credits the unused time. */
    cancel_prorate: boolean;
    /** Tax rate ids that replace those matching the customer's address (taxes.ts). */
    default_tax_rates: string[];
  };

const BILLABLE = `select s.id, s.project_id, s.customer_id, s.plan_id, s.plan_version, v.name as plan_name, v.currency, v.base_price, v.prices,
    v.per_seat, s.quantity, v.interval, s.status, s.current_period_start, s.current_period_end, s.trial_end, s.cancel_at_period_end, s.canceled_at,
    s.created_at, s.provider, s.cancel_prorate, s.default_tax_rates,
    (select max(i.period_end) from invoices i where i.subscription_id = s.id) as last_invoiced_end
  from subscriptions s join plan_versions v on v.plan_id = s.plan_id and v.version = s.plan_version`;

/**
 * Recurring subscriptions with something to bill (a base fee or a usage price), in every
 * project (or one), that may have a period ended and not invoiced: those whose last invoice
 * (if any) ends before their project's now.
 */
export async function billableSubscriptions(db: Queryable, baseNow: Date, projectId?: string): Promise<BillableSubscription[]> {
  // Each project's "now" is its own test clock's: the base time moved ahead by its offset.
  const { rows } = await db.query<BillableSubscription>(
    `select * from (${BILLABLE}
       where v.interval <> 'one_time' and (v.base_price > 0 or jsonb_array_length(v.prices) > 0) and s.status <> 'incomplete'
         and ($2::text is null or s.project_id = $2)) b
     where b.last_invoiced_end is null or b.last_invoiced_end < ${projectNowSql('$1', 'b.project_id')}
     order by b.id`,
    [baseNow, projectId ?? null],
  );
  return rows;
}

/** One subscription for the job, in the transaction that bills it (after its customer is locked). */
export async function billableSubscription(db: Queryable, id: string): Promise<BillableSubscription | undefined> {
  const { rows } = await db.query<BillableSubscription>(`${BILLABLE} where s.id = $1`, [id]);
  return rows[0];
}

interface NewInvoice {
  projectId: string;
  customerId: string;
  subscriptionId: string;
  planId: string;
  planVersion: number;
  currency: string;
  start: Date;
  end: Date;
  trial: boolean;
  draft: TaxedInvoice;
}

/**
 * Stores a draft invoice with its lines; returns its id, or null when this subscription's period
 * already has one (another instance or an earlier run built it).
 */
export async function insertDraftInvoice(db: Queryable, invoice: NewInvoice, now: Date): Promise<string | null> {
  const id = newId('in');
  const { rows } = await db.query<{ id: string }>(
    `insert into invoices (id, project_id, customer_id, subscription_id, plan_id, plan_version, status, currency, period_start, period_end,
       trial, subtotal, total, created_at, total_discount_amounts, tax, total_tax_amounts, customer_tax_exempt)
     values ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     on conflict (subscription_id, period_start) do nothing returning id`,
    [
      id,
      invoice.projectId,
      invoice.customerId,
      invoice.subscriptionId,
      invoice.planId,
      invoice.planVersion,
      invoice.currency,
      invoice.start,
      invoice.end,
      invoice.trial,
      invoice.draft.subtotal,
      invoice.draft.total,
      now,
      JSON.stringify(invoice.draft.total_discount_amounts ?? []),
      invoice.draft.tax,
      JSON.stringify(invoice.draft.total_tax_amounts),
      invoice.draft.customer_tax_exempt,
    ],
  );
  if (!rows[0]) return null;
  const lines = invoice.draft.lines.map((line, position) => ({
    position,
    type: line.type,
    description: line.description,
    price_key: line.price_key,
    meter_id: line.meter_id,
    quantity: line.quantity,
    free_quantity: line.free_quantity,
    unit_amount: line.unit_amount,
    tiers: line.tiers,
    adjustment: line.adjustment,
    exact_amount: line.exact_amount,
    amount: line.amount,
    credit_grant_id: line.credit_grant,
    discount_amounts: line.discount_amounts ?? [],
    tax_amounts: line.tax_amounts,
    period_start: line.period_start.toISOString(),
    period_end: line.period_end.toISOString(),
  }));
  if (lines.length > 0) {
    await db.query(
      `insert into invoice_lines (invoice_id, position, type, description, price_key, meter_id, quantity, free_quantity, unit_amount, tiers,
         adjustment, exact_amount, amount, credit_grant_id, period_start, period_end, discount_amounts, tax_amounts)
       select $1, position, type, description, price_key, meter_id, quantity, free_quantity, unit_amount, tiers, adjustment, exact_amount,
         amount, credit_grant_id, period_start, period_end, discount_amounts, tax_amounts
       from jsonb_to_recordset($2::jsonb) as x(position integer, type text, description text, price_key text, meter_id text, quantity text,
         free_quantity text, unit_amount text, tiers jsonb, adjustment jsonb, exact_amount text, amount bigint, credit_grant_id text, period_start timestamptz,
         period_end timestamptz, discount_amounts jsonb, tax_amounts jsonb)`,
      [id, JSON.stringify(lines)],
    );
  }
  return id;
}

export interface DraftToFinalize {
  id: string;
  project_id: string;
  customer_id: string;
  subscription_id: string;
  currency: string;
  /** Minor units (bigint as text). */
  total: string;
  /** Who bills its subscription. */
  provider: ProviderName | null;
}

/** Drafts left to finalize, oldest first, with who bills their subscription. */
export async function draftInvoices(db: Queryable, projectId?: string): Promise<DraftToFinalize[]> {
  const { rows } = await db.query<DraftToFinalize>(
    `select i.id, i.project_id, i.customer_id, i.subscription_id, i.currency, i.total, s.provider from invoices i join subscriptions s on s.id = i.subscription_id
     where i.status = 'draft' and ($1::text is null or i.project_id = $1) order by i.seq`,
    [projectId ?? null],
  );
  return rows;
}

/**
 * The lines of an invoice as a provider is sent them, in order, then one negative line per
 * discount (the lines carry their amounts before discounts), then one line per exclusive tax
 * rate (the tax that adds to the total; inclusive taxes are inside the lines already), each
 * positioned after the lines so it keeps a position of its own (Stripe's idempotency keys use
 * it). Together they sum to the invoice's `total`, which is what the provider charges.
 */
export async function linesToSend(db: Queryable, invoiceId: string): Promise<InvoiceLineToSend[]> {
  const { rows } = await db.query<{ position: number; description: string; amount: number | string; period_start: Date; period_end: Date }>(
    'select position, description, amount, period_start, period_end from invoice_lines where invoice_id = $1 order by position',
    [invoiceId],
  );
  const lines = rows.map((row) => ({
    position: Number(row.position),
    description: row.description,
    amount: Number(row.amount),
    periodStart: row.period_start,
    periodEnd: row.period_end,
  }));
  const first = lines[0];
  if (!first) return lines;
  const { rows: taxes } = await db.query<{ amount: number | string; display_name: string | null; percentage: string | null; tax_rate: string }>(
    `select (t->>'amount')::bigint as amount, r.display_name, r.percentage::text as percentage, t->>'tax_rate' as tax_rate
     from invoices i cross join lateral jsonb_array_elements(i.total_tax_amounts) with ordinality as x(t, n)
     left join tax_rates r on r.id = t->>'tax_rate' and r.project_id = i.project_id
     where i.id = $1 and not (t->>'inclusive')::boolean order by x.n`,
    [invoiceId],
  );
  const { rows: discounts } = await db.query<{ amount: number | string; coupon: string; name: string | null }>(
    `select (d->>'amount')::bigint as amount, di.coupon_id as coupon, c.name
     from invoices i cross join lateral jsonb_array_elements(i.total_discount_amounts) with ordinality as x(d, n)
     join discounts di on di.id = d->>'discount'
     left join coupons c on c.project_id = di.project_id and c.id = di.coupon_id
     where i.id = $1 order by x.n`,
    [invoiceId],
  );
  let next = Math.max(...lines.map((line) => line.position)) + 1;
  const discountLines = discounts.map((discount) => ({
    position: next++,
    description: `Discount: ${discount.name ?? discount.coupon}`,
    amount: -Number(discount.amount),
    periodStart: first.periodStart,
    periodEnd: first.periodEnd,
  }));
  const taxLines = taxes.map((tax) => ({
    position: next++,
    description: tax.display_name === null ? `Tax (${tax.tax_rate})` : `${tax.display_name} ${formatPercentage(tax.percentage ?? '0')}%`,
    amount: Number(tax.amount),
    periodStart: first.periodStart,
    periodEnd: first.periodEnd,
  }));
  return [...lines, ...discountLines, ...taxLines];
}

interface SentInvoice {
  provider: ProviderName;
  providerInvoiceId: string;
}

/**
 * Finalizes a draft as `open` or `paid`, with the provider's invoice when it was sent to one and
 * its due date when Nozle collects it; false when it was no longer a draft.
 */
export async function finalizeInvoice(
  db: Queryable,
  id: string,
  status: 'open' | 'paid',
  now: Date,
  sent?: SentInvoice,
  dueAt: Date | null = null,
): Promise<boolean> {
  const { rows } = await db.query<{ project_id: string }>(
    `update invoices set status = $2, finalized_at = $3, paid_at = case when $2 = 'paid' then $3::timestamptz end,
       provider = coalesce($4, provider), provider_invoice_id = coalesce($5, provider_invoice_id), due_at = $6
     where id = $1 and status = 'draft' returning project_id`,
    [id, status, now, sent?.provider ?? null, sent?.providerInvoiceId ?? null, dueAt],
  );
  if (!rows[0]) return false;
  await numberInvoice(db, rows[0].project_id, id);
  await recordInvoiceEvent(db, id, 'invoice.finalized', now);
  if (status === 'paid') await recordInvoiceEvent(db, id, 'invoice.paid', now);
  return true;
}

/**
 * Marks paid the invoice the provider says it was paid for (also while still a draft here: the
 * provider's word may come before the job stores its answer), recording the provider's invoice.
 * Answers its owner, or undefined when Nozle has no such invoice of that customer.
 */
export async function markInvoicePaid(
  db: Queryable,
  id: string,
  customerId: string,
  sent: SentInvoice,
  now: Date,
): Promise<{ projectId: string; customerId: string; subscriptionId: string; changed: boolean } | undefined> {
  const { rows } = await db.query<{ project_id: string; customer_id: string; subscription_id: string; status: InvoiceStatus }>(
    'select project_id, customer_id, subscription_id, status from invoices where id = $1 and customer_id = $2 for update',
    [id, customerId],
  );
  const row = rows[0];
  if (!row) return undefined;
  const owner = { projectId: row.project_id, customerId: row.customer_id, subscriptionId: row.subscription_id };
  if (row.status === 'paid') return { ...owner, changed: false };
  await db.query(
    `update invoices set status = 'paid', finalized_at = coalesce(finalized_at, $2), paid_at = $2, provider = $3, provider_invoice_id = $4
     where id = $1`,
    [id, now, sent.provider, sent.providerInvoiceId],
  );
  if (row.status === 'draft') {
    await numberInvoice(db, row.project_id, id);
    await recordInvoiceEvent(db, id, 'invoice.finalized', now);
  }
  await recordInvoiceEvent(db, id, 'invoice.paid', now);
  return { ...owner, changed: true };
}

/**
 * The events (by position in `events`) whose timestamp falls in a period already invoiced for
 * their customer, on an invoice that rated a meter of their event name: counting them now would
 * change a bill already made.
 */
export async function eventsInInvoicedPeriods(
  db: Queryable,
  projectId: string,
  events: Array<{ index: number; customerId: string; name: string; at: Date }>,
): Promise<Set<number>> {
  if (events.length === 0) return new Set();
  // Most batches are for periods nobody has invoiced yet: one indexed probe settles that.
  const customers = [...new Set(events.map((e) => e.customerId))];
  const earliest = new Date(Math.min(...events.map((e) => e.at.getTime())));
  const probe = await db.query('select 1 from invoices where customer_id = any($1) and period_end > $2 limit 1', [customers, earliest]);
  if (probe.rows.length === 0) return new Set();
  const { rows } = await db.query<{ idx: number }>(
    `select distinct x.idx from jsonb_to_recordset($2::jsonb) as x(idx integer, customer_id text, event_name text, at timestamptz)
     join invoices i on i.project_id = $1 and i.customer_id = x.customer_id and i.period_start <= x.at and x.at < i.period_end
     join invoice_lines l on l.invoice_id = i.id
     join meters m on m.id = l.meter_id and m.event_name = x.event_name`,
    [projectId, JSON.stringify(events.map((e) => ({ idx: e.index, customer_id: e.customerId, event_name: e.name, at: e.at.toISOString() })))],
  );
  return new Set(rows.map((row) => Number(row.idx)));
}

/** The customer's newest subscription that is live (not canceled or incomplete): `subscriptionId` when given and live. */
export async function newestLiveSubscription(
  db: Queryable,
  projectId: string,
  customerId: string,
  subscriptionId: string | undefined,
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `select s.id from subscriptions s
     where s.project_id = $1 and s.customer_id = $2 and ($3::text is null or s.id = $3) and s.status not in ('canceled', 'incomplete')
     order by s.seq desc limit 1`,
    [projectId, customerId, subscriptionId ?? null],
  );
  return rows[0]?.id;
}

/**
 * Whether an invoice of the customer already carries the discount (a `once` discount is then
 * spent): a customer's own discount is spent by the first invoice of any of its subscriptions.
 */
export async function discountUsedBefore(db: Queryable, customerId: string, discountId: string): Promise<boolean> {
  const { rows } = await db.query(
    `select 1 from invoices where customer_id = $1 and total_discount_amounts @> jsonb_build_array(jsonb_build_object('discount', $2::text)) limit 1`,
    [customerId, discountId],
  );
  return rows.length > 0;
}
