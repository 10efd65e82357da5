/**
 * The `WHERE` that picks sources by name and type, as exports and search filter them. Both read the
 * sources table without its text and by an index (name is unique; type goes with the segment ranges).
 */
import type { SourceType } from '../core/transcript/types.js';

/** ` WHERE name = ? AND type = ?` for the fields given (empty for neither), with its parameters. */
export function sourcesWhere(filter: { source?: string; sourceType?: SourceType }): { sql: string; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  if (filter.source !== undefined) {
    clauses.push('name = ?');
    params.push(filter.source);
  }
  if (filter.sourceType !== undefined) {
    clauses.push('type = ?');
    params.push(filter.sourceType);
  }
  return { sql: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '', params };
}
