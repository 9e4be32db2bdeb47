// Each project's time in sandbox mode: the base clock moved ahead by that project's test clock
// offset (table project_clocks), as Stripe's test clocks belong to objects, never to the account.
//
// Offsets are held in memory so `now()` stays synchronous. Every instance loads them at start,
// hears an advance made elsewhere on the bus at once, and re-reads them all with each minute's
// jobs (so a lost announcement, Redis being down, leaves a clock behind for at most a minute).
// Offsets only grow, so a stale one is behind, never ahead: nothing falls due early.
import { subscribeSoon, type Bus } from './bus/bus.js';
import type { Clock, ProjectTime } from './clock.js';
import type { Queryable } from './db/database.js';

const TEST_CLOCK_CHANNEL = 'nozle:test-clocks';

/** How far ahead of the base time a test clock may be moved: ten years of 365 days (`seconds`' maximum in the spec). */
const MAX_TEST_CLOCK_AHEAD_MS = 315_360_000 * 1000;

interface Announcement {
  project: string;
  offsetMs: number;
}

export class ProjectClocks implements ProjectTime {
  readonly base: Clock;
  readonly #offsets = new Map<string, number>();
  readonly #db: Queryable | undefined;
  readonly #bus: Bus | undefined;
  #unsubscribe: (() => Promise<void>) | undefined;

  /** Without a database every project is at the base time (Stripe mode: its clocks are Stripe's). */
  constructor(base: Clock, storage?: { db: Queryable; bus?: Bus }) {
    this.base = base;
    this.#db = storage?.db;
    this.#bus = storage?.bus;
  }

  /** Whether projects may move their clocks (sandbox mode). */
  get adjustable(): boolean {
    return this.#db !== undefined;
  }

  now(): Date {
    return this.base.now();
  }

  /** The project's clock; it follows later advances of that project. */
  clockFor(projectId: string): Clock {
    return { now: () => new Date(this.base.now().getTime() + this.offsetMs(projectId)) };
  }

  offsetMs(projectId: string): number {
    return this.#offsets.get(projectId) ?? 0;
  }

  /** The time of every project whose clock was moved (each distinct offset once). */
  projectNows(): Date[] {
    const base = this.base.now().getTime();
    return [...new Set(this.#offsets.values())].map((offsetMs) => new Date(base + offsetMs));
  }

  /** The furthest a test clock may be moved to now. */
  latestAllowed(): Date {
    return new Date(this.base.now().getTime() + MAX_TEST_CLOCK_AHEAD_MS);
  }

  /** Loads every offset and listens for advances made on other instances. */
  async start(): Promise<void> {
    if (!this.#db) return;
    await this.reload();
    if (this.#bus) this.#unsubscribe = await subscribeSoon(this.#bus, TEST_CLOCK_CHANNEL, (raw) => this.#onAnnouncement(raw));
  }

  async stop(): Promise<void> {
    await this.#unsubscribe?.();
  }

  /** Re-reads every project's offset (the truth is the database). */
  async reload(): Promise<void> {
    if (!this.#db) return;
    const { rows } = await this.#db.query<{ project_id: string; offset_ms: number | string }>('select project_id, offset_ms from project_clocks');
    for (const row of rows) this.#learn(row.project_id, Number(row.offset_ms));
  }

  /**
   * Moves the project's clock forward to `target` (never back: an earlier target changes
   * nothing), stores it and announces it. The caller has checked `target` against `latestAllowed()`.
   */
  async moveTo(projectId: string, target: Date): Promise<void> {
    if (!this.#db) throw new Error('Test clocks move only in sandbox mode.');
    if (target.getTime() > this.latestAllowed().getTime()) throw new Error(`A test clock may not go past ${this.latestAllowed().toISOString()}.`);
    const offsetMs = Math.round(target.getTime() - this.base.now().getTime());
    if (offsetMs <= this.offsetMs(projectId)) return;
    // greatest(): two advances at once keep the later time, whichever commits last.
    await this.#db.query(
      `insert into project_clocks (project_id, offset_ms) values ($1, $2)
       on conflict (project_id) do update set offset_ms = greatest(project_clocks.offset_ms, excluded.offset_ms)`,
      [projectId, offsetMs],
    );
    this.#learn(projectId, offsetMs);
    const announcement: Announcement = { project: projectId, offsetMs };
    // The database has it; an instance that misses this hears of it on its next reload.
    await this.#bus?.publish(TEST_CLOCK_CHANNEL, JSON.stringify(announcement)).catch(() => {});
  }

  #learn(projectId: string, offsetMs: number): void {
    if (offsetMs > this.offsetMs(projectId)) this.#offsets.set(projectId, offsetMs);
  }

  #onAnnouncement(raw: string): void {
    try {
      const { project, offsetMs } = JSON.parse(raw) as Announcement;
      if (typeof project === 'string' && Number.isFinite(offsetMs)) this.#learn(project, offsetMs);
    } catch {
      // Not one of ours: ignored.
    }
  }
}

/**
 * SQL for the time of the project named by `projectColumn`, given the base time as the
 * parameter `baseParam` (`$1`): lets one query judge each project's rows by its own clock.
 */
export const projectNowSql = (baseParam: string, projectColumn: string): string =>
  `(${baseParam}::timestamptz + coalesce((select pc.offset_ms from project_clocks pc where pc.project_id = ${projectColumn}), 0) * interval '1 millisecond')`;
