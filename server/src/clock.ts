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

/**
 * Time per project. In sandbox mode each project has its own test clock (the base time moved
 * ahead by that project's offset); everything server-wide (keys, idempotency, partitions)
 * reads `now()`, the base time.
 */
export interface ProjectTime extends Clock {
  clockFor(projectId: string): Clock;
}

/** The clock of `projectId`: its test clock when `clock` keeps one per project, `clock` itself otherwise. */
export function clockFor(clock: Clock, projectId: string | undefined): Clock {
  const perProject = (clock as Partial<ProjectTime>).clockFor;
  return projectId !== undefined && typeof perProject === 'function' ? perProject.call(clock, projectId) : clock;
}

export const unixSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** The instant with its milliseconds dropped: anchors of periods are whole seconds, like every API time. */
export const wholeSecond = (date: Date): Date => new Date(unixSeconds(date) * 1000);
