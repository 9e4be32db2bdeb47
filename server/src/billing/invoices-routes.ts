import { findCustomer } from '../customers/store.js';
import { paginate } from '../http/pagination.js';
import { defineRoute } from '../http/route.js';
import { upcomingInvoice } from './invoices.js';
import { findInvoice, invoiceSeq, listInvoiceRows } from './invoices-store.js';

export const invoiceRoutes = [
  defineRoute('listInvoices', async ({ query }, { db, caller }) => {
    const customerId = query.customer ? (await findCustomer(db, caller.projectId, query.customer)).id : undefined;
    return {
      status: 200,
      body: await paginate(
        '/v1/invoices',
        query,
        'invoice',
        (id) => invoiceSeq(db, caller.projectId, id),
        (limit, afterSeq) =>
          listInvoiceRows(db, caller.projectId, { ...(customerId ? { customerId } : {}), ...(query.status ? { status: query.status } : {}) }, limit, afterSeq),
      ),
    };
  }),

  defineRoute('retrieveInvoice', async ({ params }, { db, caller }) => ({
    status: 200,
    body: await findInvoice(db, caller.projectId, params.invoice),
  })),

  defineRoute('retrieveUpcomingInvoice', async ({ params, query }, { db, caller, clock }) => ({
    status: 200,
    body: await upcomingInvoice(db, caller.projectId, params.customer, query.subscription, clock.now()),
  })),
];
