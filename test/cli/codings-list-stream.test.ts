import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countEvidenceUnits } from '../../src/core/analysis/evidence-units.js';
import { renderTable } from '../../src/cli/commands/codings-list.js';
import { writeTable } from '../../src/cli/output.js';
import { segmentMemosCell } from '../../src/report/codings-csv.js';
import { codingsHaveMemos, listCodings, type CodingFilter, type CodingRow } from '../../src/store/list-codings.js';
import { openStore } from '../../src/store/open.js';
import { listProposedCodings, storeAcceptance, storeRejection } from '../../src/store/review.js';
import { fakeCtx, runInProcess } from '../helpers/fake-ctx.js';
import { tempDir } from '../helpers/spawn-cli.js';

async function ok(dir: string, ...argv: string[]): Promise<{ stdout: string; stderr: string }> {
  const result = await runInProcess(dir, argv);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

let demo: string;
beforeAll(async () => {
  demo = join(tempDir(), 'demo');
  await ok(join(demo, '..'), 'demo', demo);
  // Review decisions on a few proposals, so the listing's two parts (codings, rejections) both have rows.
  const db = openStore(join(demo, 'telaah.db'));
  const proposals = listProposedCodings(db);
  for (const [i, proposal] of proposals.slice(0, 40).entries()) {
    if (i % 2) storeRejection(db, proposal.segmentId, proposal.code, 'rina', 'now');
    else storeAcceptance(db, proposal, 'budi', 'now');
  }
  db.close();
}, 120_000);

function rowsOf(filter: CodingFilter = {}): CodingRow[] {
  const db = openStore(join(demo, 'telaah.db'), { readonly: true });
  try {
    return listCodings(db, filter);
  } finally {
    db.close();
  }
}

/** The piped table as codings list wrote it whole before it streamed: writeTable over every row. */
function wholeTable(rows: CodingRow[], tty?: { columns: number }): string {
  const ctx = fakeCtx(demo, tty ? { stdoutIsTTY: true, columns: tty.columns } : {});
  const hasMemo = rows.some((r) => r.memo || r.memos.length);
  const columns = [
    { title: 'source', shrink: true },
    { title: 'segment' },
    { title: 'code' },
    { title: 'coder' },
    { title: 'origin', optional: true },
    { title: 'text', shrink: true },
    ...(hasMemo ? [{ title: 'memo', shrink: true, optional: true }] : []),
  ];
  const cells = rows.map((r) => [r.source, r.segment, r.code, r.coder, r.origin, r.text.replace(/\s+/g, ' '), ...(hasMemo ? [[r.memo, segmentMemosCell(r)].filter(Boolean).join(' | ').replace(/\s+/g, ' ')] : [])]);
  writeTable(ctx, columns, cells);
  if (tty) {
    const codings = rows.filter((r) => r.origin !== 'rejected');
    const rejections = rows.length - codings.length;
    ctx.stdout.write(`${codings.length} codings on ${countEvidenceUnits(codings)} coded segments${rejections ? `, ${rejections} rejections` : ''}\n`);
  }
  return ctx.out();
}

describe('codings list streams its rows', () => {
  it('--json is byte for byte the whole array', async () => {
    const rows = rowsOf();
    expect(rows.length).toBeGreaterThan(100);
    expect((await ok(demo, 'codings', 'list', '--json')).stdout).toBe(`${JSON.stringify(rows, null, 2)}\n`);
    const rejected = rowsOf({ origins: ['rejected', 'auto'] });
    expect((await ok(demo, 'codings', 'list', '--json', '--origin', 'rejected,auto')).stdout).toBe(`${JSON.stringify(rejected, null, 2)}\n`);
  });

  it('lists the codings in source name, segment, code, coder and origin order, as one ORDER BY over all of them did (read by source, or in one statement for a narrow filter)', () => {
    const db = openStore(join(demo, 'telaah.db'), { readonly: true });
    const sorted = (where: string): string[] => db
      .prepare<[], { key: string }>(
        `SELECT s.name || ' ' || c.segment_id || ' ' || c.code || ' ' || c.coder AS key FROM codings c JOIN segments g ON g.id = c.segment_id JOIN sources s ON s.id = g.source_id
          WHERE ${where} c.origin <> 'suggested' AND NOT (c.origin IN ('auto', 'suggested') AND EXISTS (SELECT 1 FROM review_decisions d WHERE d.segment_id = c.segment_id AND d.code = c.code AND d.decision = 'rejected'))
          ORDER BY s.name, c.segment_id, c.code, c.coder, c.origin`,
      )
      .all()
      .map((r) => r.key.replace(/ \d+ /, ' '));
    const all = sorted('');
    const barriers = sorted(`(c.code = 'barrier' OR c.code LIKE 'barrier/%') AND`);
    const narrow: [CodingFilter, string][] = [
      [{ coder: 'budi' }, `c.coder = 'budi' AND`],
      [{ sourceType: 'fgd' }, `s.type = 'fgd' AND`],
      [{ code: 'barrier', origins: ['auto'] }, `(c.code = 'barrier' OR c.code LIKE 'barrier/%') AND c.origin = 'auto' AND`],
    ];
    const expected = narrow.map(([, where]) => sorted(where));
    db.close();
    expect(barriers.length).toBeGreaterThan(10);
    const keys = (filter: CodingFilter) => rowsOf(filter).map((r) => `${r.source} ${r.code} ${r.coder}`);
    expect(keys({})).toEqual(all);
    expect(keys({ code: 'barrier' })).toEqual(barriers);
    narrow.forEach(([filter], i) => {
      expect(expected[i]!.length, JSON.stringify(filter)).toBeGreaterThan(5);
      expect(keys(filter), JSON.stringify(filter)).toEqual(expected[i]);
    });
  });

  it('knows whether a listing has a memo to show, as its rows say, with memos on segments, on codings, or none', () => {
    const filters: CodingFilter[] = [{}, { code: 'barrier' }, { coder: 'budi' }, { origins: ['rejected'] }, { origins: ['auto', 'rejected'] }, { sourceType: 'fgd' }];
    const shows = (rows: CodingRow[]) => rows.some((r) => Boolean(r.memo) || r.memos.length > 0);
    const db = openStore(join(demo, 'telaah.db'));
    try {
      const check = () => {
        for (const filter of filters) expect(codingsHaveMemos(db, filter), JSON.stringify(filter)).toBe(shows(rowsOf(filter)));
      };
      const segmentMemos = db.prepare('SELECT COUNT(*) FROM memos WHERE segment_id IS NOT NULL').pluck().get() as number;
      const codingMemos = db.prepare("SELECT COUNT(*) FROM codings WHERE memo IS NOT NULL AND memo <> ''").pluck().get() as number;
      check();
      // A memo on one budi coding (and none on segments): shown for some filters, not for others.
      const target = rowsOf({ coder: 'budi' })[0]!;
      const saved = db.prepare<[], { id: number; memo: string | null }>('SELECT id, memo FROM codings').all();
      db.prepare("UPDATE codings SET memo = ''").run();
      const segmentIds = db.prepare('SELECT id, segment_id FROM memos WHERE segment_id IS NOT NULL').all() as { id: number; segment_id: number }[];
      db.prepare('UPDATE memos SET segment_id = NULL WHERE segment_id IS NOT NULL').run();
      check();
      expect(filters.some((f) => codingsHaveMemos(db, f))).toBe(false);
      db.prepare(`UPDATE codings SET memo = 'lihat poster' WHERE coder = 'budi' AND segment_id = (SELECT g.id FROM segments g JOIN sources s ON s.id = g.source_id WHERE s.name = ? AND g.turn || CASE g.sentence WHEN 0 THEN '' ELSE '.' || g.sentence END = ?)`).run(target.source, target.segment);
      check();
      expect(codingsHaveMemos(db, { coder: 'budi' })).toBe(true);
      expect(codingsHaveMemos(db, { origins: ['rejected'] })).toBe(false);
      const restore = db.prepare('UPDATE codings SET memo = ? WHERE id = ?');
      for (const { id, memo } of saved) restore.run(memo, id);
      const back = db.prepare('UPDATE memos SET segment_id = ? WHERE id = ?');
      for (const { id, segment_id } of segmentIds) back.run(segment_id, id);
      expect(db.prepare('SELECT COUNT(*) FROM memos WHERE segment_id IS NOT NULL').pluck().get()).toBe(segmentMemos);
      expect(db.prepare("SELECT COUNT(*) FROM codings WHERE memo IS NOT NULL AND memo <> ''").pluck().get()).toBe(codingMemos);
      check();
    } finally {
      db.close();
    }
  });

  it('the piped table is byte for byte the whole table, with the memo column only when a memo shows, and the same count line', async () => {
    const rows = rowsOf();
    const piped = await ok(demo, 'codings', 'list');
    expect(piped.stdout).toBe(wholeTable(rows));
    expect(piped.stdout.split('\n')[0]).not.toContain('memo');
    const codings = rows.filter((r) => r.origin !== 'rejected');
    expect(piped.stderr).toBe(`${codings.length} codings on ${countEvidenceUnits(codings)} coded segments\n`);

    const [first] = rows;
    await ok(demo, 'memo', 'add', `segment:${first!.source}:${first!.segment}`, 'Poster di puskesmas\tdan kantor desa', '--author', 'rina');
    const withMemo = rowsOf({ source: first!.source });
    const memoed = await ok(demo, 'codings', 'list', '--source', first!.source);
    expect(memoed.stdout.split('\n')[0]).toBe('source\tsegment\tcode\tcoder\torigin\ttext\tmemo');
    expect(memoed.stdout).toBe(wholeTable(withMemo));
    // A source without the memo keeps its table without the column.
    const other = rows.find((r) => r.source !== first!.source)!.source;
    expect((await ok(demo, 'codings', 'list', '--source', other)).stdout).toBe(wholeTable(rowsOf({ source: other })));
  });

  it('a terminal gets the table sized over every row, byte for byte as before, at 80 and 120 columns', async () => {
    const source = rowsOf()[0]!.source;
    for (const columns of [80, 120]) {
      for (const argv of [['codings', 'list', '--source', source], ['codings', 'list', '--code', 'barrier', '--origin', 'auto,accepted,rejected']]) {
        const filter: CodingFilter = argv.includes('--source') ? { source } : { code: 'barrier', origins: ['auto', 'accepted', 'rejected'] };
        const result = await runInProcess(demo, argv, { stdoutIsTTY: true, columns });
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(wholeTable(rowsOf(filter), { columns }));
        // Too long to hold: measured in one pass, written in a second, the same bytes.
        const ctx = fakeCtx(demo, { stdoutIsTTY: true, columns });
        const db = openStore(join(demo, 'telaah.db'), { readonly: true });
        renderTable(ctx, db, filter, 10);
        db.close();
        expect(ctx.out()).toBe(result.stdout);
      }
    }
  });

  it('the table of rejections, with their count line', async () => {
    const rows = rowsOf({ origins: ['rejected'] });
    expect(rows).toHaveLength(20);
    const piped = await ok(demo, 'codings', 'list', '--origin', 'rejected');
    expect(piped.stdout).toBe(wholeTable(rows));
    expect(piped.stderr).toBe(`${rows.length} ${rows.length === 1 ? 'rejection' : 'rejections'}\n`);
  });
});
