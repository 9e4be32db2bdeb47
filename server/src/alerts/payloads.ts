// The `data` of the events alerts raise, as the spec's webhooks section types them.
import type { components } from '@nozle/openapi';
import { toAlert, type AlertRow } from './alerts-store.js';
import type { Measure, SpendState } from './rules.js';

type Schemas = components['schemas'];
type OutboxEvent =
  | { type: 'usage.threshold_reached'; data: Schemas['UsageThresholdReached'] }
  | { type: 'credits.low'; data: Schemas['CreditsLow'] }
  | { type: 'spend.threshold_reached'; data: Schemas['SpendThresholdReached'] };

export interface CustomerRef {
  id: string;
  externalId: string | null;
}

const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** The event an alert raises when it fires, `m` being what reached it. */
export function firedEvent(alert: AlertRow, customer: CustomerRef, m: Measure, spend: SpendState | undefined): OutboxEvent {
  const who = { alert: toAlert(alert), customer: customer.id, external_id: customer.externalId };
  switch (alert.type) {
    case 'usage':
      return {
        type: 'usage.threshold_reached',
        data: {
          ...who,
          feature: alert.feature_key ?? '',
          percent: alert.percent,
          limit: m.limit ?? null,
          threshold: m.threshold,
          value: m.value,
          period_start: seconds(m.period!.start),
          period_end: m.period?.end ? seconds(m.period.end) : null,
        },
      };
    case 'credit_balance':
      return { type: 'credits.low', data: { ...who, currency: alert.currency ?? '', threshold: m.threshold, value: m.value } };
    case 'spend':
      return {
        type: 'spend.threshold_reached',
        data: {
          ...who,
          currency: alert.currency ?? '',
          threshold: m.threshold,
          value: m.value,
          subscription: spend!.subscription,
          period_start: seconds(spend!.periodStart),
          period_end: seconds(spend!.periodEnd),
        },
      };
  }
}

export function depletedEvent(customer: CustomerRef, currency: string, previous: number): Schemas['CreditsDepleted'] {
  return { customer: customer.id, external_id: customer.externalId, currency, previous_balance: previous };
}
