-- Payments: who a customer is at the payment provider, which provider price sells each plan
-- version, checkout and portal sessions, the provider's events as received, reconciliation
-- runs, and the sandbox provider's own state (used when no Stripe key is configured).

-- Stripe's (or the sandbox's) statuses that mean "no access": paused and unpaid.
alter table subscriptions drop constraint subscriptions_status_check;
alter table subscriptions add constraint subscriptions_status_check
  check (status in ('trialing', 'active', 'past_due', 'canceled', 'incomplete', 'paused', 'unpaid'));
alter table subscriptions add column provider text;
alter table subscriptions add column provider_subscription_id text;
create unique index subscriptions_provider_id on subscriptions (provider, provider_subscription_id);

alter table purchases add column provider text;
alter table purchases add column provider_payment_id text;
create unique index purchases_provider_id on purchases (provider, provider_payment_id);

create table payment_customers (
  project_id text not null references projects (id),
  customer_id text not null references customers (id),
  provider text not null,
  provider_customer_id text not null,
  created_at timestamptz not null,
  primary key (customer_id, provider),
  unique (provider, provider_customer_id)
);

create table payment_prices (
  project_id text not null references projects (id),
  plan_id text not null,
  plan_version integer not null,
  provider text not null,
  provider_price_id text not null,
  created_at timestamptz not null,
  primary key (plan_id, plan_version, provider),
  unique (provider, provider_price_id),
  foreign key (plan_id, plan_version) references plan_versions (plan_id, version)
);

create table checkout_sessions (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  kind text not null check (kind in ('checkout', 'portal')),
  customer_id text not null references customers (id),
  plan_id text,
  plan_version integer,
  provider text not null,
  provider_session_id text not null,
  url text not null,
  success_url text,
  cancel_url text,
  return_url text,
  trial_days integer,
  status text not null check (status in ('open', 'complete', 'expired')),
  created_at timestamptz not null,
  expires_at timestamptz not null
);

create unique index checkout_sessions_provider_id on checkout_sessions (provider, provider_session_id);

-- Every event a provider sent, stored before it is processed, once per id.
create table payment_events (
  seq bigserial not null,
  id text primary key,
  provider text not null,
  type text not null,
  project_id text,
  payload jsonb not null,
  status text not null check (status in ('pending', 'processed', 'failed', 'ignored')),
  attempts integer not null default 0,
  last_error text,
  received_at timestamptz not null,
  processed_at timestamptz,
  next_attempt_at timestamptz
);

create index payment_events_due on payment_events (next_attempt_at) where status in ('pending', 'failed');
create index payment_events_project on payment_events (project_id, seq desc);

create table reconciliation_runs (
  seq bigserial not null,
  id text primary key,
  project_id text,
  trigger text not null check (trigger in ('schedule', 'api')),
  started_at timestamptz not null,
  finished_at timestamptz,
  checked integer not null default 0,
  changes jsonb not null default '[]',
  error text
);

-- The sandbox provider: a small stand-in for Stripe that keeps its objects here.
create table sandbox_customers (
  id text primary key,
  project_id text not null references projects (id),
  card text not null check (card in ('succeeds', 'declines')),
  created_at timestamptz not null
);

create table sandbox_subscriptions (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  customer text not null references sandbox_customers (id),
  price text not null,
  status text not null,
  current_period_start timestamptz not null,
  current_period_end timestamptz not null,
  trial_end timestamptz,
  cancel_at_period_end boolean not null default false,
  canceled_at timestamptz,
  failed_attempts integer not null default 0,
  next_attempt_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table sandbox_payments (
  id text primary key,
  project_id text not null references projects (id),
  customer text not null references sandbox_customers (id),
  price text not null,
  amount bigint not null,
  currency text not null,
  refunded boolean not null default false,
  created_at timestamptz not null
);

-- The sandbox's test clock: how far it has been moved ahead of the machine's time.
create table sandbox_clock (
  id integer primary key check (id = 1),
  offset_ms bigint not null
);
