import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { runInProcess } from '../helpers/fake-ctx.js';
import { SAMPLES, tempDir } from '../helpers/spawn-cli.js';

async function ok(dir: string, ...argv: string[]): Promise<{ stdout: string; stderr: string }> {
  const result = await runInProcess(dir, argv);
  expect(result.code, result.stderr).toBe(0);
  return result;
}
const json = async <T>(dir: string, ...argv: string[]): Promise<T> => JSON.parse((await ok(dir, ...argv, '--json')).stdout) as T;

const FGD = 'fgd1-medan-pekerja';
const FGD_FILE = join(SAMPLES, 'fgd', 'fgd1-medan-pekerja.txt');

/** Every coding with the words it points at, and whose segment it is on. */
function codedWords(dir: string): Map<string, { words: string; segment: string; participant: string | null }> {
  const db = openStore(join(dir, 'telaah.db'), { readonly: true });
  try {
    const rows = db
      .prepare<[], { name: string; turn: number; sentence: number; code: string; coder: string; start: number; end: number; gs: number; ge: number; text: string; pseudonym: string | null }>(
        `SELECT s.name, g.turn, g.sentence, c.code, c.coder, c.start, c.end, g.start AS gs, g.end AS ge, s.text, p.pseudonym
           FROM codings c JOIN segments g ON g.id = c.segment_id JOIN sources s ON s.id = g.source_id LEFT JOIN participants p ON p.id = g.participant_id`,
      )
      .all();
    const points = new Map<string, string[]>();
    const out = new Map<string, { words: string; segment: string; participant: string | null }>();
    for (const r of rows) {
      if (!points.has(r.name)) points.set(r.name, Array.from(r.text));
      const text = points.get(r.name)!;
      out.set(`${r.name} ${r.turn}.${r.sentence} ${r.code} ${r.coder}`, { words: text.slice(r.start, r.end).join(''), segment: text.slice(r.gs, r.ge).join(''), participant: r.pseudonym });
    }
    return out;
  } finally {
    db.close();
  }
}

/** Each source's segments fill its id range exactly, and no two ranges overlap. */
function rangesHold(dir: string): void {
  const db = openStore(join(dir, 'telaah.db'), { readonly: true });
  try {
    const sources = db.prepare<[], { id: number; first_segment: number; last_segment: number; turns: number }>('SELECT id, first_segment, last_segment, turns FROM sources ORDER BY first_segment').all();
    let previous = 0;
    for (const s of sources) {
      expect(s.first_segment).toBeGreaterThan(previous);
      previous = s.last_segment;
      const found = db.prepare('SELECT COUNT(*) AS n, SUM(source_id = ?) AS mine, SUM(sentence = 0) AS turns FROM segments WHERE id BETWEEN ? AND ?').get(s.id, s.first_segment, s.last_segment) as { n: number; mine: number; turns: number };
      expect(found).toEqual({ n: s.last_segment - s.first_segment + 1, mine: s.last_segment - s.first_segment + 1, turns: s.turns });
      // Every sentence's turn is inside the range too.
      expect(db.prepare('SELECT COUNT(*) AS n FROM segments WHERE id BETWEEN ? AND ? AND sentence > 0 AND parent_id NOT BETWEEN ? AND ?').get(s.first_segment, s.last_segment, s.first_segment, s.last_segment)).toEqual({ n: 0 });
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
  } finally {
    db.close();
  }
}

/** Per code: stats, codebook show and triangulate counts (they must agree). */
async function counts(dir: string): Promise<Map<string, number>> {
  const stats = await json<{ codes: { rows: { code: string; segments: number }[] } }>(dir, 'stats');
  const tri = await json<{ codes: { code: string; sources: Record<string, number> }[] }>(dir, 'triangulate');
  const book = await json<{ codes: Tree[] }>(dir, 'codebook', 'show');
  type Tree = { id: string; total: number; children: Tree[] };
  const totals = new Map<string, number>();
  const walk = (t: Tree): void => {
    totals.set(t.id, t.total);
    t.children.forEach(walk);
  };
  book.codes.forEach(walk);
  const byStats = new Map(stats.codes.rows.map((r) => [r.code, r.segments]));
  for (const c of tri.codes) {
    const sum = Object.values(c.sources).reduce((a, b) => a + b, 0);
    expect(byStats.get(c.code), c.code).toBe(sum);
    expect(totals.get(c.code), c.code).toBe(sum);
  }
  return byStats;
}

/** Files of the project holding these bytes. */
function filesHolding(dir: string, phrase: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith('telaah.db'))
    .filter((f) => readFileSync(join(dir, f)).includes(Buffer.from(phrase, 'utf8')));
}

