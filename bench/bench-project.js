// What the bench scripts do to a bench project before timing it: read a count, code it automatically when
// it has no codings, and give it a stand-in for a person's coding (coder bench-ana takes four in five of
// auto's codings in every tenth source and adds some of her own there, so agreement has something to compare).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';

const root = fileURLToPath(new URL('..', import.meta.url));

/** One number from the project's database (read-only). */
export function countRows(database, sql) {
  const db = new Database(database, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
}

/** Codes the project with the shipped codebook unless it has automatic codings already. */
export function ensureAutoCoded(project) {
  if (countRows(join(project, 'telaah.db'), "SELECT COUNT(*) FROM codings WHERE origin = 'auto'") > 0) return;
  execFileSync(process.execPath, [join(root, 'bin', 'telaah.js'), 'code', 'auto', '--codebook', join(root, 'codebooks', 'bpjs-social-work.yaml'), '--project', project], { stdio: 'ignore' });
}

/** The stand-in coder's name. */
export const HUMAN = 'bench-ana';

/** Gives the project bench-ana's codings unless it has them already. */
export function addBenchCoder(database) {
  const db = new Database(database);
  try {
    if (db.prepare('SELECT COUNT(*) FROM codings WHERE coder = ?').pluck().get(HUMAN) > 0) return;
    // created_at as telaah writes it (ISO 8601): an export of the project must validate against REFI's schema.
    db.exec(`
      INSERT INTO codings (segment_id, code, coder, origin, start, end, created_at)
      SELECT c.segment_id, c.code, '${HUMAN}', 'manual', c.start, c.end, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        FROM codings c JOIN segments g ON g.id = c.segment_id
       WHERE c.coder = 'auto' AND g.source_id % 10 = 0 AND c.id % 5 <> 0;
      INSERT OR IGNORE INTO codings (segment_id, code, coder, origin, start, end, created_at)
      SELECT g.id, 'role/broker', '${HUMAN}', 'manual', g.start, g.end, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        FROM segments g WHERE g.source_id % 10 = 0 AND g.sentence = 0 AND g.role = 'participant' AND g.id % 37 = 0;
    `);
  } finally {
    db.close();
  }
}
