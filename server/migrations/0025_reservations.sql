-- Reservations: units of a metered feature held for a customer under its limit, then committed
-- (recorded as one usage event whose id is the reservation's) or released. A held one counts
-- only until expires_at: an expired reservation releases itself, so no job is needed.
create table reservations (
  id text primary key,
  project_id text not null references projects (id),
  customer_id text not null references customers (id),
  feature_key text not null,
  quantity bigint not null check (quantity > 0),
  status text not null check (status in ('held', 'committed', 'released')),
  committed_quantity bigint check (committed_quantity >= 0),
  expires_at timestamptz not null,
  created_at timestamptz not null,
  settled_at timestamptz
);
-- What every snapshot of the customer sums: its holds not yet settled (the expired ones are left out by time).
create index reservations_held on reservations (customer_id, expires_at) where status = 'held';
