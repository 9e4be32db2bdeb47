// Who listens to what on this instance, and sending them snapshots: browsers of one customer
// (each with the version it holds) and backends streaming a whole project (the newest version
// sent per customer). A client never gets a version older than one it has.
import { CLOSE, frame } from '@nozle/openapi';
import type { WebSocket } from 'ws';
import type { ProjectEvent } from '../entitlements/cache.js';
import type { StoredSnapshot } from '../entitlements/snapshot.js';

export interface Subscriber {
  socket: WebSocket;
  projectId: string;
  customerId: string;
  version: number;
  /** Whether it has had its first answer (a snapshot or "ready"). */
  greeted: boolean;
}

/** A server (secret key) streaming every customer of its project: the newest version sent per customer. */
export interface ProjectWatcher {
  socket: WebSocket;
  projectId: string;
  versions: Map<string, number>;
}

interface AudienceOptions {
  /** The project's time, Unix ms: stamped on every snapshot sent, the clock clients flip by offline. */
  now: (projectId: string) => number;
  /** A client whose unsent data exceeds this is disconnected (it resyncs when it reconnects). */
  maxBufferedBytes: number;
  /** Clients written to before yielding to other work. */
  fanOutChunk: number;
}

export class Audience {
  readonly #limits: AudienceOptions;
  readonly #byCustomer = new Map<string, Set<Subscriber>>();
  readonly #byProject = new Map<string, Set<ProjectWatcher>>();
  // One serialization per snapshot, however many clients it goes to; each send stamps its time.
  readonly #encoded = new WeakMap<StoredSnapshot, string>();

  constructor(limits: AudienceOptions) {
    this.#limits = limits;
  }

  /** Adds a browser holding `version` of the customer; the function returned removes it. */
  addSubscriber(subscriber: Subscriber): () => void {
    const key = `${subscriber.projectId}:${subscriber.customerId}`;
    return addTo(this.#byCustomer, key, subscriber);
  }

  /** Adds a backend's stream of the project; the function returned removes it. */
  addWatcher(watcher: ProjectWatcher): () => void {
    return addTo(this.#byProject, watcher.projectId, watcher);
  }

  /** A browser's first answer: the snapshot when it is newer than the version held, else "ready". */
  welcome(subscriber: Subscriber, current: StoredSnapshot): void {
    this.#send(subscriber, current);
    if (!subscriber.greeted) {
      subscriber.greeted = true;
      subscriber.socket.send(frame.ready(subscriber.version));
    }
  }

  /** A backend's first answers: every snapshot the project has, then "ready". */
  catchUp(watcher: ProjectWatcher, snapshots: readonly StoredSnapshot[]): void {
    for (const stored of snapshots) this.#sendToWatcher(watcher, stored);
    watcher.socket.send(frame.ready());
  }

  /** A newer snapshot: to the customer's browsers and to the project's streams. */
  push(stored: StoredSnapshot): void {
    this.#fanOut([...(this.#byCustomer.get(`${stored.projectId}:${stored.snapshot.customer}`) ?? [])], stored);
    for (const watcher of this.#byProject.get(stored.projectId) ?? []) this.#sendToWatcher(watcher, stored);
  }

  /**
   * A deleted customer and a project-wide staleness reach streaming backends as messages of
   * their own (docs/realtime.md); browsers of a deleted customer are simply disconnected.
   */
  projectEvent(event: ProjectEvent): void {
    const message = event.kind === 'deleted' ? frame.deleted(event.customer) : frame.stale();
    for (const watcher of this.#byProject.get(event.project) ?? []) {
      if (event.kind === 'deleted') watcher.versions.delete(event.customer);
      else watcher.versions.clear();
      watcher.socket.send(message);
    }
    if (event.kind !== 'deleted') return;
    for (const subscriber of this.#byCustomer.get(`${event.project}:${event.customer}`) ?? []) subscriber.socket.close(CLOSE.notFound, 'customer deleted');
  }

  // Chunks of clients, with a turn of the event loop between them. Safe to interleave with a
  // newer push: #send() never gives a client a version older than the one it has.
  #fanOut(subscribers: Subscriber[], stored: StoredSnapshot): void {
    const chunk = this.#limits.fanOutChunk;
    for (const subscriber of subscribers.slice(0, chunk)) this.#send(subscriber, stored);
    if (subscribers.length > chunk) setImmediate(() => this.#fanOut(subscribers.slice(chunk), stored));
  }

  #send(subscriber: Subscriber, stored: StoredSnapshot): void {
    if (stored.snapshot.version <= subscriber.version) return;
    // A client that does not read cannot make the server hold its messages without bound.
    if (this.#tooSlow(subscriber.socket)) return;
    subscriber.version = stored.snapshot.version;
    subscriber.greeted = true;
    subscriber.socket.send(this.#frameOf(stored));
  }

  #sendToWatcher(watcher: ProjectWatcher, stored: StoredSnapshot): void {
    const { customer, version } = stored.snapshot;
    if (version <= (watcher.versions.get(customer) ?? 0)) return;
    if (this.#tooSlow(watcher.socket)) return;
    watcher.versions.set(customer, version);
    watcher.socket.send(this.#frameOf(stored));
  }

  /** Closes (4429) a socket holding more unsent data than allowed. */
  #tooSlow(socket: WebSocket): boolean {
    if (socket.bufferedAmount <= this.#limits.maxBufferedBytes) return false;
    socket.close(CLOSE.tooSlow, 'too slow: reconnect to resync');
    return true;
  }

  #frameOf(stored: StoredSnapshot): string {
    let encoded = this.#encoded.get(stored);
    if (encoded === undefined) {
      encoded = JSON.stringify(stored.snapshot);
      this.#encoded.set(stored, encoded);
    }
    return frame.encodedSnapshot(encoded, this.#limits.now(stored.projectId));
  }
}

function addTo<K, V>(groups: Map<K, Set<V>>, key: K, member: V): () => void {
  const group = groups.get(key) ?? new Set<V>();
  groups.set(key, group);
  group.add(member);
  return () => {
    group.delete(member);
    if (group.size === 0) groups.delete(key);
  };
}
