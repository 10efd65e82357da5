import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { parseTranscriptCsv } from './transcript-csv.js';
import { errorOf } from '../../../test/helpers/input-error.js';

function rowsOf(text: string, columns?: Parameters<typeof parseTranscriptCsv>[1]) {
  return parseTranscriptCsv(text, columns).turns.map((t) => [t.speaker, t.text, t.startMs, t.endMs, t.line]);
}

describe('parseTranscriptCsv', () => {
  it('reads speaker, text and times, merging consecutive rows of one speaker', () => {
    const text = [
      'Start,End,Speaker,Text,Site',
      '00:00:01,00:00:04,Pewawancara,"Selamat pagi, Bu.",Medan',
      '00:00:05,00:00:09,Bu Sumiati,"Pagi. Saya bilang ""belum"" dulu.",Medan',
      '00:00:09.500,00:00:12,Bu Sumiati,Iurannya mahal.,Medan',
      '00:00:13,,Pewawancara,,Medan',
      '00:00:14,00:00:15,Pewawancara,Berapa?,Medan',
    ].join('\n');
    expect(parseTranscriptCsv(text)).toEqual({
      meta: { attributes: {} },
      warnings: [],
      turns: [
        { speaker: 'Pewawancara', text: 'Selamat pagi, Bu.', startMs: 1_000, endMs: 4_000, line: 2 },
        { speaker: 'Bu Sumiati', text: 'Pagi. Saya bilang "belum" dulu.\nIurannya mahal.', startMs: 5_000, endMs: 12_000, line: 3 },
        { speaker: 'Pewawancara', text: 'Berapa?', startMs: 14_000, endMs: 15_000, line: 6 },
      ],
    });
  });

  it.each([
    ['pembicara,teks,waktu'],
    ['Nama,Ucapan,Mulai'],
    ['participant,utterance,timestamp'],
    ['PESERTA,Jawaban,Start Time'],
    ['name,content,time'],
  ])('finds the columns by their usual names: %s', (header) => {
    expect(rowsOf(`${header}\nRudi,Saya ojol.,01:02`)).toEqual([['Rudi', 'Saya ojol.', 62_000, null, 2]]);
  });

  it.each([
    ['Speaker Name,Start Time,End Time,Text', 'Rudi,00:01:02,00:01:05,Saya ojol.'],
    ['Speaker,Begin,End,Transcript', 'Rudi,00:01:02,00:01:05,Saya ojol.'],
    ['speaker_label,start_time,end_time,content', 'Rudi,62,65,Saya ojol.'],
    ['SPEAKER NAME;START-TIME;END TIME;UTTERANCE', 'Rudi;01:02;01:05;Saya ojol.'],
    ['Timestamp,Name,Stop Time,Text', '[00:01:02],Rudi,[00:01:05],Saya ojol.'],
    ['"Speaker  Name","Start.Time","End Time","Text"', 'Rudi,62.0,65,Saya ojol.'],
  ])('reads the headers common tools export: %s', (header, row) => {
    expect(rowsOf(`${header}\n${row}`)).toEqual([['Rudi', 'Saya ojol.', 62_000, 65_000, 2]]);
  });

  it('matches a column named by flag however it is spaced or cased', () => {
    expect(rowsOf('Nama Peserta,Waktu Mulai,Isi Jawaban\nRudi,01:02,Saya ojol.', { speaker: 'nama_peserta', start: 'waktu-mulai', text: 'ISI JAWABAN' })).toEqual([
      ['Rudi', 'Saya ojol.', 62_000, null, 2],
    ]);
  });

  it('reads times as hh:mm:ss(.mmm), h:mm:ss, mm:ss or seconds', () => {
    const text = 'speaker,text,start\nA,a,1:02:03.25\nB,b,02:03\nA,c,62.5\nB,d,7\nA,e,"1,5"\nB,f,00:00:01,250';
    expect(() => rowsOf(text)).toThrow(InputError); // the unquoted comma makes a fourth field
    const fixed = text.replace('00:00:01,250', '"00:00:01,250"');
    expect(rowsOf(fixed).map((r) => r[2])).toEqual([3_723_250, 123_000, 62_500, 7_000, 1_500, 1_250]);
  });

  it('rejects a malformed time at its row line and column number', () => {
    const err = errorOf(() => parseTranscriptCsv('speaker,text,start\nA,"dua\nbaris",00:01\nB,x,00:7x:12\n'));
    expect(err.location).toMatchObject({ line: 4, col: 3 });
    expect(err.message).toBe('malformed time "00:7x:12" in column "start": expected hh:mm:ss(.mmm), mm:ss or seconds');
  });

  it('uses the columns the user names, case-insensitively', () => {
    const text = 'Kode,Kutipan,Catatan\nP1,Saya belum terdaftar.,-\nP2,Sudah sejak 2022.,-';
    expect(rowsOf(text, { speaker: 'kode', text: 'KUTIPAN' })).toEqual([
      ['P1', 'Saya belum terdaftar.', null, null, 2],
      ['P2', 'Sudah sejak 2022.', null, null, 3],
    ]);
    const err = errorOf(() => parseTranscriptCsv(text, { text: 'isi' }));
    expect(err.message).toBe('no column "isi" (--text-column): the header has Kode, Kutipan, Catatan');
  });

  it('explains how to name the text column when there is none', () => {
    const err = errorOf(() => parseTranscriptCsv('a,b,c\n1,2,3'));
    expect(err.format()).toBe('no text column: the header has a, b, c. Name it with --text-column, or call the column one of: Text, Transcript, Utterance, Content, Teks, Transkrip, Ucapan, Isi, Answer, Jawaban, Response, Free Text');
    expect(err.location.line).toBe(1);
  });

  it('keeps rows without a speaker apart and skips rows without text', () => {
    expect(rowsOf('text\nsatu\n\n""\ndua\n')).toEqual([
      [null, 'satu', null, null, 2],
      [null, 'dua', null, null, 5],
    ]);
  });

  it('reads semicolon- and tab-separated files, a BOM and CRLF', () => {
    expect(rowsOf('\uFEFFspeaker;text\r\nA;halo, apa kabar\r\nB;baik 😀\r\n')).toEqual([
      ['A', 'halo, apa kabar', null, null, 2],
      ['B', 'baik 😀', null, null, 3],
    ]);
    expect(rowsOf('speaker\ttext\nA\tcafe\u0301; ok')).toEqual([['A', 'cafe\u0301; ok', null, null, 2]]);
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(rowsOf('speaker,text\nA,dia bilang "ya" lalu pergi')).toEqual([['A', 'dia bilang "ya" lalu pergi', null, null, 2]]);
  });

  it('reports CSV syntax errors with their line', () => {
    expect(errorOf(() => parseTranscriptCsv('speaker,text\nA,"tidak ditutup\n')).location.line).toBe(2);
    const ragged = errorOf(() => parseTranscriptCsv('speaker,text\nA,x\nB,y,z\n'));
    expect(ragged.location.line).toBe(3);
    expect(ragged.message).toMatch(/^invalid CSV: Invalid Record Length/);
    expect(errorOf(() => parseTranscriptCsv('')).message).toMatch(/^empty CSV/);
  });

  it('returns or throws InputError on any input; turn texts are non-empty and in the input', () => {
    const piece = fc.constantFrom('speaker', 'text', 'start', ',', ';', '"', '""', '\n', '\r\n', 'A', 'B', '00:01', '1:2', 'x y', '😀');
    const text = fc.oneof(fc.string(), fc.array(piece, { maxLength: 40 }).map((p) => `speaker,text,start\n${p.join('')}`));
    fc.assert(
      fc.property(text, (t) => {
        let turns;
        try {
          turns = parseTranscriptCsv(t).turns;
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          return;
        }
        // A quoted field turns "" into "; an unquoted one keeps it (relaxed quotes).
        const lf = t.replace(/\r\n?/g, '\n');
        const unquoted = lf.replace(/""/g, '"');
        for (const turn of turns) {
          expect(turn.text).not.toBe('');
          for (const line of turn.text.split('\n')) expect(lf.includes(line) || unquoted.includes(line)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
