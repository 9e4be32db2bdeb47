// What the analytics routes call: cost models (what usage costs you) and the margin report.
import type { components } from '@nozle/openapi';
import { findMeter, lockMeter } from '../catalog/meters-store.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import { ApiError } from '../http/errors.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import { costModelConflict, costModelSeq, insertCostModel, listCostModelRows, type CostModel } from './cost-models-store.js';
import { marginReport, type MarginReport } from './margin-report.js';
import { checkCostedMeter, effectiveWindow, marginQuery } from './report-rules.js';

type CostModelCreateParams = components['schemas']['CostModelCreateParams'];

export async function createCostModel(work: Work, projectId: string, params: CostModelCreateParams): Promise<CostModel> {
  const meter = await findMeter(work.db, projectId, params.meter);
  checkCostedMeter(meter);
  const model = {
    meterId: meter.id,
    property: params.property ?? null,
    value: params.value ?? null,
    unitCost: params.unit_cost,
    currency: params.currency ?? 'usd',
    ...effectiveWindow(params),
  };
  // The meter's row makes concurrent models of one meter take turns over the checks below.
  await lockMeter(work.db, meter.id);
  const conflict = await costModelConflict(work.db, model);
  if (conflict) throw new ApiError(409, 'invalid_request_error', 'cost_model_conflict', conflict.message, conflict.param);
  return insertCostModel(work.db, projectId, model, work.now);
}

export async function listCostModels(db: Queryable, projectId: string, query: PageRequest & { meter?: string }): Promise<ListEnvelope<CostModel>> {
  const meterId = query.meter ? (await findMeter(db, projectId, query.meter)).id : undefined;
  return paginate(
    '/v1/cost_models',
    query,
    'cost_model',
    (id) => costModelSeq(db, projectId, id),
    (limit, afterSeq) => listCostModelRows(db, projectId, meterId, limit, afterSeq),
  );
}

/** The margin report over a window (checked by report-rules.ts). */
export function margins(db: Queryable, projectId: string, params: Parameters<typeof marginQuery>[0]): Promise<MarginReport> {
  return marginReport(db, projectId, marginQuery(params));
}
