// The shared second-level cache of snapshots in Redis. A write never replaces a newer version
// (compare-and-set in one Lua script), so the invalidation race cannot put an old one back.
import { Redis } from 'ioredis';
import type { StoredSnapshot } from './snapshot.js';

export interface SnapshotStore {
  get(customerId: string): Promise<StoredSnapshot | undefined>;
  /** Stores it unless a version at least as new is there; false when skipped or unreachable. */
  put(stored: StoredSnapshot): Promise<boolean>;
  close(): Promise<void>;
}

const TTL_SECONDS = 24 * 60 * 60;
const KEY = (customerId: string) => `nozle:snapshot:${customerId}`;

const PUT_IF_NEWER = `
local current = redis.call('GET', KEYS[1])
if current then
  local ok, decoded = pcall(cjson.decode, current)
  if ok and decoded.snapshot and decoded.snapshot.version >= tonumber(ARGV[2]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
return 1`;

/** Every call gives up after `timeoutMs`: a slow or absent Redis must not slow a check down. */
export function createRedisSnapshotStore(url: string, timeoutMs = 250): SnapshotStore {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: timeoutMs, lazyConnect: true });
  redis.on('error', () => {});
  // Commands wait for the first connection attempt (not for Redis to come back): without the
  // offline queue, a command sent while still connecting would fail.
  const connecting = redis.connect().catch(() => {});

  return {
    async get(customerId) {
      await connecting;
      try {
        const raw = await redis.get(KEY(customerId));
        return raw ? (JSON.parse(raw) as StoredSnapshot) : undefined;
      } catch {
        return undefined;
      }
    },
    async put(stored) {
      await connecting;
      try {
        const result = await redis.eval(PUT_IF_NEWER, 1, KEY(stored.snapshot.customer), JSON.stringify(stored), stored.snapshot.version, TTL_SECONDS);
        return result === 1;
      } catch {
        return false;
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}
