// What a check answers when the snapshot alone cannot say: no snapshot yet, the server cannot be
// heard, or the customer does not exist. Around local-check.ts, which answers from a snapshot.
import { localCan, localCheck } from './local-check.js';
import type { EntitlementStore } from './store.js';
import type { Availability, FailureMode, LocalCheck } from './types.js';

/** The state the answer comes from; see {@link Availability}. */
export function availabilityOf(store: EntitlementStore): Availability {
  if (store.isCustomerMissing()) return 'customer_not_found';
  const status = store.getStatus();
  if (status === 'unavailable') return 'unavailable';
  if (store.getSnapshot() !== null) return 'ready';
  // Closed before any snapshot: none will come.
  return status === 'closed' ? 'unavailable' : 'loading';
}

export function answerCheck(store: EntitlementStore, feature: string, quantity: number | undefined, mode: FailureMode): LocalCheck {
  switch (availabilityOf(store)) {
    case 'ready':
      return localCheck(store.getSnapshot(), feature, quantity);
    case 'customer_not_found':
      localCheck(null, feature, quantity); // checks `quantity`, as every state does
      return { allowed: false, reason: 'customer_not_found' };
    case 'unavailable': {
      const snapshot = store.getSnapshot();
      if (mode === 'lastKnown' && snapshot !== null) return localCheck(snapshot, feature, quantity);
      localCheck(null, feature, quantity);
      return { allowed: mode === 'failOpen', reason: 'unavailable' };
    }
    case 'loading':
      return localCheck(null, feature, quantity);
  }
}

/** `answerCheck(...).allowed`, without building the answer when a snapshot answers. */
export function answerCan(store: EntitlementStore, feature: string, quantity: number | undefined, mode: FailureMode): boolean {
  if (availabilityOf(store) === 'ready') return localCan(store.getSnapshot(), feature, quantity);
  return answerCheck(store, feature, quantity, mode).allowed;
}
