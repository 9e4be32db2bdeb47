-- Each project's own sandbox test clock: how far its time has been moved ahead of the server's.
-- A project without a row is at the server's time. Moving one project's clock moves no other.
create table project_clocks (
  project_id text primary key references projects (id),
  offset_ms bigint not null check (offset_ms >= 0)
);

-- The one clock the whole server had: every existing project keeps the time it had reached, so
-- nothing jumps back. An offset past the ten years now allowed (one that could stop the server
-- from starting) is cut to them.
insert into project_clocks (project_id, offset_ms)
  select p.id, least(c.offset_ms, 315360000000) from projects p cross join sandbox_clock c where c.offset_ms > 0;

drop table sandbox_clock;
