import { routesWith, workOf } from '../http/route.js';
import { createEndpoint, deleteEndpoint, listEndpoints, retrieveEndpoint, rollSecret, updateEndpoint } from './endpoints-service.js';
import { listWebhookEvents, resendWebhookEvent, retrieveWebhookEvent } from './events-service.js';
import type { UrlPolicy } from './url-policy.js';

/** The services these routes need, handed in by the assembly. */
interface Services {
  webhookUrls: UrlPolicy;
}

const { defineRoute } = routesWith<Services>();

export const webhookRoutes = [
  defineRoute('listWebhookEndpoints', async ({ query }, { db, caller }) => ({ status: 200, body: await listEndpoints(db, caller.projectId, query) })),

  defineRoute('createWebhookEndpoint', async ({ body }, ctx) => ({
    status: 200,
    body: await createEndpoint(workOf(ctx), ctx.services.webhookUrls, ctx.caller.projectId, body),
  })),

  defineRoute('retrieveWebhookEndpoint', async ({ params }, { db, caller }) => ({
    status: 200,
    body: await retrieveEndpoint(db, caller.projectId, params.endpoint),
  })),

  defineRoute('updateWebhookEndpoint', async ({ params, body }, ctx) => ({
    status: 200,
    body: await updateEndpoint(workOf(ctx), ctx.services.webhookUrls, ctx.caller.projectId, params.endpoint, body),
  })),

  defineRoute('deleteWebhookEndpoint', async ({ params }, ctx) => ({
    status: 200,
    body: await deleteEndpoint(workOf(ctx), ctx.caller.projectId, params.endpoint),
  })),

  defineRoute('rollWebhookEndpointSecret', async ({ params, body }, ctx) => ({
    status: 200,
    body: await rollSecret(workOf(ctx), ctx.caller.projectId, params.endpoint, body ?? {}),
  })),

  defineRoute('listWebhookEvents', async ({ query }, { db, caller }) => ({ status: 200, body: await listWebhookEvents(db, caller.projectId, query) })),

  defineRoute('retrieveWebhookEvent', async ({ params }, { db, caller }) => ({
    status: 200,
    body: await retrieveWebhookEvent(db, caller.projectId, params.event),
  })),

  defineRoute('resendWebhookEvent', async ({ params, body }, ctx) => ({
    status: 200,
    body: await resendWebhookEvent(workOf(ctx), ctx.caller.projectId, params.event, body.endpoint),
  })),
];
