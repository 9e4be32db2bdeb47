-- Invoices sent to a payment provider: who holds the invoice there and its id. Stripe-billed
-- subscriptions have their invoice sent to Stripe as invoice items on a Stripe invoice (the Nozle
-- invoice id in its metadata); the sandbox answers paid at once. Null for invoices of
-- subscriptions billed through the API alone (and for those of provider-billed subscriptions
-- that had nothing to charge).
alter table invoices add column provider text check (provider in ('stripe', 'sandbox'));
alter table invoices add column provider_invoice_id text;
create unique index invoices_provider_invoice on invoices (provider, provider_invoice_id) where provider_invoice_id is not null;
