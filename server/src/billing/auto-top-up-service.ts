// Auto top-up through the API (a setting per customer and currency), and the crossing check every
// stored snapshot runs (SnapshotInputs.topUps): in the change that moved the balance, under the
// customer's lock, so one crossing records one top-up however many changes race.
import type { components } from '@nozle/openapi';
import { findCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import { notFound } from '../http/errors.js';
import { topUpStep } from './auto-top-up.js';
import { autoTopUpRows, deleteAutoTopUpRow, insertTopUp, latestTopUps, setArmed, toAutoTopUp, upsertAutoTopUp, type AutoTopUp } from './auto-top-up-store.js';

type AutoTopUpParams = components['schemas']['AutoTopUpParams'];
type AutoTopUpList = components['schemas']['AutoTopUpList'];
type DeletedAutoTopUp = components['schemas']['DeletedAutoTopUp'];

/** Stores the setting, armed; the snapshot recomputed here buys a pack at once if the balance is already below. */
export async function setAutoTopUp(
  work: Work,
  entitlements: EntitlementChanges,
  projectId: string,
  customerRef: string,
  params: AutoTopUpParams,
): Promise<AutoTopUp> {
  // The customer's row first: the order the crossing check (in the snapshot) takes its locks in.
  const customer = await findCustomer(work.db, projectId, customerRef, true);
  await upsertAutoTopUp(
    work.db,
    projectId,
    customer.id,
    { currency: params.currency, threshold: params.threshold, amount: params.amount, enabled: params.enabled ?? true },
    work.now,
  );
  await entitlements.sourcesChanged(work, projectId, customer.id);
  const stored = (await autoTopUpRows(work.db, customer.id)).find((row) => row.currency === params.currency)!;
  return toAutoTopUp(stored, (await latestTopUps(work.db, customer.id)).get(params.currency) ?? null);
}

export async function listAutoTopUps(db: Queryable, projectId: string, customerRef: string): Promise<AutoTopUpList> {
  const customer = await findCustomer(db, projectId, customerRef);
  const last = await latestTopUps(db, customer.id);
  return {
    object: 'list',
    data: (await autoTopUpRows(db, customer.id)).map((row) => toAutoTopUp(row, last.get(row.currency) ?? null)),
    has_more: false,
    url: `/v1/customers/${customer.id}/credits/auto_top_up`,
  };
}

export async function deleteAutoTopUp(work: Work, projectId: string, customerRef: string, currency: string): Promise<DeletedAutoTopUp> {
  const customer = await findCustomer(work.db, projectId, customerRef, true);
  if (!(await deleteAutoTopUpRow(work.db, customer.id, currency))) throw notFound('auto top-up in', currency, 'currency');
  return { object: 'auto_top_up', customer: customer.id, currency, deleted: true };
}

/**
 * What the new balances do to the customer's settings (SnapshotInputs.topUps): a top-up recorded
 * for each armed one now below its threshold (a currency without grants is at 0), disarmed with
 * it; those back at or above armed again. The customer is locked. With no setting: one indexed query.
 */
export async function recordTopUpCrossings(db: Queryable, customerId: string, balances: Record<string, number>, now: Date): Promise<void> {
  for (const setting of await autoTopUpRows(db, customerId, true)) {
    const balance = balances[setting.currency] ?? 0;
    const step = topUpStep({ enabled: setting.enabled, threshold: Number(setting.threshold), armed: setting.armed }, balance);
    if (step === 'buy') await insertTopUp(db, setting, balance, now);
    if (step !== 'none') await setArmed(db, customerId, setting.currency, step === 'arm', now);
  }
}
