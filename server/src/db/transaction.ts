// Running a transaction again when the database (or our own code) says the attempt lost a race.

// serialization_failure, deadlock_detected: Postgres rolled the attempt back, nothing of it stands.
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

/**
 * Thrown inside a transaction by code that found the world changed under it (a period it
 * writes into was invoiced meanwhile): the transaction rolls back and runs again from the start.
 */
export class TransactionConflict extends Error {
  override readonly name = 'TransactionConflict';
}

const isRetryable = (error: unknown) => error instanceof TransactionConflict || RETRYABLE_SQLSTATES.has(String((error as { code?: unknown } | null)?.code));

/** Runs `attempt` (which opens its own transaction) up to `attempts` times while it loses a race. */
export async function retryTransaction<T>(attempt: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= attempts || !isRetryable(error)) throw error;
    }
  }
}
