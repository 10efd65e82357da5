import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE, telaah, tempDir, writeFile } from '../helpers/spawn-cli.js';
import { HAS_XMLLINT, xmllintSchema } from '../helpers/xmllint.js';

// Issue 10 item 3: REFI-QDA export of a coded project, checked against the REFI-QDA 1.0 schemas.
let dir: string;
const step = (...args: string[]): { stdout: string; stderr: string } => {
  const result = telaah(dir, args, { TELAAH_USER: 'rina' });
  expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result;
};
const EMOJI_TEXT = 'Belum 🙂🙂 daftar. Kartu q\u0301 keluarga masih di kampung 👍🏽. Nanti saja.';

beforeAll(() => {
  const root = tempDir();
  expect(telaah(root, ['demo', 'p']).code).toBe(0);
  dir = join(root, 'p');
  writeFile(dir, 'extra/interviews/emoji.txt', `Pewawancara: Sudah daftar?\n\nSumiati: ${EMOJI_TEXT}\n`);
  step('ingest', 'extra');
  step('code', 'add', 'emoji', '2.2', 'barrier/documentation', '--coder', 'ana');
  step('code', 'add', '09-sumiati', '20.3', 'barrier/documentation', '--coder', 'ana', '--memo', 'KK masih di kampung');
  step('code', 'add', '09-sumiati', '12', 'barrier/distrust', '--coder', 'ana');
  step('code', 'remove', '01-rahmawati', '6.4', 'barrier/literacy-information', '--coder', 'auto');
  step('memo', 'add', 'project', 'Refleksi minggu ketiga');
  step('memo', 'add', 'source:09-sumiati', 'Wawancara di rumah');
  step('memo', 'add', 'segment:09-sumiati:20.3', 'Dokumen, bukan kemauan');
  step('memo', 'add', 'code:barrier/distrust', 'Muncul setelah klaim ditolak');
  step('memo', 'add', 'participant:Sumiati', 'Ketua paguyuban pemulung');
}, 60_000);

function exported(file: string): { qde: string; files: Record<string, Uint8Array> } {
  const files = unzipSync(readFileSync(file));
  return { qde: new TextDecoder().decode(files['project.qde']), files };
}

