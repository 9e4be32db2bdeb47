-- Billing: usage prices on plan versions, and the invoices built at each period end with their
-- lines. Amounts are whole minor units (bigint); quantities and unit prices are kept as the exact
-- decimal text they were rated with.

alter table plan_versions add column prices jsonb not null default '[]';

create table invoices (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  customer_id text not null references customers (id),
  subscription_id text not null references subscriptions (id),
  plan_id text not null,
  plan_version integer not null,
  status text not null check (status in ('draft', 'open', 'paid')),
  currency text not null,
  period_start timestamptz not null,
  period_end timestamptz not null,
  trial boolean not null,
  subtotal bigint not null,
  total bigint not null,
  created_at timestamptz not null,
  finalized_at timestamptz,
  paid_at timestamptz,
  -- One invoice per subscription and period, however many instances or retries build it.
  unique (subscription_id, period_start),
  foreign key (plan_id, plan_version) references plan_versions (plan_id, version)
);

create index invoices_project_seq on invoices (project_id, seq desc);
create index invoices_customer on invoices (project_id, customer_id, seq desc);
create index invoices_customer_period on invoices (customer_id, period_start, period_end);
create index invoices_draft on invoices (status) where status = 'draft';

create table invoice_lines (
  invoice_id text not null references invoices (id),
  position integer not null,
  type text not null check (type in ('base_fee', 'usage')),
  description text not null,
  price_key text,
  meter_id text references meters (id),
  quantity text not null,
  free_quantity text not null,
  unit_amount text,
  tiers jsonb not null,
  adjustment jsonb,
  exact_amount text not null,
  amount bigint not null,
  period_start timestamptz not null,
  period_end timestamptz not null,
  primary key (invoice_id, position)
);

create index invoice_lines_meter on invoice_lines (meter_id) where meter_id is not null;
