-- Outgoing webhooks. An event is written to webhook_events in the same transaction as the change
-- that caused it (the outbox): a rolled-back change leaves none, a crash loses none. The delivery
-- work (every instance, `skip locked` claims) gives each event one delivery per endpoint that
-- wants it, and each delivery its attempts, logged.
create table webhook_endpoints (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  url text not null,
  description text,
  -- The event types it receives; ["*"] for all.
  enabled_events jsonb not null,
  status text not null check (status in ('enabled', 'disabled')),
  secret text not null,
  -- A rolled secret keeps signing, beside the new one, until it expires.
  previous_secret text,
  previous_secret_expires_at timestamptz,
  -- Set when a delivery exhausted its attempts; cleared by the next success.
  failing_since timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  deleted_at timestamptz
);
create index webhook_endpoints_project on webhook_endpoints (project_id, seq desc) where deleted_at is null;

create table webhook_events (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  type text not null,
  data jsonb not null,
  created_at timestamptz not null,
  -- Whether its deliveries were made (one per endpoint that wanted it, at that moment).
  dispatched boolean not null default false
);
create index webhook_events_project on webhook_events (project_id, seq desc);
create index webhook_events_undispatched on webhook_events (seq) where not dispatched;

create table webhook_deliveries (
  seq bigserial not null,
  id text primary key,
  event_id text not null references webhook_events (id),
  endpoint_id text not null references webhook_endpoints (id),
  status text not null check (status in ('pending', 'succeeded', 'failed')),
  attempts integer not null default 0,
  -- When the next attempt may start; while an attempt runs, the end of its lease.
  next_attempt_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (event_id, endpoint_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';

create table webhook_attempts (
  delivery_id text not null references webhook_deliveries (id),
  attempt integer not null,
  started_at timestamptz not null,
  -- The receiver's HTTP status; null when none arrived (timeout, network error, refused address).
  status_code integer,
  error text,
  latency_ms integer not null,
  response_excerpt text,
  primary key (delivery_id, attempt)
);
