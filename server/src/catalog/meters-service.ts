// What the meter routes call: meters are catalog definitions (usage counts what they define).
import type { components } from '@nozle/openapi';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import { checkMeterDefinition } from './meter-rules.js';
import { insertMeter, listMeterRows, meterSeq, type Meter } from './meters-store.js';

type MeterCreateParams = components['schemas']['MeterCreateParams'];

export async function createMeter(work: Work, projectId: string, params: MeterCreateParams): Promise<Meter> {
  checkMeterDefinition(params);
  return insertMeter(
    work.db,
    projectId,
    {
      key: params.key,
      name: params.name ?? params.key,
      event_name: params.event_name,
      aggregation: params.aggregation,
      property: params.property ?? null,
      filters: params.filters ?? {},
      allow_negative: params.allow_negative ?? false,
    },
    work.now,
  );
}

export function listMeters(db: Queryable, projectId: string, page: PageRequest): Promise<ListEnvelope<Meter>> {
  return paginate(
    '/v1/meters',
    page,
    'meter',
    (id) => meterSeq(db, projectId, id),
    (limit, afterSeq) => listMeterRows(db, projectId, limit, afterSeq),
  );
}
