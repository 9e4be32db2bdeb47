-- Seats: a subscription's quantity, a plan version whose base price is per seat, and the
-- quantity before and after each recorded change (billing prorates a quantity change like a
-- plan change). A scheduled change (a period-end decrease) carries the quantity it sets.
alter table subscriptions add column quantity integer not null default 1 check (quantity between 1 and 1000000);
alter table subscriptions add column scheduled_quantity integer check (scheduled_quantity between 1 and 1000000);

alter table plan_versions add column per_seat boolean not null default false;

alter table subscription_changes add column from_quantity integer not null default 1;
alter table subscription_changes add column to_quantity integer not null default 1;

-- The seats a checkout sells, and the sandbox's subscriptions' seats (its page sells them).
alter table checkout_sessions add column quantity integer not null default 1;
alter table sandbox_subscriptions add column quantity integer not null default 1;
