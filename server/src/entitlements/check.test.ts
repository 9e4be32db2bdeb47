// The rule itself (allowed, limits, credits, values) is @nozle/openapi's checkAnswer, tested with
// a table in openapi/test/access.test.ts; here, what the server adds: a feature the snapshot lacks.
import { describe, expect, it } from 'vitest';
import { answerCheck } from './check.js';
import type { Snapshot, SnapshotFeature } from './snapshot.js';

const snapshot = (features: Record<string, SnapshotFeature>): Snapshot => ({
  object: 'entitlements',
  customer: 'cus_1',
  external_id: null,
  version: 4,
  computed: 1_700_000_000,
  valid_until: null,
  features,
});

describe('answerCheck', () => {
  it('allows a boolean feature the customer has', () => {
    const answer = answerCheck(snapshot({ export: { feature: 'export', type: 'boolean', allowed: true, reason: null, source: null } }), 'export', 1, true);
    expect(answer).toEqual({ object: 'check', customer: 'cus_1', feature: 'export', version: 4, allowed: true, reason: null, type: 'boolean' });
  });

  it('says not_found for a key the catalog does not have, and no_access for one created after the snapshot', () => {
    expect(answerCheck(snapshot({}), 'nope', 1, false)).toMatchObject({ allowed: false, reason: 'not_found' });
    expect(answerCheck(snapshot({}), 'brand_new', 1, true)).toMatchObject({ allowed: false, reason: 'no_access' });
  });
});
