-- Credits that behave like money (issue 17 item 6).
--
-- Auto top-up: per customer and currency, when the balance falls below `threshold` Nozle buys
-- `amount` of credit through the saved payment method. `armed` records the crossing: cleared
-- when a top-up is recorded, set again once the balance is back at or above the threshold, so one
-- crossing buys one pack. A top-up is recorded `pending` in the transaction that saw the crossing
-- (an outbox of charges) and charged by a job after commit; it settles `succeeded` (with its
-- grant) or `failed` (with the provider's reason), once.
create table credit_auto_top_ups (
  project_id text not null references projects (id),
  customer_id text not null references customers (id),
  currency text not null,
  enabled boolean not null,
  threshold bigint not null check (threshold > 0),
  amount bigint not null check (amount > 0),
  armed boolean not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (customer_id, currency)
);

create table credit_top_ups (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  customer_id text not null references customers (id),
  currency text not null,
  amount bigint not null check (amount > 0),
  threshold bigint not null,
  balance bigint not null,
  status text not null check (status in ('pending', 'succeeded', 'failed')),
  failure_code text,
  failure_message text,
  provider text,
  provider_invoice_id text,
  grant_id text references credit_grants (id),
  -- A provider that did not answer (no decline: an outage) is asked again, with the same key.
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  created_at timestamptz not null,
  settled_at timestamptz
);

-- What the charging job claims, oldest first.
create index credit_top_ups_pending on credit_top_ups (seq) where status = 'pending';
create index credit_top_ups_customer on credit_top_ups (customer_id, currency, seq desc);

-- Recurring credits: a grant a subscription's period made (`period`), or what the period before
-- left, rolled over (`rollover`); once per subscription, period and kind. Such a grant expires at
-- its period's end, and stays usable by invoices until the billing cycle closes its period
-- (`closed_at`): the period's own invoice draws on it first, then what is left rolls over.
alter table credit_grants add column subscription_id text references subscriptions (id);
alter table credit_grants add column period_start timestamptz;
alter table credit_grants add column period_kind text check (period_kind in ('period', 'rollover'));
alter table credit_grants add column closed_at timestamptz;
create unique index credit_grants_subscription_period on credit_grants (subscription_id, period_start, period_kind) where subscription_id is not null;
