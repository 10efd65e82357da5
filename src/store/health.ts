/**
 * The checks of `telaah doctor`: SQLite's own (integrity_check, foreign_key_check), the invariants of
 * telaah's data model that no constraint enforces (a source's segments in its id range and inside its
 * text, sentences under their turn, codings inside their segment and of a code some codebook version
 * defines, codings, decisions and memos on segments that exist), the schema version, and the files around the database. Each finding carries its advice.
 */
import { existsSync, statSync } from 'node:fs';
import { SEGMENT_END, SEGMENT_START, segmentJoin } from './coded-segments.js';
import { encryptingCopyOf } from './encryption.js';
import { migrations } from './migrations.js';
import { pendingMigrations, type Db } from './open.js';
import { isEncryptedFile } from './store-key.js';

/** ok: nothing to do; note: worth knowing; problem: something is wrong (doctor exits 3). */
export type HealthStatus = 'ok' | 'note' | 'problem';

/** One check and what it found. */
export interface HealthCheck {
  check: string;
  status: HealthStatus;
  detail: string;
  advice?: string;
}

/** Above this the -wal is worth a note: readers that never end keep SQLite from folding it back. */
const LARGE_WAL = 64 * 1024 * 1024;
/** How many of integrity_check's messages are kept; the first few say where the damage is. */
const INTEGRITY_MESSAGES = 10;

const RESTORE = 'Restore the project from a backup (`telaah backup` makes one); until then, copy the damaged folder aside and change nothing';

/** The checks that read the database, in the order doctor shows them. */
export function checkDatabase(db: Db): HealthCheck[] {
  const integrity = integrityCheck(db);
  // On damaged pages the model checks below may fail themselves; integrity_check has said what matters.
  if (integrity.status === 'problem') return [integrity, schemaCheck(db)];
  return [integrity, foreignKeyCheck(db), ...modelChecks(db), schemaCheck(db)];
}

/** The checks of the files beside the database: encryption, the -wal's size, a copy left by `telaah encrypt`. */
export function checkFiles(database: string): HealthCheck[] {
  const checks: HealthCheck[] = [];
  checks.push(
    isEncryptedFile(database)
      ? { check: 'encryption', status: 'ok', detail: 'encrypted (SQLCipher 4: AES-256, HMAC-SHA512)' }
      : { check: 'encryption', status: 'note', detail: 'not encrypted', advice: "If the project holds participants' words, encrypt it with `telaah encrypt`" },
  );
  const wal = sizeOf(`${database}-wal`);
  checks.push(
    wal > LARGE_WAL
      ? { check: 'write-ahead log', status: 'note', detail: `${megabytes(wal)} in ${database}-wal`, advice: 'A command that never ends keeps SQLite from folding the log back into the database: close other telaah commands' }
      : { check: 'write-ahead log', status: 'ok', detail: wal ? megabytes(wal) : 'empty' },
  );
  const copy = encryptingCopyOf(database);
  if (existsSync(copy)) {
    checks.push({ check: 'leftover copy', status: 'problem', detail: `${copy} was left by an interrupted \`telaah encrypt\` and may hold the project unencrypted`, advice: `Delete ${copy}; the project itself is unchanged` });
  }
  return checks;
}

function integrityCheck(db: Db): HealthCheck {
  const rows = db.prepare<[], { integrity_check: string }>(`PRAGMA integrity_check(${INTEGRITY_MESSAGES})`).all();
  if (rows.length === 1 && rows[0]!.integrity_check === 'ok') return { check: 'integrity', status: 'ok', detail: 'every page and index is sound' };
  // A row may hold several lines, the first naming the schema ("*** in database main ***").
  const messages = rows.flatMap((r) => r.integrity_check.split('\n')).filter((m) => m !== '' && !m.startsWith('***'));
  const shown = messages.slice(0, 2).join('; ');
  return { check: 'integrity', status: 'problem', detail: `SQLite found damage: ${shown}${messages.length > 2 ? ` (and ${messages.length - 2}${rows.length >= INTEGRITY_MESSAGES ? '+' : ''} more)` : ''}`, advice: RESTORE };
}

function foreignKeyCheck(db: Db): HealthCheck {
  const rows = db.prepare<[], { table: string; parent: string }>('PRAGMA foreign_key_check').all();
  if (rows.length === 0) return { check: 'references', status: 'ok', detail: 'every row points at rows that exist' };
  const byTable = new Map<string, number>();
  for (const r of rows) byTable.set(`${r.table} → ${r.parent}`, (byTable.get(`${r.table} → ${r.parent}`) ?? 0) + 1);
  const detail = [...byTable].map(([pair, n]) => `${n} ${pair.split(' → ')[0]} row${n === 1 ? '' : 's'} point at missing ${pair.split(' → ')[1]}`).join('; ');
  return { check: 'references', status: 'problem', detail, advice: RESTORE };
}

