-- Invoice documents: the seller's details a project prints on its invoices, the invoice number
-- (a sequence per project without gaps) and the token of each invoice's hosted page.

-- The seller as its invoices show it; null fields are left off (the business name falls back to
-- the project's name).
alter table projects add column invoice_business_name text;
alter table projects add column invoice_address text;
alter table projects add column invoice_email text;
alter table projects add column invoice_tax_id text;
alter table projects add column invoice_number_prefix text not null default 'INV';

-- The last number given to an invoice of the project. The finalizing transaction takes its row
-- (an upsert locks it until commit, as `for update` does), so numbers are given one at a time and
-- a finalization that rolls back gives its number back with it: no gaps, no repeats.
create table invoice_number_counters (
  project_id text primary key references projects (id),
  last_number integer not null check (last_number >= 0)
);

-- Both are set when the invoice is finalized (a draft has neither, as at Stripe).
alter table invoices add column number text;
alter table invoices add column hosted_token text;
create unique index invoices_project_number on invoices (project_id, number) where number is not null;
create unique index invoices_hosted_token on invoices (hosted_token) where hosted_token is not null;

-- Invoices finalized before this migration are numbered in the order they were finalized, and
-- the counters continue from there. Their tokens come from gen_random_uuid (a strong random
-- source): two of them, 244 random bits.
update invoices i set
  number = p.invoice_number_prefix || '-' || lpad(n.rn::text, greatest(4, length(n.rn::text)), '0'),
  hosted_token = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
from (
  select id, project_id, row_number() over (partition by project_id order by coalesce(finalized_at, created_at), seq) as rn
  from invoices where status <> 'draft'
) n
join projects p on p.id = n.project_id
where i.id = n.id;

insert into invoice_number_counters (project_id, last_number)
select project_id, count(*) from invoices where status <> 'draft' group by project_id;
