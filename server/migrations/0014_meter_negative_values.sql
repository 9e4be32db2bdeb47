-- Whether a meter takes negative values (a sum of balance adjustments, a gauge below zero).
-- Off by default, and for every meter made before: a negative value lowered a sum by mistake.
alter table meters add column allow_negative boolean not null default false;
