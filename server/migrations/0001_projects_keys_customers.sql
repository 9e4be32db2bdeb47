-- Projects (tenants), their API keys, customers, and stored idempotent responses.
-- Times come from the server's clock (injectable), not now(), so tests can move time.

create table projects (
  id text primary key,
  name text not null,
  created_at timestamptz not null
);

create table api_keys (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  type text not null check (type in ('secret', 'publishable')),
  name text,
  key_hash text not null unique,
  redacted text not null,
  created_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);

create index api_keys_project_seq on api_keys (project_id, seq desc);

create table customers (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  external_id text,
  email text,
  name text,
  metadata jsonb not null default '{}',
  created_at timestamptz not null,
  updated_at timestamptz not null,
  deleted_at timestamptz
);

create unique index customers_project_external_id on customers (project_id, external_id)
  where deleted_at is null and external_id is not null;
create index customers_project_seq on customers (project_id, seq desc) where deleted_at is null;
create index customers_project_email on customers (project_id, email) where deleted_at is null;

create table idempotency_keys (
  project_id text not null references projects (id),
  key text not null,
  request_hash text not null,
  lease_token text,
  locked_until timestamptz,
  response_status integer,
  response_body jsonb,
  created_at timestamptz not null,
  primary key (project_id, key)
);

create index idempotency_keys_created on idempotency_keys (created_at);
