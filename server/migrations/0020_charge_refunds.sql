-- A refund of a provider's subscription invoice names its payment, not the invoice: the charge
-- keeps the payment that paid it (Stripe's PaymentIntent), so charge.refunded lowers its revenue.
alter table provider_charges add column provider_payment_id text;
create index provider_charges_payment on provider_charges (provider, provider_payment_id) where provider_payment_id is not null;
