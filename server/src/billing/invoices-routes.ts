import { defineRoute, workOf } from '../http/route.js';
import { actOnInvoice, payInvoice } from './invoice-actions-service.js';
import { upcomingInvoice } from './invoices.js';
import { listInvoices } from './invoices-service.js';
import { findInvoice } from './invoices-store.js';

export const invoiceRoutes = [
  defineRoute('listInvoices', async ({ query }, { db, caller }) => ({ status: 200, body: await listInvoices(db, caller.projectId, query) })),

  defineRoute('retrieveInvoice', async ({ params }, { db, caller }) => ({
    status: 200,
    body: await findInvoice(db, caller.projectId, params.invoice),
  })),

  defineRoute('payInvoice', async ({ params, body }, ctx) => ({
    status: 200,
    body: await payInvoice(workOf(ctx), ctx.caller.projectId, params.invoice, body),
  })),

  defineRoute('voidInvoice', async ({ params }, ctx) => ({
    status: 200,
    body: await actOnInvoice(workOf(ctx), ctx.caller.projectId, params.invoice, 'void'),
  })),

  defineRoute('markInvoiceUncollectible', async ({ params }, ctx) => ({
    status: 200,
    body: await actOnInvoice(workOf(ctx), ctx.caller.projectId, params.invoice, 'mark_uncollectible'),
  })),

  defineRoute('retrieveUpcomingInvoice', async ({ params, query }, { db, caller, clock }) => ({
    status: 200,
    body: await upcomingInvoice(db, caller.projectId, params.customer, query.subscription, clock.now()),
  })),
];
