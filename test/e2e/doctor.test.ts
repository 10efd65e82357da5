import Database from 'better-sqlite3-multiple-ciphers';
import { cpSync, openSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.js';
import { tempDir, telaah } from '../helpers/spawn-cli.js';

interface Check {
  check: string;
  status: 'ok' | 'note' | 'problem';
  detail: string;
  advice?: string;
}

/** doctor --json on the project: its exit code and checks. */
function doctor(dir: string): { code: number; healthy: boolean; checks: Check[] } {
  const run = telaah(dir, ['doctor', '--json']);
  const { healthy, checks } = JSON.parse(run.stdout) as { healthy: boolean; checks: Check[] };
  return { code: run.code, healthy, checks };
}

const problems = (checks: Check[]): Check[] => checks.filter((c) => c.status === 'problem');

describe('telaah doctor', () => {
  let demo: string;
  beforeAll(() => {
    const base = tempDir();
    demo = join(base, 'demo');
    const run = telaah(base, ['demo', 'demo']);
    expect(run.code, run.stderr).toBe(0);
  });

  /** A copy of the demo project to damage. */
  function copy(): string {
    const dir = join(tempDir(), 'damaged');
    cpSync(demo, dir, { recursive: true });
    return dir;
  }

  /** Changes the copy's database behind telaah's back, with foreign keys off as a careless tool would. */
  function tamper(dir: string, sql: string): void {
    const db = new Database(join(dir, 'telaah.db'));
    db.pragma('foreign_keys = OFF');
    db.exec(sql);
    db.close();
  }

  it('a healthy project: every check ok (plain is a note), exit 0; the table says so', () => {
    const result = doctor(demo);
    expect(result.code).toBe(0);
    expect(result.healthy).toBe(true);
    expect(result.checks.map((c) => c.check)).toEqual([
      'settings', 'integrity', 'references', 'segment ranges', 'segment offsets', 'sentences', 'coding offsets', 'segment references', 'coded codes', 'schema', 'encryption', 'write-ahead log',
    ]);
    expect(result.checks.filter((c) => c.status !== 'ok')).toEqual([
      { check: 'encryption', status: 'note', detail: 'not encrypted', advice: "If the project holds participants' words, encrypt it with `telaah encrypt`" },
    ]);
    const table = telaah(demo, ['doctor']);
    expect(table.stdout.split('\n')[0]).toBe('check\tstatus\tdetail');
    expect(table.stdout).toContain('integrity\tok\tevery page and index is sound\n');
    expect(table.stderr).toBe("• encryption: If the project holds participants' words, encrypt it with `telaah encrypt`\nThe project is healthy.\n");
  });

  it('a code row deleted under foreign_keys=OFF: its codings carry a code no codebook defines, exit 3 with advice', () => {
    const dir = copy();
    tamper(dir, "DELETE FROM codes WHERE id = (SELECT code FROM codings ORDER BY code LIMIT 1)");
    const result = doctor(dir);
    expect(result.code).toBe(3);
    expect(result.healthy).toBe(false);
    expect(problems(result.checks)).toEqual([
      expect.objectContaining({ check: 'coded codes', detail: expect.stringMatching(/^\d+ codings carry a code no stored codebook version defines \(first: .+\)$/), advice: expect.stringContaining('Restore the project from a backup') }),
    ]);
  });

  it('a segment deleted under foreign_keys=OFF: codings point at a missing segment', () => {
    const dir = copy();
    tamper(dir, 'DELETE FROM turns WHERE id = (SELECT segment_id FROM codings LIMIT 1); DELETE FROM sentences WHERE id = (SELECT segment_id FROM codings LIMIT 1)');
    const found = problems(doctor(dir).checks);
    expect(found.map((c) => c.check)).toContain('segment references');
    expect(found.find((c) => c.check === 'segment references')?.detail).toMatch(/^\d+ codings, review decisions or memos point at missing segments \(first: segment \d+\)$/);
  });

  it("segments moved out of their source's range and past its text, a sentence without its turn", () => {
    const dir = copy();
    tamper(dir, `
      UPDATE turns SET source_id = (SELECT max(id) FROM sources) WHERE id = (SELECT first_segment FROM sources ORDER BY id LIMIT 1);
      UPDATE turns SET end = end + 1000000 WHERE id = (SELECT last_segment FROM sources ORDER BY id LIMIT 1);
      UPDATE sentences SET end = end + 1000000 WHERE id = (SELECT last_segment FROM sources ORDER BY id LIMIT 1);
      UPDATE sentences SET turn_id = 0 WHERE id = (SELECT min(id) FROM sentences);
    `);
    const result = doctor(dir);
    expect(result.code).toBe(3);
    expect(problems(result.checks).map((c) => c.check)).toEqual(['segment ranges', 'segment offsets', 'sentences']);
  });

  it('a corrupted page: integrity_check reports it, exit 3; other commands point at doctor', () => {
    const dir = copy();
    const db = new Database(join(dir, 'telaah.db'), { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'codings'").get() as { rootpage: number }).rootpage;
    db.close();
    const fd = openSync(join(dir, 'telaah.db'), 'r+');
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (root - 1) * pageSize);
    closeSync(fd);
    const result = doctor(dir);
    expect(result.code).toBe(3);
    expect(problems(result.checks)).toEqual([expect.objectContaining({ check: 'integrity', detail: expect.stringMatching(/^SQLite found damage: Tree \d+ page \d+: [^\n]+$/) })]);
    const human = telaah(dir, ['doctor']);
    expect(human.stderr).toMatch(/✗ integrity: SQLite found damage: .*Restore the project from a backup/);
    const list = telaah(dir, ['codings', 'list']);
    expect(list.code).toBe(3);
    expect(list.stderr).toMatch(/Run `telaah doctor` or restore a backup\n$/);
  });

  it('a project from a newer telaah, a broken telaah.yaml and a copy left by an interrupted encrypt are problems', () => {
    const dir = copy();
    tamper(dir, 'PRAGMA user_version = 99');
    writeFileSync(join(dir, 'telaah.yaml'), 'name: [unclosed\n');
    writeFileSync(join(dir, 'telaah.db.encrypting'), 'half a copy');
    const result = doctor(dir);
    expect(result.code).toBe(3);
    expect(problems(result.checks)).toEqual([
      expect.objectContaining({ check: 'settings', detail: expect.stringMatching(/telaah\.yaml:\d+:\d+: telaah\.yaml is not valid YAML: [^\n]+$/) }),
      expect.objectContaining({ check: 'database', detail: `this project was written by a newer telaah (schema 99, this telaah knows ${migrations.length})`, advice: 'Upgrade telaah to open it' }),
      expect.objectContaining({ check: 'leftover copy', advice: expect.stringMatching(/^Delete .*telaah\.db\.encrypting; the project itself is unchanged$/) }),
    ]);
  });

  it('an encrypted project: checked with its passphrase, encryption ok', () => {
    const dir = tempDir();
    expect(telaah(dir, ['init', '--encrypt'], { TELAAH_PASSPHRASE: 'x-y-z' }).code).toBe(0);
    const run = telaah(dir, ['doctor', '--json'], { TELAAH_PASSPHRASE: 'x-y-z' });
    expect(run.code, run.stderr).toBe(0);
    const { checks } = JSON.parse(run.stdout) as { checks: Check[] };
    expect(checks.find((c) => c.check === 'encryption')).toEqual({ check: 'encryption', status: 'ok', detail: 'encrypted (SQLCipher 4: AES-256, HMAC-SHA512)' });
  });
});
