// What a database error means for the caller: the connection is gone, the database is (for now)
// unavailable, or the statement refused a value. Both drivers report SQLSTATE as `code`.

const sqlState = (error: unknown): string | undefined => {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
};

// Socket failures Node reports on the connection to the database.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

// pg and pg-pool raise these as plain Errors, without a code.
const CLIENT_MESSAGES = [
  'Connection terminated',
  'timeout expired',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/** The connection itself failed or timed out: its session (and any transaction on it) is gone. */
export function isConnectionLost(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const state = sqlState(error);
  // 08: connection exception; 57P01/57P02: the server was shut down or crashed under us.
  if (state) return state.startsWith('08') || state === '57P01' || state === '57P02';
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  return typeof message === 'string' && CLIENT_MESSAGES.some((text) => message.startsWith(text));
}

/**
 * The database could not serve the statement now, through no fault of the request: the
 * connection failed, the server is starting or out of connections, or the statement timed out.
 * A retry later may succeed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  // 57014: canceled (statement_timeout); 57P03: cannot connect now; 53300: too many connections.
  return isConnectionLost(error) || state === '57014' || state === '57P03' || state === '53300';
}

/**
 * The statement refused a value it was given: class 22 (data exception: a NUL byte, an
 * out-of-range number or date, malformed JSON...) or 54001 (statement too complex).
 */
export function isRefusedValue(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && (state.startsWith('22') || state === '54001');
}
