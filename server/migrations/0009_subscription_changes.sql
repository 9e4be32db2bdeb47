-- Plan changes of subscriptions Nozle bills itself, each with its instant and the plan version
-- before and after: the invoice of the period a change falls in carries its proration lines
-- (a credit for the unused time on the old base price, a charge for the rest on the new one).
-- Provider-billed subscriptions are prorated by the provider and have no rows here.
-- Invoice lines of type 'proration' hold those lines.

create table subscription_changes (
  seq bigserial primary key,
  subscription_id text not null references subscriptions (id),
  changed_at timestamptz not null,
  from_plan_id text not null,
  from_plan_version integer not null,
  to_plan_id text not null,
  to_plan_version integer not null,
  foreign key (from_plan_id, from_plan_version) references plan_versions (plan_id, version),
  foreign key (to_plan_id, to_plan_version) references plan_versions (plan_id, version)
);

create index subscription_changes_subscription on subscription_changes (subscription_id, changed_at, seq);

alter table invoice_lines drop constraint invoice_lines_type_check;
alter table invoice_lines add constraint invoice_lines_type_check check (type in ('base_fee', 'usage', 'credit', 'proration'));
