-- Nozle's own dunning: an invoice Nozle bills itself is due some days after it is finalized; its
-- subscription keeps the earliest due date of what it still owes, so the scheduler (through the
-- entitlement snapshot's valid_until) acts at that instant.
alter table invoices add column due_at timestamptz;
alter table subscriptions add column payment_due_at timestamptz;
create index invoices_open_due on invoices (subscription_id, due_at) where status = 'open' and due_at is not null;
