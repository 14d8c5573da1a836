import { sql, type RawBuilder, type SqlBool } from 'kysely';

// Terms that let a query use the partial indexes on what the office received (migration 20261213_0900). Written
// as literals, not parameters: PostgreSQL's plan for a prepared statement is made once for any value, and then
// can use a partial index only if the query's text alone proves the index's predicate. SQLite proves
// `status = 'accepted'` implies the index's `status = 'submitted' OR status = 'accepted'`, not an IN list.

const status = (alias: string) => sql.ref(`${alias}.status`);

/** The report reached the office: seeks by (task, status, updated_at) among received reports only. */
export function receivedReport(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${status(alias)} = 'submitted' OR ${status(alias)} = 'accepted')`;
}

/** The report is in this received status: the same index, one status. */
export function reportIn(alias: string, received: 'submitted' | 'accepted'): RawBuilder<SqlBool> {
  return sql<SqlBool>`${status(alias)} = ${sql.lit(received)}`;
}

/** An accepted report claiming completion: seeks among the few reports of a task that claim it. */
export function acceptedCompletion(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${alias}.claims_completion`)} = 1 AND ${status(alias)} = 'accepted'`;
}
