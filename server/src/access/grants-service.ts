// The grants service: manual grants and revokes of one feature for one customer, checked
// against the feature's type, and their audit trail.
import { recordOutboxEvent } from '../outbox.js';
import { findFeature } from '../catalog/features-store.js';
import { wholeSecond } from '../clock.js';
import { findCustomer } from '../customers/store.js';
import type { Queryable } from '../db/database.js';
import type { Work } from '../db/work.js';
import type { EntitlementChanges } from '../entitlement-changes.js';
import type { JsonValue, ResetInterval } from '../entitlements/types.js';
import { invalidParam } from '../http/errors.js';
import { paginate, type ListEnvelope, type PageRequest } from '../http/pagination.js';
import { grantSeq, insertGrant, listGrantRows, type Grant } from './grants-store.js';

export interface GrantInput {
  feature: string;
  kind?: 'grant' | 'revoke';
  /** Unix seconds. */
  startsAt?: number;
  endsAt?: number;
  limit?: number | null;
  reset?: ResetInterval | null;
  overage?: boolean | null;
  value?: unknown;
  reason?: string | null;
  /** Who made it; the caller's key when absent. */
  actor?: string;
}

// Which terms a grant may carry, by the feature's type; a revoke carries none.
const TERMS_FOR = { boolean: [], metered: ['limit', 'reset', 'overage'], config: ['value'] } as const;

/** Refuses a term the grant's kind and feature type do not take. */
function checkTerms(input: GrantInput, feature: { key: string; type: keyof typeof TERMS_FOR }): void {
  const kind = input.kind ?? 'grant';
  const allowed: readonly string[] = kind === 'revoke' ? [] : TERMS_FOR[feature.type];
  for (const term of ['limit', 'reset', 'overage', 'value'] as const) {
    if (input[term] !== undefined && !allowed.includes(term)) {
      const why = kind === 'revoke' ? 'a revoke' : `a grant of the ${feature.type} feature '${feature.key}'`;
      throw invalidParam(term, `'${term}' does not apply to ${why}.`, 'parameter_unknown');
    }
  }
}

export async function createGrant(
  ports: { entitlements: EntitlementChanges },
  work: Work,
  caller: { projectId: string; keyId: string },
  customerRef: string,
  input: GrantInput,
): Promise<Grant> {
  const now = work.now;
  // The customer's row first, always: changes to one customer take turns without deadlocks.
  const customer = await findCustomer(work.db, caller.projectId, customerRef, true);
  const feature = await findFeature(work.db, caller.projectId, input.feature);
  checkTerms(input, feature);
  const startsAt = input.startsAt === undefined ? wholeSecond(now) : new Date(input.startsAt * 1000);
  const endsAt = input.endsAt === undefined ? null : new Date(input.endsAt * 1000);
  if (endsAt && endsAt <= startsAt) throw invalidParam('ends_at', 'ends_at must be after starts_at.');
  const grant = await insertGrant(
    work.db,
    caller.projectId,
    {
      customerId: customer.id,
      feature: feature.key,
      kind: input.kind ?? 'grant',
      startsAt,
      endsAt,
      limit: input.limit ?? null,
      reset: input.reset ?? null,
      overage: input.overage ?? null,
      // From JSON.parse, so JSON.
      value: (input.value ?? null) as JsonValue,
      reason: input.reason ?? null,
      actor: input.actor ?? caller.keyId,
    },
    now,
  );
  await recordOutboxEvent(work.db, caller.projectId, 'grant.created', grant, now);
  await ports.entitlements.sourcesChanged(work, caller.projectId, customer.id);
  return grant;
}

export async function listGrants(
  db: Queryable,
  projectId: string,
  customerRef: string,
  query: PageRequest & { feature?: string },
): Promise<ListEnvelope<Grant>> {
  const customer = await findCustomer(db, projectId, customerRef);
  return paginate(
    `/v1/customers/${customer.id}/grants`,
    query,
    'grant',
    (id) => grantSeq(db, projectId, customer.id, id),
    (limit, afterSeq) => listGrantRows(db, projectId, customer.id, query.feature, limit, afterSeq),
  );
}
