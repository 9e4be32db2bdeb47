// What the sandbox's hosted pages read: the portal's view.
import type { Queryable } from '../../db/database.js';

interface PortalSubscription {
  id: string;
  provider_subscription_id: string;
  status: string;
  plan_key: string;
  name: string;
  cancel_at_period_end: boolean;
  current_period_end: Date;
}

/** What the portal shows a customer: their sandbox subscriptions (newest first), the plans to switch to, their card. */
export async function portalView(
  db: Queryable,
  projectId: string,
  customerId: string,
): Promise<{ subs: PortalSubscription[]; plans: Array<{ key: string; name: string }>; card: string | undefined }> {
  const { rows: subs } = await db.query<PortalSubscription>(
    `select s.id, s.provider_subscription_id, s.status, p.key as plan_key, v.name, s.cancel_at_period_end, s.current_period_end
     from subscriptions s join plans p on p.id = s.plan_id join plan_versions v on v.plan_id = s.plan_id and v.version = s.plan_version
     where s.customer_id = $1 and s.provider = 'sandbox' order by s.seq desc`,
    [customerId],
  );
  const { rows: plans } = await db.query<{ key: string; name: string }>(
    `select p.key, v.name from plans p join plan_versions v on v.plan_id = p.id and v.version = p.current_version
     where p.project_id = $1 and v.interval <> 'one_time' order by p.seq`,
    [projectId],
  );
  const { rows: card } = await db.query<{ card: string }>(
    "select c.card from sandbox_customers c join payment_customers m on m.provider_customer_id = c.id and m.provider = 'sandbox' where m.customer_id = $1",
    [customerId],
  );
  return { subs, plans, card: card[0]?.card };
}
