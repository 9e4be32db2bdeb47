// The store's timer: at the next instant its snapshot changes with time alone (a window, a
// trial, a usage reset), the store flips by itself, with no word from the server, and the
// connection is told so it can ask the server for what comes after.
import type { EntitlementStore } from './store.js';

/** Longest delay `setTimeout` honours; longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface TimeFlips {
  /** Arms the timer for the snapshot held; call again whenever a new snapshot arrives. */
  schedule(): void;
  /** Stops the timer (the client closed). */
  stop(): void;
}

/** `onFlip` runs after the store flipped, so the server can be asked for the next state. */
export function createTimeFlips(store: EntitlementStore, onFlip: () => void): TimeFlips {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = () => {
    clear();
    const wait = store.msUntilChange();
    if (wait === null) return;
    // A far instant: wake at the limit and measure again.
    const clamped = Math.min(Math.max(wait, 0), MAX_TIMER_MS);
    timer = setTimeout(() => {
      timer = null;
      if (clamped < wait) return schedule();
      store.refresh();
      onFlip();
      schedule();
    }, clamped);
  };
  return { schedule, stop: clear };
}
