import { defineRoute, workOf } from '../http/route.js';
import { createTaxRate, listTaxRates, updateTaxRate } from './tax-rates-service.js';
import { findTaxRate } from './tax-rates-store.js';

export const taxRateRoutes = [
  defineRoute('createTaxRate', async ({ body }, ctx) => ({ status: 200, body: await createTaxRate(workOf(ctx), ctx.caller.projectId, body) })),

  defineRoute('retrieveTaxRate', async ({ params }, { db, caller }) => ({ status: 200, body: await findTaxRate(db, caller.projectId, params.tax_rate) })),

  defineRoute('updateTaxRate', async ({ params, body }, ctx) => ({
    status: 200,
    body: await updateTaxRate(workOf(ctx), ctx.caller.projectId, params.tax_rate, body),
  })),

  defineRoute('listTaxRates', async ({ query }, { db, caller }) => ({ status: 200, body: await listTaxRates(db, caller.projectId, query) })),
];
