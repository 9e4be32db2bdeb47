-- More outgoing webhooks: what makes each of them exactly once per occurrence.
--
-- An event that a retried processing may raise again (a provider's event processed twice after a
-- failure) carries the key of what raised it; a second one with the same key is not recorded.
alter table webhook_events add column once_key text;
create unique index webhook_events_once on webhook_events (project_id, once_key) where once_key is not null;

-- The trial end a subscription.trial_will_end was sent for: once per trial end (a later one sends again).
alter table subscriptions add column trial_will_end_sent_for timestamptz;

-- How many times an invoice Nozle collects itself was charged through the API (invoice.payment_failed's attempt_count).
alter table invoices add column payment_attempts integer not null default 0;

-- The sandbox's invoices keep their attempt and the next retry, as Stripe's do.
alter table sandbox_invoices add column attempt_count integer not null default 1;
alter table sandbox_invoices add column next_payment_attempt timestamptz;
