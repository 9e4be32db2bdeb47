// Checks a plan's entitlements against the catalog and fills in the defaults, so what is stored
// is complete and means exactly one thing.
import type { FeatureDefinition, FeatureTerms, JsonValue } from './types.js';
import { invalidParam } from '../http/errors.js';

/** A term as the API receives it; `value` came from JSON.parse, so it is JSON. */
type TermsInput = Omit<FeatureTerms, 'value'> & { value?: unknown };

const ALLOWED: Record<FeatureDefinition['type'], ReadonlyArray<keyof FeatureTerms>> = {
  boolean: ['feature', 'enabled'],
  metered: ['feature', 'limit', 'reset', 'overage', 'per_seat'],
  config: ['feature', 'value'],
};

export function normalizePlanTerms(terms: TermsInput[], catalog: FeatureDefinition[]): FeatureTerms[] {
  const types = new Map(catalog.map((feature) => [feature.key, feature.type]));
  const seen = new Set<string>();
  return terms.map((term, index) => {
    const at = (field: string) => `entitlements[${index}][${field}]`;
    const type = types.get(term.feature);
    if (!type) throw invalidParam(at('feature'), `No such feature: '${term.feature}'. Create it first with POST /v1/features.`, 'resource_missing');
    if (seen.has(term.feature)) throw invalidParam(at('feature'), `Feature '${term.feature}' is listed twice.`);
    seen.add(term.feature);
    for (const field of Object.keys(term) as Array<keyof TermsInput>) {
      if (!ALLOWED[type].includes(field)) {
        throw invalidParam(at(field), `'${field}' does not apply to the ${type} feature '${term.feature}'.`, 'parameter_unknown');
      }
    }
    switch (type) {
      case 'boolean':
        return { feature: term.feature, enabled: term.enabled ?? true };
      case 'metered':
        if (term.limit === undefined) {
          throw invalidParam(at('limit'), `The metered feature '${term.feature}' needs a limit (a number, or null for unlimited).`, 'parameter_missing');
        }
        // `per_seat` only when set, so a plain limit is stored (and shown) as it always was.
        return {
          feature: term.feature,
          limit: term.limit,
          reset: term.reset ?? 'month',
          overage: term.overage ?? false,
          ...(term.per_seat ? { per_seat: true } : {}),
        };
      case 'config':
        if (term.value === undefined) {
          throw invalidParam(at('value'), `The config feature '${term.feature}' needs a value.`, 'parameter_missing');
        }
        return { feature: term.feature, value: term.value as JsonValue };
    }
  });
}
