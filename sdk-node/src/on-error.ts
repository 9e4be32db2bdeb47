// The top-level `onError` of `new Nozle(...)`: where background problems go when the option
// closer to them (`track.onError`) is not given.
import type { NozleLocalModeError } from './local/errors.js';
import type { ResolvedStreamOptions } from './local/options.js';
import type { NozleTrackError } from './track/errors.js';
import type { ResolvedTrackOptions } from './track/options.js';

/**
 * Receives problems of background work: `track()`'s unrecorded events (`NozleTrackError`) and
 * local mode's connection problems (`NozleLocalModeError`); tell them apart by `name` or
 * `instanceof`.
 */
export type NozleErrorHandler = (error: NozleTrackError | NozleLocalModeError) => void;

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

/** Local mode's options with the top-level handler as the receiver of its problems. */
export function withStreamOnError(stream: ResolvedStreamOptions | undefined, onError: NozleErrorHandler | undefined): ResolvedStreamOptions | undefined {
  return stream === undefined || onError === undefined ? stream : { ...stream, onError };
}