/** A model invariant: how many rows break it, and one of them to look at. */
interface Invariant {
  check: string;
  sql: string;
  broken: (count: number, example: string) => string;
  ok: string;
}

const INVARIANTS: Invariant[] = [
  {
    check: 'segment ranges',
    sql: `SELECT count(*) AS n, min(s.id) AS example FROM segments s LEFT JOIN sources src ON src.id = s.source_id
          WHERE src.id IS NULL OR s.id NOT BETWEEN src.first_segment AND src.last_segment`,
    broken: (n, id) => `${n} segments lie outside their source's range or belong to no source (first: segment ${id})`,
    ok: "every segment lies in its source's range",
  },
  {
    check: 'segment offsets',
    sql: `SELECT count(*) AS n, min(s.id) AS example FROM segments s JOIN sources src ON src.id = s.source_id
          WHERE s.start < 0 OR s.end < s.start OR s.end > length(src.text)`,
    broken: (n, id) => `${n} segments point outside their source's text (first: segment ${id})`,
    ok: "every segment is a slice of its source's text",
  },
  {
    check: 'sentences',
    // A sentence's number is its id minus its turn's (m011): its turn must exist and be the last turn before it.
    sql: `SELECT count(*) AS n, min(s.id) AS example FROM sentences s
          WHERE s.turn_id >= s.id OR NOT EXISTS (SELECT 1 FROM turns t WHERE t.id = s.turn_id)
             OR EXISTS (SELECT 1 FROM turns n WHERE n.id > s.turn_id AND n.id < s.id)`,
    broken: (n, id) => `${n} sentences have no turn of their source above them (first: segment ${id})`,
    ok: 'every sentence hangs under its turn',
  },
  {
    check: 'coding offsets',
    sql: `SELECT count(*) AS n, min(c.id) AS example FROM codings c ${segmentJoin('c.segment_id')}
          WHERE c.start < ${SEGMENT_START} OR c.end > ${SEGMENT_END} OR c.end < c.start`,
    broken: (n, id) => `${n} codings point outside their segment (first: coding ${id})`,
    ok: 'every coding lies inside its segment',
  },
  {
    // Since m011 no foreign key ties these to segments (a view cannot be a parent): deleting segments
    // deletes them too (segmentRangeDeleter), and this finds any that were left behind.
    check: 'segment references',
    sql: `SELECT count(*) AS n, min(x.segment_id) AS example
            FROM (SELECT segment_id FROM codings UNION ALL SELECT segment_id FROM review_decisions
                  UNION ALL SELECT segment_id FROM memos WHERE segment_id IS NOT NULL) x
           WHERE NOT EXISTS (SELECT 1 FROM turns t WHERE t.id = x.segment_id) AND NOT EXISTS (SELECT 1 FROM sentences s WHERE s.id = x.segment_id)`,
    broken: (n, id) => `${n} codings, review decisions or memos point at missing segments (first: segment ${id})`,
    ok: 'every coding, review decision and memo on a segment points at one that exists',
  },
  {
    check: 'coded codes',
    sql: `SELECT count(*) AS n, min(c.code) AS example FROM codings c WHERE c.code NOT IN (SELECT id FROM codes)`,
    broken: (n, code) => `${n} codings carry a code no stored codebook version defines (first: ${code})`,
    ok: 'every coded code is in a stored codebook version',
  },
];

function modelChecks(db: Db): HealthCheck[] {
  return INVARIANTS.map((inv) => {
    const { n, example } = db.prepare<[], { n: number; example: string | number | null }>(inv.sql).get()!;
    return n === 0
      ? { check: inv.check, status: 'ok', detail: inv.ok }
      : { check: inv.check, status: 'problem', detail: inv.broken(n, String(example)), advice: RESTORE };
  });
}

function schemaCheck(db: Db): HealthCheck {
  const version = db.pragma('user_version', { simple: true }) as number;
  const known = migrations.length;
  const pending = pendingMigrations(db);
  if (version > known) {
    return { check: 'schema', status: 'problem', detail: `version ${version}, written by a newer telaah (this one knows ${known})`, advice: 'Upgrade telaah before using this project' };
  }
  if (pending.length) {
    return { check: 'schema', status: 'note', detail: `version ${version} of ${known}; pending: ${pending.join(', ')}`, advice: 'A command that changes the project brings the schema up to date; `telaah backup` first keeps the old one' };
  }
  return { check: 'schema', status: 'ok', detail: `version ${version}, as this telaah expects` };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
