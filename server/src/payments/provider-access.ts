// The configured provider at work: bound to the database a change runs in, with the events it
// raises there (the sandbox's) handed to the event sink once that change has committed.
import type { Database, Queryable } from '../db/database.js';
import type { EventSink, PaymentProvider, ProviderName, ProviderSource, ReceivedEvent } from './provider.js';

export type AfterCommit = (fn: () => Promise<void>) => void;

export class ProviderAccess {
  readonly #source: ProviderSource;
  readonly #db: Database;
  readonly #deliver: EventSink;

  constructor(source: ProviderSource, db: Database, deliver: EventSink) {
    this.#source = source;
    this.#db = db;
    this.#deliver = deliver;
  }

  get name(): ProviderName {
    return this.#source.name;
  }

  /**
   * The provider, working within `db`: the sandbox keeps its objects in the same database, so
   * inside a transaction it must use that transaction. Events it raises go to the sink when
   * the function given to `afterCommit` runs.
   */
  in(db: Queryable, afterCommit: AfterCommit): PaymentProvider {
    return bindDelivering(this.#source, db, afterCommit, this.#deliver);
  }

  /** Runs `fn` with the provider outside any transaction, then delivers what it raised. */
  async with<T>(fn: (provider: PaymentProvider) => Promise<T>): Promise<T> {
    const later: Array<() => Promise<void>> = [];
    const result = await fn(this.in(this.#db, (step) => later.push(step)));
    for (const step of later) await step();
    return result;
  }
}

/** `source` working within `db`, what it raises handed to `deliver` when the step given to `afterCommit` runs. */
export function bindDelivering<P>(
  source: { bind(db: Queryable, emit: (event: ReceivedEvent) => void): P },
  db: Queryable,
  afterCommit: AfterCommit,
  deliver: EventSink,
): P {
  const raised: ReceivedEvent[] = [];
  afterCommit(() => deliver(raised.splice(0)));
  return source.bind(db, (event) => raised.push(event));
}
