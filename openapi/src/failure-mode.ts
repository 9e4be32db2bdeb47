// What a check answers when the server cannot: one definition for both SDKs.

/** `failClosed`: not allowed; `failOpen`: allowed; `lastKnown`: the last answer held, else as `failClosed`. Each with `reason: 'unavailable'`. */
export type FailureMode = 'failClosed' | 'failOpen' | 'lastKnown';

const FAILURE_MODES: readonly FailureMode[] = ['failClosed', 'failOpen', 'lastKnown'];

/** `mode` checked (an option from JavaScript may be anything); `fallback` when absent. */
export function resolveFailureMode(mode: unknown, fallback: FailureMode = 'failClosed'): FailureMode {
  if (mode === undefined) return fallback;
  if (!FAILURE_MODES.includes(mode as FailureMode)) {
    throw new TypeError(`Nozle: \`failureMode\` must be one of ${FAILURE_MODES.map((m) => `'${m}'`).join(', ')}.`);
  }
  return mode as FailureMode;
}
