-- Reservations of prepaid credit: a hold names a currency instead of a feature, and its commit
-- draws the amount from the customer's grants at once, each draw recorded once per grant.
alter table reservations alter column feature_key drop not null;
alter table reservations add column currency text check (currency ~ '^[a-z]{3}$');
alter table reservations add constraint reservations_feature_or_currency check ((feature_key is null) <> (currency is null));

create table reservation_drawdowns (
  reservation_id text not null references reservations (id),
  grant_id text not null references credit_grants (id),
  amount bigint not null check (amount > 0),
  primary key (reservation_id, grant_id)
);

-- The order of GET /v1/reservations (newest first) and its cursor.
alter table reservations add column seq bigserial not null;
create index reservations_project on reservations (project_id, seq);
