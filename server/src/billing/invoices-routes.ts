import type { EntitlementChanges } from '../entitlement-changes.js';
import { BinaryBody, routesWith, workOf } from '../http/route.js';
import type { InvoiceCollector } from './invoice-collector.js';
import { actOnInvoice, payInvoice } from './invoice-actions-service.js';
import { upcomingInvoice } from './invoices.js';
import { listInvoices } from './invoices-service.js';
import { findInvoice } from './invoices-store.js';
import { invoicePdf } from './invoice-documents-service.js';

/** The services these routes need, handed in by the assembly. */
interface Services {
  entitlements: EntitlementChanges;
  invoiceCollector: Pick<InvoiceCollector, 'charge'>;
}

const { defineRoute } = routesWith<Services>();
const portsOf = (services: Services) => ({ entitlements: services.entitlements, collector: services.invoiceCollector });

export const invoiceRoutes = [
  defineRoute('listInvoices', async ({ query }, { db, caller }) => ({ status: 200, body: await listInvoices(db, caller.projectId, query) })),

  defineRoute('retrieveInvoice', async ({ params }, { db, caller }) => ({
    status: 200,
    body: await findInvoice(db, caller.projectId, params.invoice),
  })),

  defineRoute('retrieveInvoicePdf', async ({ params }, { db, caller }) => ({
    status: 200,
    body: new BinaryBody('application/pdf', await invoicePdf(db, caller.projectId, params.invoice)),
  })),

  defineRoute('payInvoice', async ({ params, body }, ctx) => {
    const outcome = await payInvoice(workOf(ctx), portsOf(ctx.services), ctx.caller.projectId, params.invoice, body ?? {});
    // A declined card is an answer, not a failed request: what the attempt left stays committed.
    if (!outcome.paid) return { status: 402, body: outcome.declined.toBody(ctx.requestId) };
    return { status: 200, body: outcome.invoice };
  }),

  defineRoute('voidInvoice', async ({ params }, ctx) => ({
    status: 200,
    body: await actOnInvoice(workOf(ctx), portsOf(ctx.services), ctx.caller.projectId, params.invoice, 'void'),
  })),

  defineRoute('markInvoiceUncollectible', async ({ params }, ctx) => ({
    status: 200,
    body: await actOnInvoice(workOf(ctx), portsOf(ctx.services), ctx.caller.projectId, params.invoice, 'mark_uncollectible'),
  })),

  defineRoute('retrieveUpcomingInvoice', async ({ params, query }, { db, caller, clock }) => ({
    status: 200,
    body: await upcomingInvoice(db, caller.projectId, params.customer, query.subscription, clock.now()),
  })),
];
