// The subscriptions of plans that bill nothing but grant credits each period (a free plan with
// monthly credits): the billing cycle builds no invoice for them, so it finds them here to grant
// each period's credits (period-grants.ts) and close the last period's grants once they end.
import type { Queryable } from '../db/database.js';
import { projectNowSql } from '../project-clocks.js';
import type { PeriodGrantSubscription } from './period-grants.js';

/**
 * Those with something to do at their project's now: a live one whose current period has no
 * grant yet (a period's grant expires at its end), or one with a period grant that ended and is
 * not closed (its balance would still count).
 */
export async function creditOnlySubscriptions(db: Queryable, baseNow: Date, projectId?: string): Promise<PeriodGrantSubscription[]> {
  const now = projectNowSql('$1', 's.project_id');
  const { rows } = await db.query<PeriodGrantSubscription>(
    `select s.id, s.project_id, s.customer_id, s.plan_id, s.plan_version, s.status, s.provider, v.interval,
            s.current_period_start, s.current_period_end, s.cancel_at_period_end
       from subscriptions s join plan_versions v on v.plan_id = s.plan_id and v.version = s.plan_version
      where v.interval <> 'one_time' and v.credits is not null and v.base_price = 0 and jsonb_array_length(v.prices) = 0
        and s.status <> 'incomplete' and ($2::text is null or s.project_id = $2)
        and ((s.status in ('active', 'trialing', 'past_due')
              and not exists (select 1 from credit_grants g where g.subscription_id = s.id and g.period_kind = 'period' and g.expires_at > ${now}))
          or exists (select 1 from credit_grants g where g.subscription_id = s.id and g.closed_at is null and g.expires_at <= ${now}))
      order by s.id`,
    [baseNow, projectId ?? null],
  );
  return rows;
}
