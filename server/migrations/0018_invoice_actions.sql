-- Invoices can be paid (recorded), voided or marked uncollectible through the API; and a
-- subscription canceled at once can ask for its unused time to be credited.
alter table invoices drop constraint invoices_status_check;
alter table invoices add constraint invoices_status_check check (status in ('draft', 'open', 'paid', 'uncollectible', 'void'));
alter table invoices add column paid_out_of_band boolean not null default false;
alter table invoices add column voided_at timestamptz;
alter table invoices add column marked_uncollectible_at timestamptz;
alter table subscriptions add column cancel_prorate boolean not null default false;
