-- Taxes: tax rates (as Stripe's), a customer's address, tax ids and tax exemption, the rates a
-- subscription names explicitly, each invoice line's tax amounts and the invoice's tax, and the
-- project's switch for Stripe Tax (`automatic_tax`) on what it sends to Stripe.

create table tax_rates (
  id text primary key,
  seq bigserial not null,
  project_id text not null references projects (id),
  display_name text not null,
  description text,
  -- Up to 4 decimals, 0..100 (Stripe's bounds); fixed once created, with `inclusive`.
  percentage numeric(7, 4) not null check (percentage >= 0 and percentage <= 100),
  inclusive boolean not null,
  country text check (country ~ '^[A-Z]{2}$'),
  state text,
  jurisdiction text,
  active boolean not null default true,
  created_at timestamptz not null
);
create index tax_rates_project on tax_rates (project_id, seq);

-- Stripe's customer address (every field optional), its tax ids ([{type, value}]) and tax_exempt.
alter table customers add column address jsonb;
alter table customers add column tax_ids jsonb not null default '[]';
alter table customers add column tax_exempt text not null default 'none' check (tax_exempt in ('none', 'exempt', 'reverse'));

-- Tax rate ids a subscription applies instead of those matching its customer's address.
alter table subscriptions add column default_tax_rates jsonb not null default '[]';

-- Each line's taxes ([{amount, inclusive, tax_rate, taxable_amount}]) and the invoice's sums:
-- `tax` is the exclusive tax added to the subtotal; total_tax_amounts one entry per rate.
alter table invoice_lines add column tax_amounts jsonb not null default '[]';
alter table invoices add column tax bigint not null default 0;
alter table invoices add column total_tax_amounts jsonb not null default '[]';
-- The customer's tax status when the invoice was built, as Stripe's invoice keeps it ("reverse":
-- the invoice notes a reverse charge).
alter table invoices add column customer_tax_exempt text not null default 'none' check (customer_tax_exempt in ('none', 'exempt', 'reverse'));

-- Stripe Tax on checkout sessions and the invoices Nozle sends to Stripe.
alter table projects add column automatic_tax boolean not null default false;
