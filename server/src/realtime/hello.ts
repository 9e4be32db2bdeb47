// The client's first message, read without trusting any of it: every input gives a hello or a
// close code, never a throw (which would become a 1011) and never a value a query cannot take.
import { CLOSE, type ClientMessage } from '@nozle/openapi';
import type { RawData } from 'ws';
import { keyTypeOf } from '../http/api-keys.js';

export type Hello =
  /** A backend streaming its project (secret key). */
  | { kind: 'project'; key: string }
  /** A browser reading one customer (publishable key and customer token). */
  | { kind: 'customer'; key: string; token: string; version: number };

interface HelloRefusal {
  code: number;
  reason: string;
}

const refuse = (code: number, reason: string): HelloRefusal => ({ code, reason });

export function parseHello(data: RawData): Hello | HelloRefusal {
  let message: unknown;
  try {
    message = JSON.parse(rawText(data));
  } catch {
    return refuse(CLOSE.badRequest, 'hello must be JSON');
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return refuse(CLOSE.badRequest, 'hello must be a JSON object');
  const { type, key, token, version } = message as Record<string, unknown>;
  if (type !== ('hello' satisfies ClientMessage['type']) || typeof key !== 'string') return refuse(CLOSE.badRequest, 'expected {"type":"hello","key",…}');
  if (keyTypeOf(key) === 'secret') return { kind: 'project', key };
  if (typeof token !== 'string') return refuse(CLOSE.badRequest, 'a publishable key comes with a customer token (string)');
  if (version !== undefined && !(Number.isSafeInteger(version) && (version as number) >= 0)) {
    return refuse(CLOSE.badRequest, 'version must be a non-negative integer');
  }
  if (keyTypeOf(key) !== 'publishable') return refuse(CLOSE.unauthorized, 'a publishable key (pk_…) is required');
  return { kind: 'customer', key, token, version: (version as number | undefined) ?? 0 };
}

export const isRefusal = (parsed: Hello | HelloRefusal): parsed is HelloRefusal => 'code' in parsed;

/**
 * Postgres text cannot hold NUL, so a customer reference with one names no customer: answered
 * as not found without asking the database (which would throw).
 */
export const canNameCustomer = (ref: string): boolean => !ref.includes('\u0000');

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
