// What the usage routes call beside ingestion: a customer's counters and a meter's aggregate over a range.
import type { components } from '@nozle/openapi';
import { findMeter } from '../catalog/meters-store.js';
import { findCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import { invalidParam } from '../http/errors.js';
import type { ListEnvelope } from '../http/pagination.js';
import { queryUsage } from './query.js';
import { customerUsage, type Usage } from './usage-store.js';

type UsageQueryResult = components['schemas']['UsageQueryResult'];

/** The customer's counters (of one meter when given): all of them, or only the periods containing `at`. */
export async function listCustomerUsage(
  db: Queryable,
  projectId: string,
  customerRef: string,
  meterRef: string | undefined,
  at: Date | undefined,
): Promise<ListEnvelope<Usage>> {
  const customer = await findCustomer(db, projectId, customerRef);
  const meter = meterRef === undefined ? undefined : await findMeter(db, projectId, meterRef);
  const data = await customerUsage(db, customer.id, meter?.id, at);
  return { object: 'list', data, has_more: false, url: `/v1/customers/${customer.id}/usage` };
}

interface UsageRange {
  meter: string;
  customer?: string;
  /** Unix seconds. */
  start: number;
  end: number;
  group_by?: string;
}

/** The meter's aggregate over [start, end), for one customer or all, grouped as asked. */
export async function queryMeterUsage(db: Queryable, projectId: string, range: UsageRange): Promise<UsageQueryResult> {
  if (range.end <= range.start) throw invalidParam('end', 'end must be after start.');
  const meter = await findMeter(db, projectId, range.meter);
  const customerId = range.customer === undefined ? undefined : (await findCustomer(db, projectId, range.customer)).id;
  const groupBy = range.group_by ?? null;
  const data = await queryUsage(db, projectId, meter, { start: new Date(range.start * 1000), end: new Date(range.end * 1000), customerId, groupBy });
  return { object: 'usage_query', meter: meter.key, start: range.start, end: range.end, group_by: groupBy, data };
}