/** Sumiati's longest sentence in the FGD: words only she said. */
function herSentence(dir: string): string {
  const db = openStore(join(dir, 'telaah.db'), { readonly: true });
  try {
    const s = db.prepare<[string], { text: string; first_segment: number; last_segment: number }>('SELECT text, first_segment, last_segment FROM sources WHERE name = ?').get(FGD)!;
    const points = Array.from(s.text);
    const sentences = db
      .prepare<[number, number], { start: number; end: number }>(
        `SELECT g.start, g.end FROM segments g JOIN participants p ON p.id = g.participant_id WHERE g.id BETWEEN ? AND ? AND g.sentence > 0 AND p.pseudonym = 'Sumiati'`,
      )
      .all(s.first_segment, s.last_segment)
      .map((g) => points.slice(g.start, g.end).join(''));
    return sentences.sort((a, b) => b.length - a.length)[0]!;
  } finally {
    db.close();
  }
}

/** Occurrences of a word's bytes in the database file. */
function rawCount(dir: string, word: string): number {
  return readFileSync(join(dir, 'telaah.db')).toString('latin1').split(word).length - 1;
}

/**
 * Words only Sumiati says (lower case, in no other source's text) that the search index stores whole: the
 * database holds them more often than the texts do. (The index stores most terms after a prefix shared
 * with the term before, so only these can be looked for in the raw bytes.)
 */
function herIndexedWords(dir: string): string[] {
  const db = openStore(join(dir, 'telaah.db'), { readonly: true });
  try {
    const texts = db.prepare<[], string>('SELECT text FROM sources').pluck().all().join('\n').toLowerCase();
    const other = db.prepare<[], string>("SELECT text FROM memos UNION ALL SELECT yaml FROM codebooks UNION ALL SELECT arguments FROM audit").pluck().all().join('\n').toLowerCase();
    const hers = db
      .prepare<[], { text: string; start: number; end: number }>(
        `SELECT s.text, g.start, g.end FROM segments g JOIN sources s ON s.id = g.source_id JOIN participants p ON p.id = g.participant_id WHERE p.pseudonym = 'Sumiati' AND g.sentence = 0`,
      )
      .all()
      .map((r) => Array.from(r.text).slice(r.start, r.end).join('').toLowerCase())
      .join('\n');
    const count = (text: string, word: string): number => text.split(word).length - 1;
    const words = new Set(hers.match(/\b[a-z]{6,}\b/g) ?? []);
    return [...words].filter((w) => count(texts, w) === count(hers, w) && !other.includes(w) && rawCount(dir, w) > count(texts, w));
  } finally {
    db.close();
  }
}

let demo: string;
beforeAll(async () => {
  demo = join(tempDir(), 'demo');
  await ok(join(demo, '..'), 'demo', demo);
}, 120_000);

/** A fresh copy of the demo project (same depth: its stored relative file paths still resolve). */
function copyOfDemo(): string {
  const dir = join(tempDir(), 'demo');
  cpSync(demo, dir, { recursive: true });
  return dir;
}

