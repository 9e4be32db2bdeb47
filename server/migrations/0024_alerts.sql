-- Alerts: thresholds on a metered feature's usage, a credit balance or the upcoming invoice, for
-- one customer, every customer of a plan, or every customer of the project. They are evaluated
-- in the transaction that stores a customer's snapshot (never by polling).
create table alerts (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  type text not null check (type in ('usage', 'credit_balance', 'spend')),
  -- Whom it applies to: one customer, the customers of one plan, or (both null) every customer.
  customer_id text references customers (id),
  plan_id text references plans (id),
  feature_key text,
  percent integer,
  amount bigint,
  currency text,
  enabled boolean not null,
  description text,
  metadata jsonb not null default '{}',
  created_at timestamptz not null,
  updated_at timestamptz not null,
  deleted_at timestamptz,
  check (customer_id is null or plan_id is null)
);
create index alerts_project on alerts (project_id, seq desc) where deleted_at is null;
-- What every snapshot store asks: the live alerts of the project for every customer or this one.
create index alerts_applying on alerts (project_id, customer_id) where deleted_at is null and enabled;

-- An alert fired for a customer: once per period for usage and spend (period_start is the usage
-- or billing period's), so a second batch in the same period inserts nothing and raises no event.
-- A credit balance alert fires once per crossing: period_start is 'epoch', and the row is
-- deleted when the balance is back at or above the amount (armed again).
create table alert_firings (
  alert_id text not null references alerts (id),
  customer_id text not null references customers (id),
  period_start timestamptz not null,
  period_end timestamptz,
  threshold bigint not null,
  value bigint not null,
  fired_at timestamptz not null,
  primary key (alert_id, customer_id, period_start)
);
