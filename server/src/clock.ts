/** The one source of time, injected everywhere so tests (and sandbox test clocks) can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move; for tests. */
export class ManualClock implements Clock {
  #now: number;
  constructor(start: Date | string = '2026-01-01T00:00:00Z') {
    this.#now = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#now);
  }
  advance(ms: number): void {
    this.#now += ms;
  }
  set(date: Date): void {
    this.#now = date.getTime();
  }
}

/** A clock the sandbox's test clock may move forward. */
export interface AdjustableClock extends Clock {
  set(date: Date): void;
}

export const isAdjustable = (clock: Clock): clock is AdjustableClock => typeof (clock as Partial<AdjustableClock>).set === 'function';

/** The machine's time moved ahead by an offset: the sandbox's test clock outside tests. */
export class OffsetClock implements AdjustableClock {
  offsetMs: number;
  constructor(offsetMs = 0) {
    this.offsetMs = offsetMs;
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  set(date: Date): void {
    this.offsetMs = date.getTime() - Date.now();
  }
}

export const unixSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** The instant with its milliseconds dropped: anchors of periods are whole seconds, like every API time. */
export const wholeSecond = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);