describe('telaah withdraw', () => {
  it("takes Sumiati's words out of every source and leaves everyone else's codings on the same words", async () => {
    const dir = copyOfDemo();
    const phrase = herSentence(dir);
    // Human work on her turns and after them (so its offsets move), a memo and a coding memo quoting her.
    const fgd = await json<{ turns: { index: number; participant: string | null; sentences: { index: number }[] }[] }>(dir, 'sources', 'show', FGD);
    const hers = fgd.turns.find((t) => t.participant === 'Sumiati' && t.sentences.length > 1)!;
    const later = fgd.turns.find((t) => t.index > hers.index && t.participant !== null && t.participant !== 'Sumiati' && t.sentences.length > 0)!;
    await ok(dir, 'code', 'add', FGD, `${hers.index}.1`, 'barrier/economic', '--coder', 'rina');
    await ok(dir, 'code', 'add', FGD, `${later.index}.1`, 'barrier/economic', '--coder', 'rina', '--memo', `beda dengan "${phrase}"`);
    await ok(dir, 'memo', 'add', `segment:${FGD}:${later.index}.1`, 'menjawab giliran sebelumnya');
    await ok(dir, 'memo', 'add', `participant:Sumiati`, 'pindah ke Tebing Tinggi');
    await ok(dir, 'memo', 'add', 'project', `Kutipan kuat: "${phrase}"`);
    await ok(dir, 'search', 'padan');
    const before = codedWords(dir);
    const countsBefore = await counts(dir);
    const evidence = new Map<string, number>();
    for (const code of countsBefore.keys()) {
      const tri = await json<{ codes: { evidence: { participant: string | null }[] }[] }>(dir, 'triangulate', '--code', code);
      evidence.set(code, tri.codes[0]!.evidence.filter((e) => e.participant === 'Sumiati').length);
    }
    expect([...evidence.values()].some((n) => n > 0)).toBe(true);
    expect(filesHolding(dir, phrase)).toEqual(['telaah.db']);
    const indexed = herIndexedWords(dir);
    expect(indexed.length).toBeGreaterThan(0);
    const stats = await json<{ totals: { turns: number; words: number } }>(dir, 'stats');

    // A second connection keeps the -wal file in place, as another telaah process reading would.
    const reader = openStore(join(dir, 'telaah.db'), { readonly: true });
    let summary: { pseudonym: string; counts: { turns: number; sources: number; humanCodings: number; memos: number; words: number }; quotes: { memos: number; codingMemos: number }; wiped: boolean };
    try {
      summary = await json(dir, 'withdraw', 'Sumiati', '--yes');
      // Not one page of the database or its -wal file holds her words or her speaker label.
      expect(existsSync(join(dir, 'telaah.db-wal'))).toBe(true);
      expect(filesHolding(dir, phrase)).toEqual([]);
      expect(filesHolding(dir, 'Sumiati: ')).toEqual([]);
      // Nor the search index's segments.
      for (const word of indexed) expect(rawCount(dir, word), word).toBe(0);
    } finally {
      reader.close();
    }
    expect(summary.pseudonym).toBe('Sumiati');
    expect(summary.wiped).toBe(true);
    expect(summary.counts).toMatchObject({ sources: 2, humanCodings: 1, memos: 1 });
    expect(summary.quotes).toMatchObject({ memos: 1, codingMemos: 1 });

    // Everyone else's codings: the same addresses, on the same words.
    const after = codedWords(dir);
    for (const [key, coding] of before) {
      if (coding.participant === 'Sumiati') expect(after.has(key), key).toBe(false);
      else expect(after.get(key), key).toEqual(coding);
    }
    expect(after.size).toBe([...before.values()].filter((c) => c.participant !== 'Sumiati').length);
    rangesHold(dir);

    // Counts drop by exactly her evidence, and the three commands still agree.
    const countsAfter = await counts(dir);
    for (const [code, n] of countsBefore) expect(n - countsAfter.get(code)!, code).toBe(evidence.get(code));
    const statsAfter = await json<{ totals: { turns: number; words: number } }>(dir, 'stats');
    expect(stats.totals.turns - statsAfter.totals.turns).toBe(summary.counts.turns);
    expect(stats.totals.words - statsAfter.totals.words).toBe(summary.counts.words);

    // Others' turns in the FGD stay with their numbers; hers are gone; the participant is gone.
    const fgdAfter = await json<{ attributes: Record<string, string>; turns: { index: number; participant: string | null }[] }>(dir, 'sources', 'show', FGD);
    expect(fgdAfter.attributes.participants).toBe('Darto, Rudi, Marlina, Tigor, Ucok, Hasan');
    expect(fgdAfter.turns.map((t) => t.index)).toEqual(fgd.turns.filter((t) => t.participant !== 'Sumiati').map((t) => t.index));
    await ok(dir, 'memo', 'add', `segment:${FGD}:${later.index}.1`, 'alamat masih resolve');
    const people = await json<{ pseudonym: string }[]>(dir, 'participants', 'list');
    expect(people.map((p) => p.pseudonym)).not.toContain('Sumiati');

    // The search index lost her words and still finds everyone else's at their (moved) place.
    const padan = await json<{ segment: string; participant: string | null }[]>(dir, 'search', 'padan');
    expect(padan.every((h) => h.participant !== 'Sumiati')).toBe(true);
    const laterText = before.get(`${FGD} ${later.index}.1 barrier/economic rina`)!.segment;
    const found = await json<{ source: string; segment: string; text: string }[]>(dir, 'search', '--exact', ...laterText.split(/\s+/).slice(0, 4).map((w) => w.replace(/[^\p{L}\p{N}-]/gu, '')).filter(Boolean));
    expect(found.some((h) => h.source === FGD && h.segment === `${later.index}.1` && h.text === laterText)).toBe(true);

    // Memos: on her segments and on her gone; quotes of her replaced; the rest kept.
    const memos = await json<{ target: string; text: string }[]>(dir, 'memo', 'list');
    expect(memos.map((m) => m.text)).toContain('alamat masih resolve');
    expect(memos.map((m) => m.text)).toContain('Kutipan kuat: "[withdrawn]."');
    expect(memos.map((m) => m.text)).not.toContain('pindah ke Tebing Tinggi');

    // The audit trail and the withdrawal record: that it happened, to whom, how much; never her words.
    const log = await json<{ command: string; arguments: string[]; counts: Record<string, number> }[]>(dir, 'log');
    expect(log.filter((e) => e.command === 'withdraw')).toMatchObject([{ arguments: ['Sumiati'], counts: { turns: summary.counts.turns } }]);
    expect(JSON.stringify(log)).not.toContain(phrase);
  }, 120_000);

  it('leaves her turns out when her files are ingested again, unless --include-withdrawn', async () => {
    const dir = copyOfDemo();
    const phrase = herSentence(dir);
    await ok(dir, 'withdraw', 'Sumiati', '--yes');
    const textOf = async (): Promise<string> => (await json<{ text: string }>(dir, 'sources', 'show', FGD)).text;
    const withdrawn = await textOf();
    // The same file again: unchanged, and the same file with --replace reads it, leaves her out, and finds it unchanged.
    expect((await ok(dir, 'ingest', FGD_FILE)).stderr).toMatch(/1 unchanged/);
    const replaced = await ok(dir, 'ingest', FGD_FILE, '--replace');
    expect(replaced.stderr).toMatch(/1 unchanged/);
    expect(replaced.stderr).toMatch(/left out \d+ turns of Sumiati \(withdrawn\) from .*fgd1-medan-pekerja\.txt; --include-withdrawn keeps them/);
    expect(await textOf()).toBe(withdrawn);
    expect(await textOf()).not.toContain(phrase);
    // Importing the participants file again leaves her out too.
    const people = await ok(dir, 'participants', 'import', join(SAMPLES, 'participants.csv'));
    expect(people.stderr).toMatch(/^Participants: 0 added, 0 updated, 27 unchanged from .*\n  left out Sumiati \(withdrawn\); --include-withdrawn adds them\n$/);
    // With --include-withdrawn her turns come back.
    const back = await json<{ counts: { replaced: number } }>(dir, 'ingest', FGD_FILE, '--replace', '--include-withdrawn');
    expect(back.counts.replaced).toBe(1);
    expect(await textOf()).toContain(phrase);
    expect((await json<{ attributes: Record<string, string> }>(dir, 'sources', 'show', FGD)).attributes.participants).toMatch(/^Sumiati, /);
  }, 120_000);

  it('says what will go and refuses without --yes where it cannot ask; an unknown participant gets a did-you-mean', async () => {
    const dir = copyOfDemo();
    const refused = await runInProcess(dir, ['withdraw', 'Sumiati']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^Withdrawing Sumiati deletes their words and everything on them:\n/);
    expect(refused.stderr).toMatch(/\n  09-sumiati +\d+ turns  only \d+ interviewer turns stay\n/);
    expect(refused.stderr).toMatch(/\nInterviewer turns stay; `telaah sources remove 09-sumiati` removes that source whole\.\n/);
    expect(refused.stderr).toMatch(/\n  fgd1-medan-pekerja +\d+ turns  \d+ turns of others stay\n/);
    expect(refused.stderr).toMatch(/telaah: withdrawing Sumiati deletes their words and everything on them, and cannot be undone\. Pass --yes to withdraw them \(nothing was removed\)\n$/);
    expect((await json<{ pseudonym: string }[]>(dir, 'participants', 'list')).map((p) => p.pseudonym)).toContain('Sumiati');
    const unknown = await runInProcess(dir, ['withdraw', 'Sumiatii', '--yes']);
    expect(unknown).toMatchObject({ code: 2, stderr: 'telaah: no participant "Sumiatii". Did you mean "Sumiati"?\n' });
    await ok(dir, 'withdraw', 'sumiati', '--yes');
    const again = await runInProcess(dir, ['withdraw', 'Sumiati', '--yes']);
    expect(again).toMatchObject({ code: 2, stderr: 'telaah: Sumiati has already withdrawn. See `telaah log --command withdraw`\n' });
  }, 120_000);
});
