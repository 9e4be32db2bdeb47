// What payments did, as the API lists it: the provider events received and the reconciliations run.
import type { components } from '@nozle/openapi';
import { unixSeconds } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import { paymentEventSeq, paymentEventsPage, type EventStatus } from './payment-events-store.js';
import { reconciliationSeq, reconciliationsPage } from './reconciliation-store.js';

type Schemas = components['schemas'];

const seconds = (date: Date | null) => (date ? unixSeconds(date) : null);

export async function listPaymentEvents(
  db: Queryable,
  projectId: string,
  query: PageRequest & { status?: EventStatus },
): Promise<ListEnvelope<Schemas['PaymentEvent']>> {
  return paginate(
    '/v1/payment_events',
    query,
    'payment_event',
    (id) => paymentEventSeq(db, projectId, id),
    async (limit, afterSeq) =>
      (await paymentEventsPage(db, projectId, query.status, afterSeq, limit)).map((row) => ({
        id: row.id,
        object: 'payment_event' as const,
        provider: row.provider,
        type: row.type,
        status: row.status,
        attempts: row.attempts,
        last_error: row.last_error,
        received_at: unixSeconds(row.received_at),
        processed_at: seconds(row.processed_at),
        next_attempt_at: seconds(row.next_attempt_at),
      })),
  );
}

export async function listReconciliations(db: Queryable, projectId: string, query: PageRequest): Promise<ListEnvelope<Schemas['Reconciliation']>> {
  return paginate(
    '/v1/reconciliations',
    query,
    'reconciliation',
    (id) => reconciliationSeq(db, projectId, id),
    async (limit, afterSeq) =>
      (await reconciliationsPage(db, projectId, afterSeq, limit)).map((row) => ({
        id: row.id,
        object: 'reconciliation' as const,
        trigger: row.trigger,
        started_at: unixSeconds(row.started_at),
        finished_at: seconds(row.finished_at),
        checked: row.checked,
        changes: row.changes,
        error: row.error,
      })),
  );
}
