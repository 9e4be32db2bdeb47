-- One live subscription per customer and plan group (the lifecycle issue, item 1): a second one
-- of a group is refused by this index, and the API answers 409 (the subscriptions service turns
-- a subscription to another plan of a held group into a change of that subscription instead).
--
-- "Live" here is the statuses that give access: trialing, active, past_due. The others hold no
-- place in the group: incomplete (a checkout's subscription whose first payment is pending: it
-- waits beside the free plan and replaces it when the payment succeeds), paused (a trial ended
-- without a payment method) and unpaid (every retry failed) give no access, so the group's
-- default plan comes back beside them. Whatever brings one of those back to live (a resume, a
-- payment) replaces the group's live subscription in the same transaction; one that forgets to
-- is refused by this index, never left as two. Add-ons (plan_group null) stack, and keep only
-- the per-plan index of migration 0013.
--
-- Duplicates made before the index existed would stop it being built: per customer and group,
-- the one kept live is a paid one (a base price or usage prices) before a free one, then the
-- newest (created_at, then seq); the others are canceled now, with no scheduled change left.
with ranked as (
  select s.id,
    row_number() over (
      partition by s.project_id, s.customer_id, s.plan_group
      order by (v.base_price > 0 or jsonb_array_length(v.prices) > 0) desc, s.created_at desc, s.seq desc
    ) as place
  from subscriptions s
  join plan_versions v on v.plan_id = s.plan_id and v.version = s.plan_version
  where s.plan_group is not null and s.status in ('trialing', 'active', 'past_due')
)
update subscriptions s
set status = 'canceled', canceled_at = now(), cancel_at_period_end = false, past_due_since = null,
  scheduled_plan_id = null, scheduled_plan_version = null, scheduled_change_at = null, updated_at = now()
from ranked r
where r.id = s.id and r.place > 1;

create unique index subscriptions_one_live_per_group on subscriptions (project_id, customer_id, plan_group)
  where plan_group is not null and status in ('trialing', 'active', 'past_due');
