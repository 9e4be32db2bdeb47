// `nozle.invoices`: the invoices built at each billing period's end, and the preview of the
// period in progress, over /v1/invoices and /v1/customers/{customer}/upcoming_invoice.
import { callOptions, unwrap, type NozleClient, type Schemas } from '@nozle/openapi';
import { autoPage } from '../pagination.js';
import { idempotencyHeader, pathParam, type QueryParams, type RequestOptions } from './request.js';

export type Invoice = Schemas['Invoice'];
export type InvoiceLine = Schemas['InvoiceLine'];
export type InvoiceStatus = Schemas['InvoiceStatus'];
export type UpcomingInvoice = Schemas['UpcomingInvoice'];
export type InvoiceListParams = QueryParams<'listInvoices'>;
export type InvoiceList = Schemas['InvoiceList'];
export type UpcomingInvoiceParams = QueryParams<'retrieveUpcomingInvoice'>;
/** `paid_out_of_band: true`: the payment was made outside Nozle (a bank transfer, a cheque); otherwise the saved payment method is charged. */
export type InvoicePayParams = Schemas['InvoicePayParams'];

/**
 * Invoices of your customers' subscriptions, one per subscription and billing period. Amounts
 * are integers in the currency's minor unit; each line is rated exactly and rounded once, half
 * away from zero.
 */
export class Invoices {
  readonly #client: NozleClient;

  /** @internal Reached as `nozle.invoices`. */
  constructor(client: NozleClient) {
    this.#client = client;
  }

  /** Retrieves an invoice by its `in_…` id. */
  async retrieve(invoice: string): Promise<Invoice> {
    return unwrap(
      await this.#client.GET('/v1/invoices/{invoice}', {
        params: { path: { invoice: pathParam(invoice, 'invoice') } },
      }),
    );
  }

  /**
   * Pays an `open` or `uncollectible` invoice: records a payment made outside Nozle
   * (`paid_out_of_band: true`), or charges the customer's saved payment method at its provider
   * (a decline throws a `NozleError` with status 402, code `card_declined`). It becomes `paid`.
   * An invoice collected by a payment provider is refused (400 `invoice_not_payable`).
   */
  async pay(invoice: string, params: InvoicePayParams = {}, options?: RequestOptions): Promise<Invoice> {
    return unwrap(
      await this.#client.POST('/v1/invoices/{invoice}/pay', {
        params: { path: { invoice: pathParam(invoice, 'invoice') }, header: idempotencyHeader(options) },
        body: params,
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** Voids an `open` or `uncollectible` invoice (nothing is owed; final, and it counts no revenue). */
  async voidInvoice(invoice: string, options?: RequestOptions): Promise<Invoice> {
    return unwrap(
      await this.#client.POST('/v1/invoices/{invoice}/void', {
        params: { path: { invoice: pathParam(invoice, 'invoice') }, header: idempotencyHeader(options) },
        ...callOptions(this.#client, options),
      }),
    );
  }

  /** Marks an `open` invoice `uncollectible` (written off; it can still be paid or voided later). */
  async markUncollectible(invoice: string, options?: RequestOptions): Promise<Invoice> {
    return unwrap(
      await this.#client.POST('/v1/invoices/{invoice}/mark_uncollectible', {
        params: { path: { invoice: pathParam(invoice, 'invoice') }, header: idempotencyHeader(options) },
        ...callOptions(this.#client, options),
      }),
    );
  }

  /**
   * The invoice as a PDF document, its bytes (`application/pdf`): the seller's details from the
   * project's `invoice_settings`, the customer, the number, dates and status (a draft is marked
   * DRAFT), every line with its tiers, proration or credit, and the totals. Write it to a file or
   * send it on as it is. The customer's own copy is at the invoice's `hosted_invoice_url`.
   */
  async pdf(invoice: string): Promise<Uint8Array> {
    const bytes = unwrap(
      await this.#client.GET('/v1/invoices/{invoice}/pdf', {
        params: { path: { invoice: pathParam(invoice, 'invoice') } },
        parseAs: 'arrayBuffer',
      }),
    );
    return new Uint8Array(bytes);
  }

  /**
   * What the customer's current period would be invoiced if it ended now (nothing is stored).
   * `customer` takes a `cus_…` id or your `external_id`; `params.subscription` picks one of
   * several subscriptions (the newest live one by default).
   */
  async upcoming(customer: string, params?: UpcomingInvoiceParams): Promise<UpcomingInvoice> {
    return unwrap(
      await this.#client.GET('/v1/customers/{customer}/upcoming_invoice', {
        params: { path: { customer: pathParam(customer, 'customer') }, query: params },
      }),
    );
  }

  /** One page of invoices, newest first; filter by `customer` or `status`. */
  async list(params?: InvoiceListParams): Promise<InvoiceList> {
    return unwrap(await this.#client.GET('/v1/invoices', { params: { query: params } }));
  }

  /** Every invoice matching `params`, fetching pages as the loop needs them. */
  listAll(params: InvoiceListParams = {}): AsyncGenerator<Invoice, void, undefined> {
    return autoPage(params, (page) => this.list(page));
  }
}
