// The coupon and promotion code operations: each parses its input, calls the coupons service, replies.
import { defineRoute, workOf } from '../http/route.js';
import {
  createCoupon,
  createPromotionCode,
  deleteCoupon,
  listCoupons,
  listPromotionCodes,
  retrieveCoupon,
  retrievePromotionCode,
  updatePromotionCode,
} from './service.js';

export const couponRoutes = [
  defineRoute('createCoupon', async ({ body }, ctx) => ({ status: 200, body: await createCoupon(workOf(ctx), ctx.caller.projectId, body) })),
  defineRoute('listCoupons', async ({ query }, { db, caller, clock }) => ({ status: 200, body: await listCoupons(db, caller.projectId, query, clock.now()) })),
  defineRoute('retrieveCoupon', async ({ params }, { db, caller, clock }) => ({
    status: 200,
    body: await retrieveCoupon(db, caller.projectId, params.coupon, clock.now()),
  })),
  defineRoute('deleteCoupon', async ({ params }, ctx) => ({ status: 200, body: await deleteCoupon(workOf(ctx), ctx.caller.projectId, params.coupon) })),
  defineRoute('createPromotionCode', async ({ body }, ctx) => ({ status: 200, body: await createPromotionCode(workOf(ctx), ctx.caller.projectId, body) })),
  defineRoute('listPromotionCodes', async ({ query }, { db, caller, clock }) => ({
    status: 200,
    body: await listPromotionCodes(db, caller.projectId, query, clock.now()),
  })),
  defineRoute('retrievePromotionCode', async ({ params }, { db, caller, clock }) => ({
    status: 200,
    body: await retrievePromotionCode(db, caller.projectId, params.promotion_code, clock.now()),
  })),
  defineRoute('updatePromotionCode', async ({ params, body }, ctx) => ({
    status: 200,
    body: await updatePromotionCode(workOf(ctx), ctx.caller.projectId, params.promotion_code, body),
  })),
];
