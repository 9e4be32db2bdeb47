// Alerts through the API: each parameter checked against the alert's type (a 400 naming it), and
// an alert of one customer evaluated at once (its snapshot is recomputed in the change).
import type { components } from '@nozle/openapi';
import { findFeature } from '../catalog/features-store.js';
import { findPlan } from '../catalog/plans-store.js';
import { cleanMetadata, mergeMetadata } from '../customers/metadata.js';
import { findCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import { ApiError, invalidParam } from '../http/errors.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import {
  alertSeq,
  deleteAlertRow,
  findAlert,
  insertAlert,
  listAlertRows,
  toAlert,
  updateAlertRow,
  type Alert,
  type AlertRow,
  type NewAlert,
} from './alerts-store.js';
import { clearFirings } from './firings-store.js';

type CreateParams = components['schemas']['AlertCreateParams'];
type UpdateParams = components['schemas']['AlertUpdateParams'];

/** Money in whole minor units is bounded at 10^12 across the API; usage amounts (units) at 10^15 by the spec. */
const MAX_MONEY = 1_000_000_000_000;

/** A reference the request names that does not exist is a bad parameter here, not a missing resource. */
async function known<T>(param: string, find: () => Promise<T>): Promise<T> {
  try {
    return await find();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) throw invalidParam(param, error.message, 'resource_missing');
    throw error;
  }
}

const refuse = (param: string, why: string) => invalidParam(param, why);

/** What a usage alert watches: a metered feature, with a percentage or an amount (not both). */
async function usageTerms(db: Queryable, projectId: string, params: CreateParams): Promise<Pick<NewAlert, 'feature' | 'percent' | 'amount'>> {
  if (params.currency !== undefined) throw refuse('currency', "A usage alert has no 'currency'.");
  if (params.feature === undefined) throw refuse('feature', "A usage alert needs the metered 'feature' it watches.");
  const feature = await known('feature', () => findFeature(db, projectId, params.feature!));
  if (feature.type !== 'metered') throw refuse('feature', `The feature '${feature.key}' is ${feature.type}, not metered: it has no usage to watch.`);
  if ((params.percent === undefined) === (params.amount === undefined)) {
    throw refuse(params.percent === undefined ? 'percent' : 'amount', "A usage alert takes one of 'percent' (of the limit) or 'amount' (units).");
  }
  return { feature: feature.key, percent: params.percent ?? null, amount: params.amount ?? null };
}

/** What a credit balance or spend alert watches: an amount of money in a currency. */
function moneyTerms(params: CreateParams): Pick<NewAlert, 'amount' | 'currency'> {
  const what = params.type === 'spend' ? 'A spend alert' : 'A credit balance alert';
  if (params.feature !== undefined) throw refuse('feature', `${what} watches no feature.`);
  if (params.percent !== undefined) throw refuse('percent', `${what} takes an 'amount', not a 'percent'.`);
  if (params.currency === undefined) throw refuse('currency', `${what} needs its 'currency'.`);
  if (params.amount === undefined) throw refuse('amount', `${what} needs an 'amount' in whole minor units.`);
  if (params.amount > MAX_MONEY) throw refuse('amount', `An amount of money is at most ${MAX_MONEY} minor units.`);
  return { amount: params.amount, currency: params.currency };
}

export async function createAlert(work: Work, entitlements: EntitlementChanges, projectId: string, params: CreateParams): Promise<Alert> {
  const { db, now } = work;
  if (params.customer !== undefined && params.plan !== undefined) {
    throw refuse('plan', "An alert applies to one 'customer' or to the customers of one 'plan', not both.");
  }
  const customer = params.customer === undefined ? null : await known('customer', () => findCustomer(db, projectId, params.customer!));
  const plan = params.plan === undefined ? null : await known('plan', () => findPlan(db, projectId, params.plan!));
  const terms =
    params.type === 'usage' ? { currency: null, ...(await usageTerms(db, projectId, params)) } : { feature: null, percent: null, ...moneyTerms(params) };
  const row = await insertAlert(
    db,
    projectId,
    {
      type: params.type,
      customerId: customer?.id ?? null,
      planId: plan?.id ?? null,
      ...terms,
      enabled: params.enabled ?? true,
      description: params.description ?? null,
      metadata: cleanMetadata(params.metadata),
    },
    now,
  );
  await reevaluate(work, entitlements, row);
  return toAlert(row);
}

export async function retrieveAlert(db: Queryable, projectId: string, id: string): Promise<Alert> {
  return toAlert(await findAlert(db, projectId, id));
}

export function listAlerts(db: Queryable, projectId: string, page: PageRequest): Promise<ListEnvelope<Alert>> {
  return paginate(
    '/v1/alerts',
    page,
    'alert',
    (id) => alertSeq(db, projectId, id),
    async (limit, afterSeq) => (await listAlertRows(db, projectId, limit, afterSeq)).map(toAlert),
  );
}

/** Only the threshold it was made with changes; a new one lets the alert fire again in the current period. */
export async function updateAlert(work: Work, entitlements: EntitlementChanges, projectId: string, id: string, params: UpdateParams): Promise<Alert> {
  const row = await findAlert(work.db, projectId, id, true);
  if (params.percent !== undefined && row.percent === null) throw refuse('percent', "This alert has an 'amount', not a 'percent'.");
  if (params.amount !== undefined && row.amount === null) throw refuse('amount', "This alert has a 'percent', not an 'amount'.");
  if (params.amount !== undefined && row.type !== 'usage' && params.amount > MAX_MONEY) {
    throw refuse('amount', `An amount of money is at most ${MAX_MONEY} minor units.`);
  }
  const thresholdChanged =
    (params.percent !== undefined && params.percent !== row.percent) || (params.amount !== undefined && params.amount !== Number(row.amount));
  if (thresholdChanged) await clearFirings(work.db, row.id);
  const updated = await updateAlertRow(
    work.db,
    projectId,
    row.id,
    {
      ...(params.percent === undefined ? {} : { percent: params.percent }),
      ...(params.amount === undefined ? {} : { amount: params.amount }),
      ...(params.enabled === undefined ? {} : { enabled: params.enabled }),
      ...(params.description === undefined ? {} : { description: params.description }),
      ...(params.metadata === undefined ? {} : { metadata: mergeMetadata(row.metadata, params.metadata) }),
    },
    work.now,
  );
  await reevaluate(work, entitlements, updated);
  return toAlert(updated);
}

export async function deleteAlert(
  work: Work,
  entitlements: EntitlementChanges,
  projectId: string,
  id: string,
): Promise<{ id: string; object: 'alert'; deleted: true }> {
  const row = await findAlert(work.db, projectId, id, true);
  await deleteAlertRow(work.db, row.id, work.now);
  await reevaluate(work, entitlements, row);
  return { id: row.id, object: 'alert', deleted: true };
}

/**
 * An alert of one customer is evaluated now: its snapshot is recomputed in this change (firing
 * it if already reached, or dropping it from `alerts`). One of a plan or of the project reaches
 * each customer with their next snapshot, rather than recomputing them all at once.
 */
async function reevaluate(work: Work, entitlements: EntitlementChanges, row: AlertRow): Promise<void> {
  if (row.customer_id) await entitlements.sourcesChanged(work, row.project_id, row.customer_id);
}
