/**
 * After a withdrawal, the free-text places a researcher writes in (free-text-places.ts) may still quote
 * the participant: a memo citing their words, a coding memo, a command's arguments in the audit trail
 * (`memo add … "…"`), an example in a stored codebook. Each quote is replaced with "[withdrawn]".
 * Source texts are not touched here: other participants' turns are their own words.
 */
import type { QuoteFinder } from '../core/withdrawal/quotes.js';
import type { ScrubbedQuotes } from '../core/withdrawal/withdrawal-plan.js';
import type { Db } from './open.js';

/** Replaces quotes of the withdrawn words in memos, coding memos, audit arguments and stored codebooks. */
export function scrubQuotes(db: Db, finder: QuoteFinder): ScrubbedQuotes {
  const scrubbed: ScrubbedQuotes = { memos: 0, codingMemos: 0, audit: 0, codebooks: 0 };
  if (finder.empty) return scrubbed;
  const rewrite = (select: string, update: string): number => {
    const change = db.prepare(update);
    let rows = 0;
    for (const row of db.prepare<[], { id: number; value: string }>(select).all()) {
      const { text, quotes } = finder.scrub(row.value);
      if (quotes === 0) continue;
      change.run(text, row.id);
      rows += 1;
    }
    return rows;
  };
  scrubbed.memos = rewrite('SELECT id, text AS value FROM memos', 'UPDATE memos SET text = ? WHERE id = ?');
  scrubbed.codingMemos = rewrite("SELECT id, memo AS value FROM codings WHERE memo IS NOT NULL AND memo <> ''", 'UPDATE codings SET memo = ? WHERE id = ?');
  // The codebook keeps its sha256: applying the same file again finds it stored, and the file on disk is the researcher's.
  scrubbed.codebooks = rewrite('SELECT id, yaml AS value FROM codebooks', 'UPDATE codebooks SET yaml = ? WHERE id = ?');
  const changeAudit = db.prepare('UPDATE audit SET arguments = ? WHERE id = ?');
  for (const row of db.prepare<[], { id: number; arguments: string }>('SELECT id, arguments FROM audit').all()) {
    const args = JSON.parse(row.arguments) as string[];
    const results = args.map((arg) => finder.scrub(String(arg)));
    if (results.every((r) => r.quotes === 0)) continue;
    changeAudit.run(JSON.stringify(results.map((r) => r.text)), row.id);
    scrubbed.audit += 1;
  }
  return scrubbed;
}
