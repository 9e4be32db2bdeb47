// The demo project a fresh server creates: keys, a small catalog and one customer on the free
// plan, all in one transaction, so a failed start never leaves a project without its catalog
// (the demo is only made when the database has no project at all).
import { insertFeature } from '../catalog/features-store.js';
import { DEFAULT_GROUP, findPlan, insertPlan } from '../catalog/plans-store.js';
import { startedLifecycle } from '../access/subscription-lifecycle.js';
import { insertSubscription } from '../access/subscriptions-store.js';
import { wholeSecond } from '../clock.js';
import { insertCustomer } from '../customers/store.js';
import type { Database, Queryable } from '../db/database.js';
import type { NewProject } from '../projects/create-project.js';
import { insertApiKey, insertProject } from '../projects/store.js';
import { insertMeter } from '../catalog/meters-store.js';
import { DEMO_CUSTOMER, DEMO_FEATURES, DEMO_METER, DEMO_PLANS, DEMO_START_PLAN } from './catalog.js';

interface DemoProject extends NewProject {
  /** The demo customer's id (`cus_…`); its external_id is `demo-user`. */
  customerId: string;
}

export function createDemoProject(db: Database, now: Date): Promise<DemoProject> {
  return db.transaction(async (tx) => {
    const project = await insertProject(tx, 'Demo', now);
    const secret = await insertApiKey(tx, project.id, 'secret', 'Default secret key', now);
    const publishable = await insertApiKey(tx, project.id, 'publishable', 'Default publishable key', now);
    const customerId = await seedDemoCatalog(tx, project.id, now);
    return { projectId: project.id, name: project.name, secretKey: secret.secret, publishableKey: publishable.secret, customerId };
  });
}

/** Meter, features, plans, and the demo customer subscribed to the free plan; returns the customer's id. */
async function seedDemoCatalog(tx: Queryable, projectId: string, now: Date): Promise<string> {
  const meter = await insertMeter(tx, projectId, { ...DEMO_METER, property: null, filters: {} }, now);
  for (const feature of DEMO_FEATURES) {
    await insertFeature(
      tx,
      projectId,
      { key: feature.key, name: feature.name, type: feature.type, meterId: 'meter' in feature ? meter.id : null, metadata: {} },
      now,
    );
  }
  for (const plan of DEMO_PLANS) {
    await insertPlan(
      tx,
      projectId,
      plan.key,
      {
        name: plan.name,
        interval: 'month',
        currency: 'usd',
        base_price: plan.base_price,
        trial_days: 0,
        entitlements: plan.entitlements.map((terms) => ({ ...terms })),
      },
      {},
      now,
      { group: DEFAULT_GROUP, add_on: false, default: plan.default },
    );
  }
  const customer = await insertCustomer(tx, projectId, { ...DEMO_CUSTOMER, metadata: {} }, now);
  const start = await findPlan(tx, projectId, DEMO_START_PLAN);
  // Whole seconds, as the subscriptions API stores them: usage periods key on these anchors.
  const periodStart = wholeSecond(now);
  await insertSubscription(
    tx,
    projectId,
    {
      customerId: customer.id,
      planId: start.id,
      planVersion: start.version,
      // Active from now for a month, whatever trial the plan offers: the demo customer is already paying.
      lifecycle: startedLifecycle(periodStart, 'month'),
      metadata: {},
    },
    now,
  );
  return customer.id;
}
