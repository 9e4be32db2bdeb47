-- One live subscription per customer and plan (until plan groups say which plan replaces which):
-- a second one is refused by this index, and the API answers 409. "Live" is every status but
-- canceled, as in moveSubscriptionsToVersion. Duplicates made before the index existed would
-- stop it being built: the newest live one per customer and plan stays, the others are
-- canceled now (a provider-billed one the provider still holds is then reported, not revived,
-- by the next sync or reconciliation).
update subscriptions s
set status = 'canceled', canceled_at = now(), cancel_at_period_end = false, updated_at = now()
where s.status <> 'canceled'
  and exists (
    select 1 from subscriptions newer
    where newer.project_id = s.project_id and newer.customer_id = s.customer_id and newer.plan_id = s.plan_id
      and newer.status <> 'canceled' and (newer.created_at, newer.seq) > (s.created_at, s.seq)
  );

create unique index subscriptions_one_live_per_plan on subscriptions (project_id, customer_id, plan_id) where status <> 'canceled';
