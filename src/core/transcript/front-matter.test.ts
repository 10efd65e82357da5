import { parse } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { buildDraftMeta, parseFrontMatter } from './front-matter.js';
import { errorOf } from '../../../test/helpers/input-error.js';

describe('parseFrontMatter', () => {
  it('reads the known keys and keeps the rest as string attributes', () => {
    const text = [
      '---',
      'type: wawancara',
      'date: 2024-03-12',
      'lokasi: Medan',
      'judul: Wawancara pedagang pasar',
      'bahasa: id',
      'peserta: [Sumiati, Pewawancara]',
      'observer: Rahmawati',
      'durasi_menit: 75',
      'rekaman: true',
      'topik:',
      '  - iuran',
      '  - pendaftaran',
      '---',
      'Pewawancara: Selamat pagi.',
    ].join('\n');
    expect(parseFrontMatter(text)).toEqual({
      meta: {
        type: 'interview',
        date: '2024-03-12',
        site: 'Medan',
        title: 'Wawancara pedagang pasar',
        language: 'id',
        participants: ['Sumiati', 'Pewawancara'],
        attributes: { observer: 'Rahmawati', durasi_menit: '75', rekaman: 'true', topik: 'iuran, pendaftaran' },
      },
      body: 'Pewawancara: Selamat pagi.',
      bodyLine: 15,
    });
  });

  it('returns the text untouched when there is no front matter', () => {
    const text = 'Pewawancara: Halo.\n---\nx: y\n---\n';
    expect(parseFrontMatter(text)).toEqual({ meta: { attributes: {} }, body: text, bodyLine: 1 });
    expect(parseFrontMatter('')).toEqual({ meta: { attributes: {} }, body: '', bodyLine: 1 });
  });

  it('accepts "..." as the closing line, CRLF line ends, a BOM and an empty block', () => {
    expect(parseFrontMatter('\uFEFF---\r\nsite: Bekasi\r\n...\r\nA: satu\r\n')).toEqual({
      meta: { site: 'Bekasi', attributes: {} },
      body: 'A: satu\r\n',
      bodyLine: 4,
    });
    expect(parseFrontMatter('---\n---\n')).toEqual({ meta: { attributes: {} }, body: '', bodyLine: 3 });
    expect(parseFrontMatter('---\n---')).toEqual({ meta: { attributes: {} }, body: '', bodyLine: 3 });
  });

  it.each([
    ['interview', 'interview'],
    ['Wawancara', 'interview'],
    ['FGD', 'fgd'],
    ['focus group', 'fgd'],
    ['Focus-Group', 'fgd'],
    ['diskusi kelompok', 'fgd'],
    ['observation', 'observation'],
    ['observasi', 'observation'],
    ['Catatan Lapangan', 'observation'],
    ['document', 'document'],
    ['dokumen', 'document'],
    ['doc', 'document'],
  ])('reads type %s as %s', (written, type) => {
    expect(parseFrontMatter(`---\ntype: ${written}\n---\n`).meta.type).toBe(type);
  });

  it('rejects an unknown type at its key, listing the valid types', () => {
    const err = errorOf(() => parseFrontMatter('---\nsite: Medan\n  \ntype: survei\n---\n'));
    expect(err.location).toMatchObject({ line: 4, col: 1 });
    expect(err.message).toBe('unknown source type "survei": use one of interview, fgd, observation, document');
  });

  it('reads participants from a comma-separated string', () => {
    expect(parseFrontMatter('---\nparticipants: Sumiati, Darto ,Rudi\n---\n').meta.participants).toEqual([
      'Sumiati',
      'Darto',
      'Rudi',
    ]);
  });

  it('formats a YAML timestamp as YYYY-MM-DD and rejects other date forms', () => {
    expect(parseFrontMatter('---\ndate: !!timestamp 2024-03-12\n---\n').meta.date).toBe('2024-03-12');
    expect(buildDraftMeta([{ key: 'date', value: new Date(Date.UTC(2023, 0, 5)) }]).date).toBe('2023-01-05');
    const err = errorOf(() => parseFrontMatter('---\ntitle: x\ndate: 12 Maret 2024\n---\n'));
    expect(err.location).toMatchObject({ line: 3, col: 1 });
    expect(err.message).toMatch(/invalid date "12 Maret 2024": write it as YYYY-MM-DD/);
    expect(() => parseFrontMatter('---\ndate: 2024-02-30\n---\n')).toThrow(InputError);
  });

  it('reports invalid YAML at the real file line and column', () => {
    const err = errorOf(() => parseFrontMatter('---\nsite: Medan\npeserta: [Sumiati, Darto\n---\nA: x\n'));
    // The library notices the missing "]" where the block ends: the closing "---" on line 4.
    expect(err.location).toMatchObject({ line: 4, col: 1 });
    expect(err.message).toMatch(/^invalid YAML in front matter: Flow sequence .* end with a \]$/);
    expect(err.hint).toMatch(/key: value/);

    const colon = errorOf(() => parseFrontMatter('---\ntitle: a: b\n---\n'));
    expect(colon.location).toMatchObject({ line: 2, col: 8 });

    const dup = errorOf(() => parseFrontMatter('---\nsite: Medan\nsite: Bekasi\n---\n'));
    expect(dup.location).toMatchObject({ line: 3, col: 1 });
    expect(dup.message).toBe('invalid YAML in front matter: Map keys must be unique');

    const tab = errorOf(() => parseFrontMatter('---\ntopik:\n\t- iuran\n---\n'));
    expect(tab.location.line).toBe(3);
  });

  it('rejects front matter that is not key: value pairs', () => {
    expect(errorOf(() => parseFrontMatter('---\n- a\n- b\n---\n')).location.line).toBe(2);
    expect(errorOf(() => parseFrontMatter('---\n[a, b]: c\n---\n')).message).toMatch(/keys must be plain words/);
    expect(errorOf(() => parseFrontMatter('---\nx: *nope\n---\n')).message).toMatch(/^invalid YAML/);
  });

  it('rejects an unclosed block at line 1', () => {
    const err = errorOf(() => parseFrontMatter('---\ntype: fgd\nA: halo\n'));
    expect(err.location).toMatchObject({ line: 1, col: 1 });
    expect(err.message).toMatch(/front matter is not closed/);
  });

  it('keeps emoji and combining marks in values', () => {
    const meta = parseFrontMatter('---\ntitle: "Cafe\u0301 😀"\nsuasana: ramai 🎉\n---\n').meta;
    expect(meta.title).toBe('Cafe\u0301 😀');
    expect(meta.attributes).toEqual({ suasana: 'ramai 🎉' });
  });

  it('returns or throws InputError on any input, and the body is a suffix of the input', () => {
    const piece = fc.constantFrom('---', '...', '\n', 'type: ', 'fgd', 'date: ', '2024-01-01', '[', ']', ': ', '*a', '&a ', '"', '\t', '- ', 'x', '😀');
    const text = fc.oneof(fc.string(), fc.array(piece, { maxLength: 30 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, (t) => {
        try {
          const { body, bodyLine } = parseFrontMatter(t);
          expect(t.endsWith(body)).toBe(true);
          expect(bodyLine).toBeGreaterThanOrEqual(1);
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseFrontMatter: simple front matter read without the YAML library', () => {
  // Whatever path reads it, the result must be what the YAML library gives.
  it.each([
    'type: interview\ndate: 2025-03-14\nsite: Medan\nparticipants: [Sumiati, Bu Darto]\npresent: 14\n',
    'title: Wawancara Medan — sesi 2\nnote: "quoted: value"\n',
    'present: 014\nratio: 1e3\nflag: True\nnothing:\n',
    'location: tempat penjemuran ikan asin, Muara Angke\nduration: 64 min\n',
    '# komentar\nsite: Jakarta Utara # lokasi\n',
    'participants: [1, 2]\nempty: []\n',
    'participants:\n  - Sumiati\n  - Darto\n',
  ])('%j', (yamlText) => {
    const viaParser = parseFrontMatter(`---\n${yamlText}---\nbody`).meta;
    const data = parse(yamlText) as Record<string, unknown>;
    const expected = buildDraftMeta(Object.entries(data).map(([key, value]) => ({ key, value })));
    expect(viaParser).toEqual(expected);
  });
});

describe('parseFrontMatter agrees with the YAML library (property)', () => {
  it('on generated key: value lines', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'B', '1', '0', '7', ' ', '-', '+', ':', '#', ',', '[', ']', '.', 'e', 'x', 'o', '"', "'", '~', 'é', '_', ' min'), minLength: 0, maxLength: 12 });
    const key = fc.constantFrom('site', 'date', 'present', 'note', 'title', 'participants', 'x_y', 'Durasi');
    fc.assert(
      fc.property(fc.array(fc.tuple(key, word), { maxLength: 5 }), (pairs) => {
        const yamlText = pairs.map(([k, v]) => `${k}: ${v}\n`).join('');
        let expected: unknown;
        try {
          const data = parse(yamlText) as unknown;
          if (data === null || typeof data !== 'object' || Array.isArray(data)) return;
          expected = buildDraftMeta(Object.entries(data as Record<string, unknown>).map(([k, value]) => ({ key: k, value })));
        } catch {
          return; // invalid YAML or an invalid known value: the error paths are tested elsewhere
        }
        let actual: unknown;
        try {
          actual = parseFrontMatter(`---\n${yamlText}---\n`).meta;
        } catch {
          return;
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
