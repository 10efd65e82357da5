import type { Db } from '../../src/store/open.js';

/** The steps of SQLite's plan for a statement (EXPLAIN QUERY PLAN's `detail`s), bound with `params`. */
export function queryPlan(db: Db, sql: string, params: readonly unknown[] = []): string[] {
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => r.detail);
}
