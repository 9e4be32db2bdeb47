-- The catalog (features, versioned plans), access sources (subscriptions, one-time purchases,
-- manual grants and revokes) and each customer's entitlement snapshot with its version.

create table features (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  key text not null,
  name text not null,
  type text not null check (type in ('boolean', 'metered', 'config')),
  metadata jsonb not null default '{}',
  created_at timestamptz not null,
  unique (project_id, key)
);

create table plans (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  key text not null,
  current_version integer not null,
  metadata jsonb not null default '{}',
  created_at timestamptz not null,
  unique (project_id, key)
);

-- A version's terms never change once anyone subscribed to or bought it.
create table plan_versions (
  plan_id text not null references plans (id),
  version integer not null,
  name text not null,
  interval text not null check (interval in ('month', 'year', 'one_time')),
  currency text not null,
  base_price bigint not null,
  trial_days integer not null,
  entitlements jsonb not null,
  created_at timestamptz not null,
  primary key (plan_id, version)
);

create table subscriptions (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  customer_id text not null references customers (id),
  plan_id text not null,
  plan_version integer not null,
  status text not null check (status in ('trialing', 'active', 'past_due', 'canceled', 'incomplete')),
  current_period_start timestamptz not null,
  current_period_end timestamptz not null,
  trial_end timestamptz,
  cancel_at_period_end boolean not null default false,
  canceled_at timestamptz,
  past_due_since timestamptz,
  metadata jsonb not null default '{}',
  created_at timestamptz not null,
  updated_at timestamptz not null,
  foreign key (plan_id, plan_version) references plan_versions (plan_id, version)
);

create index subscriptions_customer on subscriptions (project_id, customer_id);
create index subscriptions_plan_version on subscriptions (plan_id, plan_version);
create index subscriptions_project_seq on subscriptions (project_id, seq desc);

create table purchases (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  customer_id text not null references customers (id),
  plan_id text not null,
  plan_version integer not null,
  purchased_at timestamptz not null,
  expires_at timestamptz,
  refunded_at timestamptz,
  metadata jsonb not null default '{}',
  created_at timestamptz not null,
  foreign key (plan_id, plan_version) references plan_versions (plan_id, version)
);

create index purchases_customer on purchases (project_id, customer_id);
create index purchases_plan_version on purchases (plan_id, plan_version);
create index purchases_project_seq on purchases (project_id, seq desc);

-- An audit trail: rows are only ever inserted.
create table grants (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  customer_id text not null references customers (id),
  feature_key text not null,
  kind text not null check (kind in ('grant', 'revoke')),
  starts_at timestamptz not null,
  ends_at timestamptz,
  limit_value bigint,
  reset text,
  overage boolean,
  value jsonb,
  reason text,
  actor text not null,
  created_at timestamptz not null
);

create index grants_customer on grants (project_id, customer_id, seq desc);

-- One row per customer: the computed entitlements and the version that grows with each change.
create table entitlement_snapshots (
  customer_id text primary key references customers (id),
  project_id text not null references projects (id),
  version bigint not null,
  snapshot jsonb not null,
  valid_until timestamptz,
  computed_at timestamptz not null
);
