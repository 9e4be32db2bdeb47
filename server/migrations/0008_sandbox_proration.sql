-- The sandbox prorates a mid-period plan change as Stripe does: the net of the unused time of
-- the old price and the rest of the period at the new one is charged now (always_invoice) or
-- added to the next renewal's charge (create_prorations). Negative is a credit.
alter table sandbox_subscriptions add column pending_proration bigint not null default 0;
