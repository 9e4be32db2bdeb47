-- Coupons and promotion codes (as Stripe's), and the discounts that apply a coupon to a
-- subscription or to a customer. Redemption counts are kept on the coupon and the code and are
-- raised by one guarded update in the transaction that applies them, so they never pass their limit.
create table coupons (
  seq bigserial not null,
  project_id text not null references projects (id),
  -- The caller's own id (a Stripe coupon gets the same one), unique in its project.
  id text not null,
  name text,
  percent_off numeric(5, 2) check (percent_off > 0 and percent_off <= 100),
  amount_off bigint check (amount_off > 0),
  currency text,
  -- { "eur": { "amount_off": 900 } }: amount_off in further currencies.
  currency_options jsonb not null default '{}',
  duration text not null check (duration in ('once', 'repeating', 'forever')),
  duration_in_months integer check (duration_in_months between 1 and 120),
  max_redemptions integer check (max_redemptions > 0),
  redeem_by timestamptz,
  times_redeemed integer not null default 0 check (max_redemptions is null or times_redeemed <= max_redemptions),
  -- Plan ids whose lines it discounts; null for every line.
  applies_to_plans jsonb,
  metadata jsonb not null default '{}',
  created_at timestamptz not null,
  deleted_at timestamptz,
  primary key (project_id, id),
  check ((percent_off is null) <> (amount_off is null)),
  check ((amount_off is null) = (currency is null)),
  check ((duration = 'repeating') = (duration_in_months is not null))
);
create index coupons_list on coupons (project_id, seq desc) where deleted_at is null;

create table promotion_codes (
  seq bigserial not null,
  id text primary key,
  project_id text not null references projects (id),
  coupon_id text not null,
  code text not null,
  active boolean not null,
  max_redemptions integer check (max_redemptions > 0),
  times_redeemed integer not null default 0 check (max_redemptions is null or times_redeemed <= max_redemptions),
  expires_at timestamptz,
  customer_id text references customers (id),
  first_time_transaction boolean not null default false,
  minimum_amount bigint check (minimum_amount > 0),
  minimum_amount_currency text,
  metadata jsonb not null default '{}',
  created_at timestamptz not null,
  foreign key (project_id, coupon_id) references coupons (project_id, id)
);
-- A code the customer types names one active promotion code of the project, whatever its case.
create unique index promotion_codes_active_code on promotion_codes (project_id, lower(code)) where active;
create index promotion_codes_list on promotion_codes (project_id, seq desc);

create table discounts (
  id text primary key,
  project_id text not null references projects (id),
  customer_id text not null references customers (id),
  -- null: the customer's own discount, for its subscriptions that have none.
  subscription_id text references subscriptions (id),
  coupon_id text not null,
  promotion_code_id text references promotion_codes (id),
  start_at timestamptz not null,
  -- A repeating coupon's end; null for once and forever.
  end_at timestamptz,
  -- Replaced or removed.
  removed_at timestamptz,
  foreign key (project_id, coupon_id) references coupons (project_id, id)
);
create unique index discounts_live_subscription on discounts (subscription_id) where removed_at is null and subscription_id is not null;
create unique index discounts_live_customer on discounts (customer_id) where removed_at is null and subscription_id is null;
-- A customer's discounts: its live one, and whether it redeemed a first-time promotion code before.
create index discounts_customer on discounts (customer_id, promotion_code_id);

-- What each discount took off a line, and off the invoice: [{ "amount": 200, "discount": "di_…" }].
alter table invoice_lines add column discount_amounts jsonb not null default '[]';
alter table invoices add column total_discount_amounts jsonb not null default '[]';

-- A checkout's promotion code (applied to the subscription it starts), or the buyer may type one.
alter table checkout_sessions add column promotion_code_id text references promotion_codes (id);
alter table checkout_sessions add column allow_promotion_codes boolean not null default false;
-- A checkout's coupon (as promotion_code_id: one or the other), and when its completion's
-- discount and customer details were recorded (once, however often the provider reports it).
alter table checkout_sessions add column coupon_id text;
alter table checkout_sessions add column completion_recorded_at timestamptz;

-- The Stripe coupon and promotion code made for them (on demand, in Stripe mode), to find them
-- again and to read Stripe's discounts back as Nozle's.
alter table coupons add column stripe_coupon_id text unique;
alter table promotion_codes add column stripe_promotion_code_id text unique;
