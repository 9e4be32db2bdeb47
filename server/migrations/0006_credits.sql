-- Prepaid credit: grants per customer and currency (whole minor units), and what each invoice
-- drew from each grant. A grant's `remaining` and the drawdowns change in the transaction that
-- builds the invoice, so credit is drawn exactly once per invoice.

create table credit_grants (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  customer_id text not null references customers (id),
  currency text not null,
  amount bigint not null check (amount > 0),
  remaining bigint not null check (remaining >= 0 and remaining <= amount),
  expires_at timestamptz,
  description text,
  created_at timestamptz not null
);

create index credit_grants_customer on credit_grants (project_id, customer_id, seq desc);

create table credit_drawdowns (
  invoice_id text not null references invoices (id),
  grant_id text not null references credit_grants (id),
  amount bigint not null check (amount > 0),
  primary key (invoice_id, grant_id)
);

alter table invoice_lines drop constraint invoice_lines_type_check;
alter table invoice_lines add constraint invoice_lines_type_check check (type in ('base_fee', 'usage', 'credit'));
alter table invoice_lines add column credit_grant_id text references credit_grants (id);