/** The attributes of every element named `name` in `xml` (enough for these flat checks). */
function elements(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${name} ([^>]*?)/?>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

describe('export qdpx', () => {
  it('writes the same bytes on every export of the same project', () => {
    step('export', 'qdpx', 'a.qdpx');
    step('export', 'qdpx', 'b.qdpx');
    expect(readFileSync(join(dir, 'a.qdpx')).equals(readFileSync(join(dir, 'b.qdpx')))).toBe(true);
  });

  it('keeps every GUID when the project changes around it', () => {
    step('export', 'qdpx', 'before.qdpx');
    step('memo', 'add', 'source:02-hendra', 'Dicatat kemudian');
    step('export', 'qdpx', 'after.qdpx');
    const guids = (file: string, name: string) => elements(exported(join(dir, file)).qde, name).map((e) => `${e.name} ${e.guid}`);
    for (const name of ['User', 'Code', 'Variable', 'Case', 'TextSource', 'PlainTextSelection']) expect(guids('after.qdpx', name)).toEqual(guids('before.qdpx', name));
    expect(guids('after.qdpx', 'Note')).toEqual(expect.arrayContaining(guids('before.qdpx', 'Note')));
    step('memo', 'remove', String((JSON.parse(step('memo', 'list', '--json').stdout) as { id: number }[]).pop()!.id));
  });

  it.skipIf(!HAS_XMLLINT)('validates against Project.xsd and Codebook.xsd', () => {
    step('export', 'qdpx', 'v.qdpx');
    step('export', 'qdc', 'v.qdc');
    const qde = join(dir, 'v.qde');
    writeFileSync(qde, exported(join(dir, 'v.qdpx')).qde);
    expect(xmllintSchema(join(REFERENCE, 'refi-qda', 'Project.xsd'), qde)).toEqual({ code: 0, output: `${qde} validates\n` });
    const qdc = join(dir, 'v.qdc');
    expect(xmllintSchema(join(REFERENCE, 'refi-qda', 'Codebook.xsd'), qdc)).toEqual({ code: 0, output: `${qdc} validates\n` });
  });
  it.runIf(!HAS_XMLLINT)('skips the XSD check: xmllint is not installed (apt-get install libxml2-utils)', () => undefined);

  it('stores each source as its canonical text (UTF-8, no BOM, LF) referenced as internal://GUID.txt', () => {
    step('export', 'qdpx', 's.qdpx');
    const { qde, files } = exported(join(dir, 's.qdpx'));
    const sources = elements(qde, 'TextSource');
    expect(sources).toHaveLength(49);
    const shown = JSON.parse(step('sources', 'show', '09-sumiati', '--json').stdout) as { text: string };
    const source = sources.find((s) => s.name === '09-sumiati')!;
    expect(source.plainTextPath).toBe(`internal://${source.guid}.txt`);
    expect(source.richTextPath).toBeUndefined();
    const bytes = files[`sources/${source.guid}.txt`]!;
    expect(bytes[0]).not.toBe(0xef);
    expect(new TextDecoder().decode(bytes)).toBe(shown.text);
    expect(shown.text).not.toMatch(/\r/);
  });

  it('places selections by code points, past emoji and combining marks', () => {
    step('export', 'qdpx', 'e.qdpx');
    const { qde, files } = exported(join(dir, 'e.qdpx'));
    const source = elements(qde, 'TextSource').find((s) => s.name === 'emoji')!;
    const text = Array.from(new TextDecoder().decode(files[`sources/${source.guid}.txt`]!));
    const block = qde.slice(qde.indexOf(`name="emoji"`), qde.indexOf('</TextSource>', qde.indexOf(`name="emoji"`)));
    const selection = elements(block, 'PlainTextSelection').find((s) => s.name!.startsWith('Kartu'))!;
    const sentence = 'Kartu q\u0301 keluarga masih di kampung 👍🏽.';
    const start = text.join('').indexOf(sentence);
    // Code points, not UTF-16 units: the two emoji before it count one each.
    const startPoint = Array.from(text.join('').slice(0, start)).length;
    expect(Number(selection.startPosition)).toBe(startPoint);
    expect(Number(selection.endPosition)).toBe(startPoint + Array.from(sentence).length);
    expect(text.slice(Number(selection.startPosition), Number(selection.endPosition)).join('')).toBe(sentence);
  });

  it('exports the codings that count as evidence: users, codes, memos; not rejections', () => {
    step('export', 'qdpx', 'c.qdpx');
    const { qde } = exported(join(dir, 'c.qdpx'));
    const users = elements(qde, 'User');
    expect(users.map((u) => [u.name, u.id])).toEqual([['ana', 'ana'], ['telaah auto-coder', 'auto'], ['rina', 'rina']]);
    const listed = JSON.parse(step('codings', 'list', '--json').stdout) as { source: string; segment: string; code: string; coder: string }[];
    const distinct = new Set(listed.map((c) => `${c.source} ${c.segment} ${c.code} ${c.coder}`));
    expect(elements(qde, 'Coding')).toHaveLength(distinct.size);
    // The rejected auto coding of 01-rahmawati 6.4 (its only coding) is not there, nor is its selection.
    const rahmawati = qde.slice(qde.indexOf('name="01-rahmawati"'), qde.indexOf('</TextSource>', qde.indexOf('name="01-rahmawati"')));
    expect(rahmawati).toMatch(/name="Terus istilahnya itu lho/);
    expect(rahmawati).not.toMatch(/name="Padahal itu kan untuk berobat/);
    expect(elements(qde, 'Code').every((c) => c.isCodable === 'true')).toBe(true);
    // Five memos and the coding's own note, each a Note; the participant memo through a Link.
    expect(elements(qde, 'Note').map((n) => n.name).sort()).toEqual([
      'Memo 1: Refleksi minggu ketiga',
      'Memo 2: Wawancara di rumah',
      'Memo 3: Dokumen, bukan kemauan',
      'Memo 4: Muncul setelah klaim ditolak',
      'Memo 5: Ketua paguyuban pemulung',
      'Note on barrier/documentation by ana',
    ]);
    expect(elements(qde, 'Link')).toHaveLength(1);
  });

  it('--origin manual,accepted leaves the automatic codings out', () => {
    const result = step('export', 'qdpx', 'h.qdpx', '--origin', 'manual,accepted', '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({ codings: 3, users: 2 });
  });

  it('declares each variable once with a type: participants by attribute, sources as source.*', () => {
    const { qde } = exported(join(dir, 'a.qdpx'));
    const variables = elements(qde, 'Variable');
    expect(new Set(variables.map((v) => v.name)).size).toBe(variables.length);
    expect(variables.find((v) => v.name === 'group')!.typeOfVariable).toBe('Text');
    expect(variables.find((v) => v.name === 'source.date')!.typeOfVariable).toBe('Date');
    expect(variables.find((v) => v.name === 'source.type')!.typeOfVariable).toBe('Text');
    expect(elements(qde, 'Case')).toHaveLength(28);
  });
});

describe('export qdpx, then import qdpx', () => {
  type Coding = { source: string; segment: string; code: string; coder: string; origin: string; memo: string | null; text: string };
  const run = (cwd: string, ...args: string[]): string => {
    const result = telaah(cwd, args, { TELAAH_USER: 'rina' });
    expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
    return result.stdout;
  };
  let copy: string;

  beforeAll(() => {
    step('export', 'qdpx', 'round.qdpx');
    copy = join(tempDir(), 'copy');
    const result = telaah(dir, ['import', 'qdpx', 'round.qdpx', '--into', copy]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^Imported from telaah [\d.]+ into a new project in .*: 49 sources \([\d,]+ turns\), [\d,]+ codings \(origin imported; coders: ana, telaah auto-coder\), 28 participants, 5 memos$/m);
  }, 60_000);

  it('gives the same sources: texts, turns, speakers, participants and sentences', () => {
    const list = (cwd: string) => JSON.parse(run(cwd, 'sources', 'list', '--json')) as object[];
    expect(list(copy).map((s) => ({ ...s, file: '', sha256: '' }))).toEqual(list(dir).map((s) => ({ ...s, file: '', sha256: '' })));
    for (const name of ['09-sumiati', 'fgd1-medan-pekerja', 'obs01-petisah', 'emoji', 'checklist-pendaftaran']) {
      // Media times are written in the text to the second ([00:01:02]), so they come back to the second.
      const show = (cwd: string) => {
        const s = JSON.parse(run(cwd, 'sources', 'show', name, '--json')) as { turns: { startMs: number | null; endMs: number | null }[] } & Record<string, unknown>;
        return { ...s, file: '', turns: s.turns.map((t) => ({ ...t, startMs: t.startMs === null ? null : Math.floor(t.startMs / 1000), endMs: null })) };
      };
      expect(show(copy)).toEqual(show(dir));
    }
  });

  it('gives the same codes and codings, origin imported, by the same coders', () => {
    const codings = (cwd: string) =>
      (JSON.parse(run(cwd, 'codings', 'list', '--json')) as Coding[]).map((c) => `${c.source} ${c.segment} ${c.code} ${c.coder === 'auto' ? 'telaah auto-coder' : c.coder} ${c.memo ?? ''} ${c.text}`).sort();
    expect(codings(copy)).toEqual(codings(dir));
    expect(new Set((JSON.parse(run(copy, 'codings', 'list', '--json')) as Coding[]).map((c) => c.origin))).toEqual(new Set(['imported']));
    const tree = (cwd: string) => (JSON.parse(run(cwd, 'codebook', 'show', '--json')) as { codes: { id: string; definition: string; segments: number }[] }).codes.map((c) => [c.id, c.definition, c.segments]);
    expect(tree(copy)).toEqual(tree(dir));
  });

  it('gives the same participants and memos', () => {
    const people = (cwd: string) => (JSON.parse(run(cwd, 'participants', 'list', '--json')) as { pseudonym: string; group: string; attributes: object }[]).map((p) => [p.pseudonym, p.group, p.attributes]);
    expect(people(copy)).toEqual(people(dir));
    const memos = (cwd: string) => (JSON.parse(run(cwd, 'memo', 'list', '--json')) as { target: string; author: string; text: string; createdAt: string }[]).map((m) => [m.target, m.author, m.text, m.createdAt]);
    expect(memos(copy)).toEqual(memos(dir));
  });

  it('records the import in the audit trail', () => {
    const log = JSON.parse(run(copy, 'log', '--json')) as { command: string; counts: Record<string, number> }[];
    expect(log.map((e) => e.command)).toEqual(['import qdpx', 'init']);
    expect(log[0]!.counts).toMatchObject({ sources: 49, memos: 5 });
  });
});
