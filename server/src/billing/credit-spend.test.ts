import { describe, expect, it } from 'vitest';
import { spendPlan } from './credit-spend.js';
import type { UsableGrant } from './credits.js';

const now = new Date('2026-03-10T00:00:00Z');
const grant = (id: string, remaining: number, fields: Partial<UsableGrant> = {}): UsableGrant => ({
  id,
  remaining,
  expiresAt: null,
  createdAt: new Date('2026-03-01T00:00:00Z'),
  description: null,
  ...fields,
});

describe('spending credit outside an invoice', () => {
  it('draws the earliest expiring grant first, the never-expiring one last, and only what is asked', () => {
    const grants = [
      grant('gr_forever', 500),
      grant('gr_april', 300, { expiresAt: new Date('2026-04-01T00:00:00Z') }),
      grant('gr_march', 100, { expiresAt: new Date('2026-03-20T00:00:00Z') }),
    ];
    // 450 = 100 (March) + 300 (April) + 50 of the grant that never expires.
    expect(spendPlan(grants, 450, now)).toEqual([
      { grantId: 'gr_march', amount: 100 },
      { grantId: 'gr_april', amount: 300 },
      { grantId: 'gr_forever', amount: 50 },
    ]);
  });

  it('skips grants expired at the instant, but not an open period grant', () => {
    const expired = grant('gr_expired', 1000, { expiresAt: now });
    const period = grant('gr_period', 70, { expiresAt: new Date('2026-03-01T00:00:00Z'), openPeriod: true });
    expect(spendPlan([expired, period, grant('gr_rest', 30)], 100, now)).toEqual([
      { grantId: 'gr_period', amount: 70 },
      { grantId: 'gr_rest', amount: 30 },
    ]);
  });

  it('answers null when the usable grants hold less than the amount', () => {
    expect(spendPlan([grant('gr_a', 60), grant('gr_b', 39)], 100, now)).toBeNull();
    expect(spendPlan([], 1, now)).toBeNull();
  });
});
