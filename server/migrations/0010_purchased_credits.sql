-- Credit granted by purchase: a one_time plan version may carry a credit pack (amount, currency,
-- days until it expires); buying it makes one grant, tied to the purchase (once: unique). A
-- refund of the purchase removes what remains of that grant and records how much and when.

alter table plan_versions add column credits jsonb;

alter table credit_grants add column purchase_id text references purchases (id);
alter table credit_grants add constraint credit_grants_purchase unique (purchase_id);
alter table credit_grants add column revoked_at timestamptz;
alter table credit_grants add column revoked_amount bigint check (revoked_amount >= 0);
