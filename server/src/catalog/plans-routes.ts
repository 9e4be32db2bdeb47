import { routesWith, workOf } from '../http/route.js';
import { createPlan, listPlans, migratePlan, updatePlan, type PlanDeps } from './plans-service.js';
import { findPlan } from './plans-store.js';

/** The services these routes need, handed in by the assembly. */
type Services = PlanDeps;

const { defineRoute } = routesWith<Services>();

export const planRoutes = [
  defineRoute('createPlan', async ({ body }, ctx) => ({ status: 200, body: await createPlan(workOf(ctx), ctx.services, ctx.caller.projectId, body) })),

  defineRoute('retrievePlan', async ({ params, query }, { db, caller }) => ({
    status: 200,
    body: await findPlan(db, caller.projectId, params.plan, query.version),
  })),

  defineRoute('updatePlan', async ({ params, body }, ctx) => ({
    status: 200,
    body: await updatePlan(workOf(ctx), ctx.services, ctx.caller.projectId, params.plan, body),
  })),

  defineRoute('migratePlan', async ({ params, body }, ctx) => ({
    status: 200,
    body: await migratePlan(workOf(ctx), ctx.services, ctx.caller.projectId, params.plan, body),
  })),

  defineRoute('listPlans', async ({ query }, { db, caller }) => ({ status: 200, body: await listPlans(db, caller.projectId, query) })),
];
