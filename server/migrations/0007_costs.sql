-- Cost models (what a unit of a meter costs, optionally per value of one event property, over
-- whole UTC days) and the daily usage rollup margins are computed from.

create table cost_models (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  meter_id text not null references meters (id),
  property text,
  value text,
  unit_cost text not null,
  currency text not null,
  effective_from timestamptz not null,
  effective_to timestamptz,
  created_at timestamptz not null,
  check ((property is null) = (value is null))
);

create index cost_models_project on cost_models (project_id, seq desc);
create index cost_models_meter on cost_models (meter_id);

-- Per customer, `sum`/`count` meter and UTC day: the total (property '' and value '') and the
-- part of it from events carrying each string value of each top-level property. Kept at ingest
-- with the counters, from the same accepted events, so it is exactly once like them.
create table usage_daily (
  project_id text not null,
  customer_id text not null references customers (id),
  meter_id text not null references meters (id),
  day date not null,
  property text not null,
  value text not null,
  quantity numeric not null,
  primary key (customer_id, meter_id, day, property, value)
);

create index usage_daily_project_day on usage_daily (project_id, day);
