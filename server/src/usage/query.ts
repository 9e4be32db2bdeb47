// Dashboards: a meter's aggregate over a time range, grouped by day or a property's value.
// This reads events (by the indexes on project, name and time); checks never come here.
import type { Queryable } from '../db/database.js';
import type { Meter } from '../catalog/meters-store.js';
import { MAX_METER_DECIMALS, MAX_METER_VALUE, MAX_UNIQUE_VALUE_LENGTH } from './values.js';

interface UsageQuery {
  start: Date;
  end: Date;
  customerId: string | undefined;
  /** `day`, `property:<name>`, or null for one total. */
  groupBy: string | null;
}

const AGGREGATE: Record<Meter['aggregation'], (value: string) => string> = {
  count: () => 'count(*)',
  sum: (value) => `coalesce(sum(${value}), 0)`,
  max: (value) => `max(${value})`,
  unique_count: () => `count(distinct case when length(properties ->> $6) <= ${MAX_UNIQUE_VALUE_LENGTH} then properties ->> $6 end)`,
  latest: (value) => `(array_agg(${value} order by timestamp desc) filter (where ${value} is not null))[1]`,
};

export async function queryUsage(db: Queryable, projectId: string, meter: Meter, query: UsageQuery): Promise<Array<{ group: string | null; value: number }>> {
  const rows = await queryUsageExact(db, projectId, meter, query);
  return rows.map((row) => ({ group: row.group, value: row.value === null ? 0 : Number(row.value) }));
}

/**
 * As queryUsage, with each value as the database's exact decimal text (null when no event
 * counted): billing rates fractional sums, which a JS number could round.
 */
export async function queryUsageExact(
  db: Queryable,
  projectId: string,
  meter: Meter,
  query: UsageQuery,
): Promise<Array<{ group: string | null; value: string | null }>> {
  // A property's number, or null when it is missing, not a number, or one the meter refuses
  // (values.ts): events stored before the meter existed were not checked against it. The
  // text is cast only when its digits are few enough for numeric (a long one would overflow).
  const value = `(select case when abs(n) <= ${MAX_METER_VALUE} and min_scale(n) <= ${MAX_METER_DECIMALS} and (n >= 0 or ${meter.allow_negative === true}) then n end
    from (select case when jsonb_typeof(properties -> $6) = 'number' then (properties ->> $6)::numeric
      when (properties ->> $6) ~ '^\\s*-?[0-9]{1,100}(\\.[0-9]{1,100})?\\s*$' then (properties ->> $6)::numeric end as n) read)`;
  const group = query.groupBy === null ? 'null::text' : query.groupBy === 'day' ? `to_char(timestamp at time zone 'UTC', 'YYYY-MM-DD')` : 'properties ->> $7';
  const filters = Object.entries(meter.filters);
  const filterSql = filters.map((_, i) => `(properties -> $${8 + i * 2}) = any(select jsonb_array_elements($${9 + i * 2}::jsonb))`).join(' and ');
  const params: unknown[] = [
    projectId,
    meter.event_name,
    query.start,
    query.end,
    query.customerId ?? null,
    meter.property ?? '',
    query.groupBy?.startsWith('property:') ? query.groupBy.slice('property:'.length) : '',
    ...filters.flatMap(([name, expected]) => [name, JSON.stringify(Array.isArray(expected) ? expected : [expected])]),
  ];
  const { rows } = await db.query<{ group: string | null; value: string | number | null }>(
    `select ${group} as "group", ${AGGREGATE[meter.aggregation](value)} as value
     from events
     where project_id = $1 and event_name = $2 and timestamp >= $3 and timestamp < $4
       and ($5::text is null or customer_id = $5)
       ${filterSql ? `and ${filterSql}` : ''}
       -- $6 and $7 are always sent (Postgres must know every parameter's type), used or not.
       and $6::text is not null and $7::text is not null
     group by 1 order by 1 nulls last`,
    params,
  );
  return rows.map((row) => ({ group: row.group, value: row.value === null ? null : String(row.value) }));
}
