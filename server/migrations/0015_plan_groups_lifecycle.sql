-- A customer's life across time (the lifecycle issue): plan groups, default plans, add-ons, a
-- billing cycle anchor that periods are counted from, usage that carries over a replacement,
-- a scheduled (period-end) plan change, and an index for the scheduler's due snapshots.

-- A plan belongs to a group (one live subscription per customer and group) or is an add-on
-- (stacks with the group's plan); the default plan of a group is what a customer holds when it
-- holds nothing else there.
alter table plans add column plan_group text not null default 'default';
alter table plans add column add_on boolean not null default false;
alter table plans add column is_default boolean not null default false;
create unique index plans_one_default_per_group on plans (project_id, plan_group) where is_default and not add_on;

-- The group is copied onto the subscription (null for an add-on), so a one-live-per-group
-- index can hold under any concurrency.
alter table subscriptions add column plan_group text;
update subscriptions s set plan_group = p.plan_group from plans p where p.id = s.plan_id and not p.add_on;

-- Periods are counted from the anchor (a trial's end, or the start), not chained from the last
-- period's end; a change of interval moves it.
alter table subscriptions add column billing_cycle_anchor timestamptz;
update subscriptions set billing_cycle_anchor = coalesce(trial_end, current_period_start);
alter table subscriptions alter column billing_cycle_anchor set not null;

-- When a subscription replaced another of its group inside a usage period, where each reset's
-- period then started: {"at": iso, "starts": {"month": iso, "never": iso, ...}}. Null otherwise.
alter table subscriptions add column usage_carry jsonb;

-- A change that takes effect later (a downgrade at period end): visible and cancelable.
alter table subscriptions add column scheduled_plan_id text references plans (id);
alter table subscriptions add column scheduled_plan_version integer;
alter table subscriptions add column scheduled_change_at timestamptz;

-- The scheduler claims the snapshots whose valid_until has passed.
create index entitlement_snapshots_valid_until on entitlement_snapshots (valid_until) where valid_until is not null;
