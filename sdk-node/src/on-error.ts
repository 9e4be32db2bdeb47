// The top-level `onError` of `new Nozle(...)`: where background problems go when the option
// closer to them (`track.onError`) is not given.
import type { NozleTrackError } from './track/errors.js';
import type { ResolvedTrackOptions } from './track/options.js';

/** Receives problems of background work (today, `track()`'s unrecorded events). */
export type NozleErrorHandler = (error: NozleTrackError) => void;

/** @throws TypeError when `onError` is given and is not a function */
export function resolveOnError(onError: unknown): NozleErrorHandler | undefined {
  if (onError !== undefined && typeof onError !== 'function') {
    throw new TypeError('Nozle: `onError` must be a function.');
  }
  return onError as NozleErrorHandler | undefined;
}

/** Track's options with `track.onError`, or else the top-level handler, as its reporter. */
export function withDefaultOnError(track: ResolvedTrackOptions, onError: NozleErrorHandler | undefined): ResolvedTrackOptions {
  return track.onError === undefined && onError !== undefined ? { ...track, onError } : track;
}
