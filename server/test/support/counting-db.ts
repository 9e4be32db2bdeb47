import type { Database, Queryable } from '../../src/db/database.js';

/** Wraps a database to record every statement sent through it (and its transactions). */
export function countingDatabase(db: Database): { db: Database; statements: string[] } {
  const statements: string[] = [];
  const record = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      statements.push(sql.replace(/\s+/g, ' ').trim());
      return q.query(sql, params);
    },
  });
  return {
    statements,
    db: { ...db, ...record(db), kind: db.kind, transaction: (fn) => db.transaction((tx) => fn(record(tx))), close: () => db.close() },
  };
}
