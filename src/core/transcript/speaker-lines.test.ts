import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { parseSpeakerLines } from './speaker-lines.js';
import { errorOf } from '../../../test/helpers/input-error.js';

const qualcoderTranscript = new URL('../../../../shared/reference/transcripts/qualcoder/transcript.txt', import.meta.url);

function turnsOf(body: string, firstLine = 1, knownSpeakers?: string[]) {
  return parseSpeakerLines(body, firstLine, { knownSpeakers }).turns.map((t) => [t.speaker, t.text, t.startMs, t.line]);
}

describe('parseSpeakerLines', () => {
  it('reads Name: text turns, multi-line turns and blank lines between turns', () => {
    const body = [
      'Pewawancara: Selamat pagi, Bu.',
      'Bu Sumiati: Pagi. Saya jualan sayur di pasar',
      'sejak tahun 2009.',
      '',
      'Pewawancara: Sudah daftar BPJS?',
      '',
      'Bu Sumiati: Belum.',
      '',
      'Katanya iurannya mahal.',
    ].join('\n');
    expect(turnsOf(body)).toEqual([
      ['Pewawancara', 'Selamat pagi, Bu.', null, 1],
      ['Bu Sumiati', 'Pagi. Saya jualan sayur di pasar\nsejak tahun 2009.', null, 2],
      ['Pewawancara', 'Sudah daftar BPJS?', null, 5],
      ['Bu Sumiati', 'Belum.\nKatanya iurannya mahal.', null, 7],
    ]);
  });

  it.each([
    ['[00:01:02] Bu Sumiati: iya', 'Bu Sumiati', 62_000],
    ['(1:02:03.5) Pak Darto: iya', 'Pak Darto', 3_723_500],
    ['Dr. Arif [01:02]: iya', 'Dr. Arif', 62_000],
    ['PEWAWANCARA (00:01:02): iya', 'PEWAWANCARA', 62_000],
    ['00:01:02,250 Peneliti 1: iya', 'Peneliti 1', 62_250],
    ['[00:00:05.123] Ibu Hj. Nurhaliza: iya', 'Ibu Hj. Nurhaliza', 5_123],
    ['  **Pak Darto:** iya', 'Pak Darto', null],
    ['**Pak Darto**: iya', 'Pak Darto', null],
    ["O'Brien-Smith: iya", "O'Brien-Smith", null],
  ])('reads the label of %s (a timestamp makes one label enough)', (line, speaker, startMs) => {
    const body = `${line}\nPewawancara: ok\nPewawancara: lagi`;
    const [first] = parseSpeakerLines(body, 1, { knownSpeakers: ['Pak Darto', "O'Brien-Smith"] }).turns;
    expect(first).toEqual({ speaker, text: 'iya', startMs, endMs: null, line: 1 });
  });

  it("reads Otter's and Zoom's `Name  0:10` lines, with the words on the lines below", () => {
    const body = [
      'Speaker 1  0:00',
      'Selamat pagi, Bu. Sudah lama jualan?',
      '',
      'Sumiati Rahayu  0:04',
      'Sudah tujuh tahun.',
      'Di pasar ini.',
      '',
      'Speaker 1\t1:02:03',
      'Terima kasih: itu saja.',
      '',
      'Transcribed by https://otter.ai',
    ].join('\n');
    expect(turnsOf(body)).toEqual([
      ['Speaker 1', 'Selamat pagi, Bu. Sudah lama jualan?', 0, 1],
      ['Sumiati Rahayu', 'Sudah tujuh tahun.\nDi pasar ini.', 4_000, 4],
      ['Speaker 1', 'Terima kasih: itu saja.', 3_723_000, 8],
    ]);
  });

  it.each([
    ['one space before the time', 'Rapat dimulai 10:30'],
    ['a malformed time', 'Sumiati Rahayu  10:75'],
    ['words after the time', 'Sumiati Rahayu  0:04 iya'],
    ['more than a name before the time', 'Kami bertemu lagi di pasar besok  10:30'],
  ])('keeps a line with %s as text', (_case, line) => {
    expect(turnsOf(`Pewawancara: Kapan?\n${line}\nPewawancara: Baik.`)).toEqual([
      ['Pewawancara', `Kapan?\n${line}`, null, 1],
      ['Pewawancara', 'Baik.', null, 3],
    ]);
  });

  it('does not copy the next turn start back as endMs', () => {
    const { turns } = parseSpeakerLines('[00:00:01] A: satu\n[00:00:05] B: dua', 1);
    expect(turns.map((t) => [t.startMs, t.endMs])).toEqual([
      [1_000, null],
      [5_000, null],
    ]);
  });

  it('reads a label alone on its line with the words on the following lines', () => {
    const body = 'Pewawancara:\nApa kendala utamanya?\n\nPak Darto:\nDokumen.\nKTP saya hilang.\nPewawancara:\nBaik.';
    expect(turnsOf(body, 1, ['Darto'])).toEqual([
      ['Pewawancara', 'Apa kendala utamanya?', null, 1],
      ['Pak Darto', 'Dokumen.\nKTP saya hilang.', null, 4],
      ['Pewawancara', 'Baik.', null, 7],
    ]);
  });

  it('reads the QualCoder example transcript ([id1] text)', () => {
    const text = readFileSync(qualcoderTranscript, 'utf8');
    const { turns, warnings } = parseSpeakerLines(text, 1);
    expect(warnings).toEqual([]);
    expect(turns.map((t) => [t.speaker, t.line])).toEqual([
      ['id1', 1],
      ['id2', 3],
      ['id3', 5],
      ['id1', 7],
      ['id3', 9],
      ['id1', 11],
      ['id2', 13],
    ]);
    expect(turns[0]?.text).toMatch(/^hello, I like the course\./);
    expect(turns[6]?.text).toBe('Hmm, I will ask the tutor for more help as I am really struggling.');
  });

  it('keeps prose with colons inside the current turn', () => {
    const body = [
      'Pewawancara: Apa yang dibutuhkan untuk mendaftar?',
      'Bu Sumiati: Jadi begini: saya harus bawa banyak berkas.',
      'Contohnya: KTP dan KK.',
      'Catatan: berkas harus difotokopi.',
      'Note: the office closes at noon.',
      'Catatan: antre dari pagi.',
      'https://bpjsketenagakerjaan.go.id menjelaskan syaratnya.',
      'Pewawancara: Terima kasih.',
      'Bu Sumiati: Sama-sama.',
    ].join('\n');
    const { turns } = parseSpeakerLines(body, 1);
    expect(turns.map((t) => t.speaker)).toEqual(['Pewawancara', 'Bu Sumiati', 'Pewawancara', 'Bu Sumiati']);
    expect(turns[1]?.text.split('\n')).toEqual([
      'Jadi begini: saya harus bawa banyak berkas.',
      'Contohnya: KTP dan KK.',
      'Catatan: berkas harus difotokopi.',
      'Note: the office closes at noon.',
      'Catatan: antre dari pagi.',
      'https://bpjsketenagakerjaan.go.id menjelaskan syaratnya.',
    ]);
  });

  it('needs a label twice, a timestamp, or a known speaker', () => {
    const body = 'Pewawancara: Halo.\nRudi: Sekali saja.\nPewawancara: Oke.';
    expect(turnsOf(body).map((t) => t[0])).toEqual(['Pewawancara', 'Pewawancara']);
    expect(turnsOf(body, 1, ['rudi']).map((t) => t[0])).toEqual(['Pewawancara', 'Rudi', 'Pewawancara']);
  });

  it('matches known speakers with or without honorifics', () => {
    const body = 'Pewawancara: Halo.\nBu Sumiati: Halo juga.\nNurhaliza: Saya ikut.\nPewawancara: Oke.';
    const speakers = turnsOf(body, 1, ['Sumiati', 'Ibu Hj. Nurhaliza']).map((t) => t[0]);
    expect(speakers).toEqual(['Pewawancara', 'Bu Sumiati', 'Nurhaliza', 'Pewawancara']);
  });

  it('counts a label with and without its honorific as the same speaker', () => {
    const body = 'Pak Darto: satu\nPewawancara: dua\nDarto: tiga\nPewawancara: empat';
    expect(turnsOf(body).map((t) => t[0])).toEqual(['Pak Darto', 'Pewawancara', 'Darto', 'Pewawancara']);
  });

  it('makes text before the first label a turn without speaker, and skips markdown headings', () => {
    expect(turnsOf('# Wawancara 3\n\nA: satu\nB: dua\nA: tiga\nB: empat').map((t) => t[0])).toEqual(['A', 'B', 'A', 'B']);
    expect(turnsOf('Transkrip wawancara, Medan\nA: satu\nA: dua')).toEqual([
      [null, 'Transkrip wawancara, Medan', null, 1],
      ['A', 'satu', null, 2],
      ['A', 'dua', null, 3],
    ]);
  });

  it('numbers lines from firstLine (the body after front matter)', () => {
    expect(turnsOf('\nA: satu\n\nA: dua', 6).map((t) => t[3])).toEqual([7, 9]);
  });

  it('tolerates a byte order mark and stray carriage returns', () => {
    const body = '\uFEFFA: satu\r\nlanjut\r\n\r\nB: dua\r\nA: tiga\r\nB: empat\r';
    expect(turnsOf(body)).toEqual([
      ['A', 'satu\nlanjut', null, 1],
      ['B', 'dua', null, 4],
      ['A', 'tiga', null, 5],
      ['B', 'empat', null, 6],
    ]);
  });

  it('keeps emoji and combining marks, in text and in names', () => {
    const name = 'Rene\u0301e';
    const body = `${name}: senang sekali 😀👍🏽\nB: cafe\u0301 ☕\n${name}: lagi\nB: ya`;
    expect(turnsOf(body).slice(0, 2)).toEqual([
      [name, 'senang sekali 😀👍🏽', null, 1],
      ['B', 'cafe\u0301 ☕', null, 2],
    ]);
  });

  it.each([
    ['[00:7x:12] Bu Sumiati: iya', 3, 2],
    ['Pak Darto [12:65:00]: iya', 3, 12],
    ['(1:2) Budi: iya', 3, 2],
    ['😀 x\n25:99 Rudi: iya', 4, 1],
  ])('rejects the malformed timestamp in %s at its line and column', (line, expectedLine, col) => {
    const err = errorOf(() => parseSpeakerLines(`A: satu\nA: dua\n${line}`, 1));
    expect(err.location).toMatchObject({ line: expectedLine, col });
    expect(err.message).toMatch(/malformed timestamp ".*": expected hh:mm:ss/);
  });

  it('does not complain about a timestamp-like prefix of prose that is never a label', () => {
    const body = 'A: satu\n[12:65:00] Jadi begini: kami tiba.\nA: dua';
    expect(turnsOf(body).map((t) => t[1])).toEqual(['satu\n[12:65:00] Jadi begini: kami tiba.', 'dua']);
  });

  it('counts columns in code points', () => {
    // U+10400 is a letter outside the BMP: one column, two UTF-16 units.
    const err = errorOf(() => parseSpeakerLines('\u{10400}bc [00:61:00]: x', 1));
    expect(err.location).toMatchObject({ line: 1, col: 6 });
  });

  it('leaves bracketed or bare numbers that are not labels alone', () => {
    const body = 'A: pada jam\n10:30 kami tiba di kantor.\n[1:2] rasio peserta.\nA: selesai';
    expect(turnsOf(body)).toEqual([
      ['A', 'pada jam\n10:30 kami tiba di kantor.\n[1:2] rasio peserta.', null, 1],
      ['A', 'selesai', null, 4],
    ]);
  });

  it('warns about a label without text and skips it', () => {
    const { turns, warnings } = parseSpeakerLines('A: satu\nB:\nA: dua\nB:', 10);
    expect(turns.map((t) => t.text)).toEqual(['satu', 'dua']);
    expect(warnings).toEqual([
      { line: 11, message: 'speaker label "B" has no text; it was skipped' },
      { line: 13, message: 'speaker label "B" has no text; it was skipped' },
    ]);
  });

  it('returns nothing for an empty body', () => {
    expect(parseSpeakerLines('', 1)).toEqual({ turns: [], warnings: [] });
    expect(parseSpeakerLines('\n\n  \n', 1)).toEqual({ turns: [], warnings: [] });
  });

  it('returns or throws InputError on any input; turn texts are non-empty lines of the input', () => {
    const piece = fc.constantFrom('A', 'Bu Sumiati', ':', ': ', '[', ']', '(', ')', '00:01:02', '1:2', '\n', '\r\n', ' ', '# ', '**', 'é', '😀', 'x');
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(piece, { maxLength: 40 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, fc.array(fc.string(), { maxLength: 2 }), (body, known) => {
        let result;
        try {
          result = parseSpeakerLines(body, 1, { knownSpeakers: known });
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          return;
        }
        for (const turn of result.turns) {
          expect(turn.text).not.toBe('');
          for (const line of turn.text.split('\n')) expect(body).toContain(line);
          if (turn.speaker !== null) expect(body).toContain(turn.speaker);
        }
      }),
      { numRuns: 2000 },
    );
  });

  // Speed is measured by `npm run bench`; this checks that a large body is read line for line.
  it('reads 10 MB of Name: text lines into one turn per line', () => {
    const lines: string[] = [];
    let size = 0;
    for (let i = 0; size < 10_000_000; i++) {
      const line = `${i % 2 === 0 ? 'Pewawancara' : 'Bu Sumiati'}: kalimat nomor ${i} tentang iuran dan pendaftaran peserta.`;
      lines.push(line);
      size += line.length + 1;
    }
    const body = lines.join('\n');
    expect(parseSpeakerLines(body, 1).turns.length).toBe(lines.length);
  });
});
