-- Usage metering: meters, the events (partitioned by month of their timestamp), the ids seen
-- (so a repeated event is a no-op across partitions), and the counters kept as events arrive.

create table meters (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  key text not null,
  name text not null,
  event_name text not null,
  aggregation text not null check (aggregation in ('count', 'sum', 'max', 'unique_count', 'latest')),
  property text,
  filters jsonb not null default '{}',
  created_at timestamptz not null,
  unique (project_id, key)
);

create index meters_event_name on meters (project_id, event_name);

alter table features add column meter_id text references meters (id);

-- A unique key on the partitioned table would have to include the timestamp; this one does not.
create table event_ids (
  project_id text not null,
  id text not null,
  received_at timestamptz not null,
  primary key (project_id, id)
);

create table events (
  project_id text not null,
  id text not null,
  customer_id text not null,
  event_name text not null,
  timestamp timestamptz not null,
  properties jsonb not null,
  received_at timestamptz not null
) partition by range (timestamp);

-- Monthly partitions are made ahead of time by the server; this one only catches strays.
create table events_default partition of events default;

create index events_customer_name_time on events (project_id, customer_id, event_name, timestamp);
create index events_name_time on events (project_id, event_name, timestamp);

-- One row per customer, meter and period. A period that never ends has period_end 9999-12-31.
create table usage_counters (
  project_id text not null,
  customer_id text not null references customers (id),
  meter_id text not null references meters (id),
  period_start timestamptz not null,
  period_end timestamptz not null,
  value numeric not null,
  latest_at timestamptz,
  updated_at timestamptz not null,
  primary key (customer_id, meter_id, period_start, period_end)
);

create table usage_unique_values (
  customer_id text not null,
  meter_id text not null,
  period_start timestamptz not null,
  period_end timestamptz not null,
  value text not null,
  primary key (customer_id, meter_id, period_start, period_end, value)
);
