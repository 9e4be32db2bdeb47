-- What a payment provider charged a customer outside Nozle's own invoices (a checkout's
-- subscription invoices at Stripe, the sandbox's charges, one-time payments): the margin report
-- counts it as revenue. One row per provider charge (its invoice or payment id), so a repeated
-- webhook records it once; a refund lowers it.
create table provider_charges (
  seq bigserial not null,
  provider text not null,
  provider_charge_id text not null,
  project_id text not null references projects (id),
  customer_id text not null references customers (id),
  plan_id text not null references plans (id),
  subscription_id text references subscriptions (id),
  -- Whole minor units of `currency`, the currency the provider charged in.
  amount bigint not null,
  amount_refunded bigint not null default 0,
  currency text not null,
  -- The period the charge paid for (a one-time payment: the instant it was made, twice).
  period_start timestamptz not null,
  period_end timestamptz not null,
  charged_at timestamptz not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (provider, provider_charge_id)
);
create index provider_charges_report on provider_charges (project_id, currency, charged_at);

-- The sandbox keeps the invoices it charges (so an invoice.paid event is read back from it, as
-- from Stripe), and a plan change scheduled for the period's end (Stripe's subscription schedule).
create table sandbox_invoices (
  id text primary key,
  project_id text not null references projects (id),
  customer text not null references sandbox_customers (id),
  subscription text not null references sandbox_subscriptions (id),
  price text not null,
  amount_due bigint not null,
  amount_paid bigint not null,
  currency text not null,
  status text not null,
  period_start timestamptz not null,
  period_end timestamptz not null,
  created_at timestamptz not null
);
alter table sandbox_subscriptions add column scheduled_price text;
