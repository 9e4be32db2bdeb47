// Which plan the customer is on, read from the entitlement snapshot: the plans its features come from.
import type { Entitlements } from '@nozle/react';

export function currentPlans(snapshot: Entitlements | null): string[] {
  if (!snapshot) return [];
  const plans = new Set<string>();
  for (const entry of Object.values(snapshot.features)) if (entry.allowed && entry.source?.plan) plans.add(entry.source.plan);
  return [...plans].sort();
}
