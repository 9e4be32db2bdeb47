// A revoked key ends the connections living on it, on every instance: the key cache hears
// revocations through the bus, and a periodic check against the database catches one this
// instance did not hear of (Redis was down).
import { CLOSE } from '@nozle/openapi';
import type { Logger } from 'pino';
import type { Queryable } from '../db/database.js';
import type { KeyCache } from '../projects/key-cache.js';
import type { ConnectionsByKey } from './connections-by-key.js';

interface RevocationDeps {
  db: Queryable;
  logger: Logger;
  keys: KeyCache;
  byKey: ConnectionsByKey;
  keyRecheckMs: number;
}

/** Starts closing (4403) the connections of revoked keys; the function returned stops it. */
export function closeRevokedConnections({ db, logger, keys, byKey, keyRecheckMs }: RevocationDeps): () => void {
  const closeRevoked = (keyHash: string) => {
    for (const socket of byKey.revoke(keyHash)) socket.close(CLOSE.keyRevoked, 'API key revoked');
  };
  const stopRevocations = keys.onRevoked(closeRevoked);
  const keyRecheck = setInterval(() => {
    const hashes = byKey.hashes();
    if (hashes.length === 0) return;
    activeKeyHashes(db, hashes).then(
      (active) => hashes.filter((hash) => !active.has(hash)).forEach(closeRevoked),
      (error: unknown) => logger.warn({ err: error }, 'realtime key recheck failed'),
    );
  }, keyRecheckMs);
  keyRecheck.unref();
  return () => {
    clearInterval(keyRecheck);
    stopRevocations();
  };
}

/** Which of these key hashes belong to keys still active. */
async function activeKeyHashes(db: Queryable, hashes: string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ key_hash: string }>('select key_hash from api_keys where key_hash = any($1::text[]) and revoked_at is null', [hashes]);
  return new Set(rows.map((row) => row.key_hash));
}
