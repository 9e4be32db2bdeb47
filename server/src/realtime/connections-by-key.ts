// Which open connections live on which API key: a backend's stream on its secret key, a
// browser on its publishable key and on the secret key that signed its customer token. A
// revocation (heard from any instance) closes exactly those.
import { LRUCache } from 'lru-cache';
import type { WebSocket } from 'ws';

export class ConnectionsByKey {
  readonly #byHash = new Map<string, Set<WebSocket>>();
  /**
   * Hashes already revoked: a hello that checked its key just before the revocation and
   * registers just after it is refused here. A revoked key never comes back, so no expiry.
   */
  readonly #revoked = new LRUCache<string, true>({ max: 10_000 });

  /** Registers the socket under each key hash until it closes; false (nothing registered) when one is revoked. */
  add(socket: WebSocket, keyHashes: readonly string[]): boolean {
    if (keyHashes.some((hash) => this.#revoked.has(hash))) return false;
    for (const hash of keyHashes) {
      const sockets = this.#byHash.get(hash) ?? new Set<WebSocket>();
      this.#byHash.set(hash, sockets);
      sockets.add(socket);
    }
    socket.once('close', () => {
      for (const hash of keyHashes) {
        const sockets = this.#byHash.get(hash);
        sockets?.delete(socket);
        if (sockets?.size === 0) this.#byHash.delete(hash);
      }
    });
    return true;
  }

  /** The key hashes some open connection lives on. */
  hashes(): string[] {
    return [...this.#byHash.keys()];
  }

  /** Records the revocation; returns the connections that lived on the key. */
  revoke(keyHash: string): WebSocket[] {
    this.#revoked.set(keyHash, true);
    const sockets = [...(this.#byHash.get(keyHash) ?? [])];
    this.#byHash.delete(keyHash);
    return sockets;
  }
}
