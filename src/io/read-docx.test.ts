import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { readDocx } from './read-docx.js';
import { asyncErrorOf } from '../../test/helpers/input-error.js';

const id1 = new URL('../../../shared/reference/transcripts/qualcoder/ID1.docx', import.meta.url);

type Block = Paragraph | Table;

function table(...rows: string[][]): Table {
  return new Table({
    rows: rows.map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
  });
}

function labelled(name: string, text: string, bold = true): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: name, bold }), new TextRun(text)] });
}

async function build(children: Block[], footnotes?: Record<number, { children: Paragraph[] }>): Promise<Buffer> {
  return Packer.toBuffer(new Document({ footnotes, sections: [{ children }] }));
}

describe('readDocx', () => {
  it('reads the QualCoder ID1.docx (no labels) as paragraph units', async () => {
    const draft = await readDocx(readFileSync(id1));
    expect(draft.meta).toEqual({ attributes: {} });
    expect(draft.warnings).toEqual([]);
    expect(draft.turns.map((t) => [t.speaker, t.line])).toEqual([
      [null, 1],
      [null, 2],
      [null, 3],
    ]);
    expect(draft.turns[0]?.text).toMatch(/^I really like learning new things\./);
    expect(draft.turns[2]?.text).toMatch(/I'm happy to pay €200\.$/);
  });

  it('reads a metadata table, bold labels and emoji, and skips a second table', async () => {
    const bytes = await build([
      new Paragraph({ text: 'Transkrip wawancara 3', heading: HeadingLevel.HEADING_1 }),
      table(['Type', 'Wawancara'], ['Date', '2024-03-12'], ['Lokasi', 'Medan'], ['Peserta', 'Sumiati, Darto'], ['Pekerjaan', 'pedagang & ojol']),
      labelled('Pewawancara:', ' Selamat pagi <Bu>.'),
      new Paragraph({
        children: [new TextRun({ text: 'Sumiati', bold: true }), new TextRun(': Pagi 😀, cafe\u0301.'), new TextRun({ text: 'baris dua', break: 1 })],
      }),
      table(['Kategori', 'Sebelum', 'Sesudah'], ['PKL', '24,3', '70']),
      labelled('Darto:', ' Sekali bicara, 👍🏽.'),
      new Paragraph('lanjutan Darto'),
    ]);
    const draft = await readDocx(bytes);
    expect(draft.meta).toEqual({
      type: 'interview',
      date: '2024-03-12',
      site: 'Medan',
      participants: ['Sumiati', 'Darto'],
      attributes: { Pekerjaan: 'pedagang & ojol' },
    });
    expect(draft.turns).toEqual([
      { speaker: 'Pewawancara', text: 'Selamat pagi <Bu>.', startMs: null, endMs: null, line: 2 },
      { speaker: 'Sumiati', text: 'Pagi 😀, cafe\u0301.\nbaris dua', startMs: null, endMs: null, line: 3 },
      { speaker: 'Darto', text: 'Sekali bicara, 👍🏽.\nlanjutan Darto', startMs: null, endMs: null, line: 4 },
    ]);
    expect(draft.warnings).toEqual([
      { line: 4, message: expect.stringMatching(/^skipped table 2 \(2 rows\): tables are not read as turns/) },
    ]);
  });

  it('reads plain labels with timestamps, and known speakers from the options', async () => {
    const bytes = await build([
      new Paragraph('[00:00:01] Pewawancara: Sudah daftar?'),
      new Paragraph('[00:00:04] Bu Rahma: Belum, Pak.'),
      new Paragraph('Rudi: Saya juga belum.'),
    ]);
    const draft = await readDocx(bytes, { knownSpeakers: ['Rudi'] });
    expect(draft.turns.map((t) => [t.speaker, t.text, t.startMs, t.line])).toEqual([
      ['Pewawancara', 'Sudah daftar?', 1_000, 1],
      ['Bu Rahma', 'Belum, Pak.', 4_000, 2],
      ['Rudi', 'Saya juga belum.', null, 3],
    ]);
  });

  it('does not take a key | value table after the first turn as metadata', async () => {
    const bytes = await build([
      labelled('A:', ' satu'),
      table(['Type', 'fgd'], ['Date', '12 Maret']),
      labelled('A:', ' dua'),
    ]);
    const draft = await readDocx(bytes);
    expect(draft.meta).toEqual({ attributes: {} });
    expect(draft.turns.map((t) => [t.speaker, t.text, t.line])).toEqual([
      ['A', 'satu', 1],
      ['A', 'dua', 2],
    ]);
    expect(draft.warnings).toHaveLength(1);
  });

  it('reads the metadata table of a document without labels, after a title, skipping a header row', async () => {
    const bytes = await build([
      new Paragraph('Catatan observasi 7'),
      table(['Kunci', 'Nilai'], ['type', 'observasi'], ['observer', 'Lestari']),
      new Paragraph('Sesi dimulai terlambat.'),
      new Paragraph('Peserta: 30 orang.'),
    ]);
    const draft = await readDocx(bytes);
    expect(draft.meta).toEqual({ type: 'observation', attributes: { observer: 'Lestari' } });
    expect(draft.turns.map((t) => [t.speaker, t.text, t.line])).toEqual([
      [null, 'Catatan observasi 7', 1],
      [null, 'Sesi dimulai terlambat.', 2],
      [null, 'Peserta: 30 orang.', 3],
    ]);
  });

  it('leaves footnotes out of the text', async () => {
    const bytes = await build(
      [
        new Paragraph({ children: [new TextRun('A: satu'), new FootnoteReferenceRun(1)] }),
        new Paragraph('A: dua'),
      ],
      { 1: { children: [new Paragraph('Catatan kaki peneliti.')] } },
    );
    const draft = await readDocx(bytes);
    expect(draft.turns.map((t) => t.text)).toEqual(['satu', 'dua']);
  });

  it('rejects files that are not .docx, including a truncated one', async () => {
    const err = await asyncErrorOf(readDocx(Buffer.from('bukan zip')));
    expect(err.message).toMatch(/^not a readable Word \.docx file: /);
    expect(err.hint).toMatch(/save it again as \.docx/);
    const truncated = readFileSync(id1).subarray(0, 4000);
    expect((await asyncErrorOf(readDocx(truncated))).message).toMatch(/^not a readable Word \.docx file: /);
  });

  it('keeps every paragraph text it reads, whatever the paragraphs say', async () => {
    const piece = fc.constantFrom('A', 'Bu Sumiati', ': ', '[00:00:01] ', '&', '<b>', '&amp;', '"', '😀', 'e\u0301', ' ', 'x');
    const para = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.array(piece, { maxLength: 8 }).map((p) => p.join('')));
    await fc.assert(
      fc.asyncProperty(fc.array(para, { minLength: 1, maxLength: 6 }), async (paras) => {
        let turns;
        try {
          turns = (await readDocx(await build(paras.map((p) => new Paragraph(p))))).turns;
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          return;
        }
        const all = paras.join('\n');
        for (const turn of turns) {
          expect(turn.text).not.toBe('');
          for (const line of turn.text.split('\n')) expect(all).toContain(line);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('returns or throws InputError on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        try {
          await readDocx(Buffer.from(bytes));
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reports a bad type in the metadata table and a malformed timestamp at its paragraph', async () => {
    const badType = await asyncErrorOf(readDocx(await build([table(['type', 'survei']), labelled('A:', ' x')])));
    expect(badType.message).toMatch(/^in the metadata table: unknown source type "survei"/);

    const badTime = await asyncErrorOf(
      readDocx(await build([new Paragraph('A: satu'), new Paragraph('A: dua'), new Paragraph('[00:7x:12] A: tiga')])),
    );
    expect(badTime.location).toMatchObject({ line: 3, col: 2 });
    expect(badTime.message).toMatch(/malformed timestamp "00:7x:12"/);
  });
});
