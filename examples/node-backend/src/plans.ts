// The pricing page's data: the project's plans, cheapest first, with the features' names.
import type { Nozle } from '@nozle/node';
import { Router } from 'express';

export function planRoutes(nozle: Nozle): Router {
  const router = Router();
  router.get('/api/plans', async (_req, res) => {
    const [plans, features] = await Promise.all([nozle.plans.list({ limit: 100 }), nozle.features.list({ limit: 100 })]);
    res.json({
      plans: plans.data
        .filter((plan) => plan.interval !== 'one_time')
        .sort((a, b) => a.base_price - b.base_price)
        .map(({ key, name, base_price, currency, interval, entitlements }) => ({ key, name, base_price, currency, interval, entitlements })),
      features: Object.fromEntries(features.data.map((feature) => [feature.key, feature.name])),
    });
  });
  return router;
}
