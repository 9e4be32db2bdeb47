import { ApiError, invalidParam } from '../http/errors.js';
import { paginate } from '../http/pagination.js';
import { defineRoute } from '../http/route.js';
import { findMeter } from '../usage/meters-store.js';
import { costModelConflict, costModelSeq, insertCostModel, listCostModelRows } from './cost-models-store.js';
import { marginReport } from './margin-report.js';

const DAY = 86_400;
/** Rollups are by UTC day, so windows and effective dates are whole days. */
const wholeDay = (param: string, seconds: number) => {
  if (seconds % DAY !== 0) throw invalidParam(param, `${param} must be midnight UTC (rollups are by day).`);
  return new Date(seconds * 1000);
};
const MAX_WINDOW_DAYS = 400;

export const analyticsRoutes = [
  defineRoute('createCostModel', async ({ body }, { db, caller, clock }) => {
    const meter = await findMeter(db, caller.projectId, body.meter);
    if (meter.aggregation !== 'sum' && meter.aggregation !== 'count') {
      throw invalidParam('meter', `Cost models price 'sum' and 'count' meters (those roll up by day); '${meter.key}' is '${meter.aggregation}'.`);
    }
    if ((body.property === undefined) !== (body.value === undefined)) {
      throw invalidParam(body.property === undefined ? 'property' : 'value', 'property and value go together.');
    }
    const effectiveFrom = body.effective_from === undefined ? new Date(0) : wholeDay('effective_from', body.effective_from);
    const effectiveTo = body.effective_to === undefined ? null : wholeDay('effective_to', body.effective_to);
    if (effectiveTo && effectiveTo <= effectiveFrom) throw invalidParam('effective_to', 'effective_to must be after effective_from.');
    const model = {
      meterId: meter.id,
      property: body.property ?? null,
      value: body.value ?? null,
      unitCost: body.unit_cost,
      currency: body.currency ?? 'usd',
      effectiveFrom,
      effectiveTo,
    };
    // The meter's row makes concurrent models of one meter take turns over the checks below.
    await db.query('select id from meters where id = $1 for update', [meter.id]);
    const conflict = await costModelConflict(db, model);
    if (conflict) throw new ApiError(409, 'invalid_request_error', 'cost_model_conflict', conflict.message, conflict.param);
    return { status: 200, body: await insertCostModel(db, caller.projectId, model, clock.now()) };
  }),

  defineRoute('listCostModels', async ({ query }, { db, caller }) => {
    const meterId = query.meter ? (await findMeter(db, caller.projectId, query.meter)).id : undefined;
    return {
      status: 200,
      body: await paginate(
        '/v1/cost_models',
        query,
        'cost_model',
        (id) => costModelSeq(db, caller.projectId, id),
        (limit, afterSeq) => listCostModelRows(db, caller.projectId, meterId, limit, afterSeq),
      ),
    };
  }),

  defineRoute('retrieveMargin', async ({ query }, { db, caller }) => {
    const start = wholeDay('start', query.start);
    const end = wholeDay('end', query.end);
    if (end <= start) throw invalidParam('end', 'end must be after start.');
    if (query.end - query.start > MAX_WINDOW_DAYS * DAY) throw invalidParam('end', `The window may be at most ${MAX_WINDOW_DAYS} days.`);
    const groupBy = query.group_by ?? 'customer';
    if (groupBy === 'property' && !query.property) throw invalidParam('property', 'group_by=property needs the property to group by.');
    return {
      status: 200,
      body: await marginReport(
        db,
        caller.projectId,
        { start, end, groupBy, ...(query.property ? { property: query.property } : {}), currency: query.currency ?? 'usd' },
      ),
    };
  }),
];
