import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSource, type ResolvedTurn } from './build-source.js';
import { layoutSegments, matchSegments, reanchor, type LaidOutSource } from './reanchor.js';

/** A source from turns given as `Speaker: text`. */
function source(...lines: string[]): LaidOutSource {
  const turns = lines.map((line): ResolvedTurn => {
    const [speaker, text] = line.split(': ', 2) as [string, string];
    return { speaker, role: speaker === 'P' ? 'interviewer' : 'participant', participant: null, text, startMs: null, endMs: null };
  });
  const built = buildSource(turns);
  return { text: built.text, segments: layoutSegments(built.turns) };
}

/** Index of the segment at `T` or `T.S`. */
function at(src: LaidOutSource, address: string): number {
  const [turn, sentence = 0] = address.split('.').map(Number) as [number, number?];
  const index = src.segments.findIndex((s) => s.turn === turn && s.sentence === sentence);
  if (index < 0) throw new Error(`no segment ${address}`);
  return index;
}

/** The address each old segment went to (undefined where it could not go). */
function addresses(old: LaidOutSource, next: LaidOutSource): Record<string, string | undefined> {
  const matched = matchSegments(old, next);
  const name = (s: { turn: number; sentence: number }): string => (s.sentence === 0 ? String(s.turn) : `${s.turn}.${s.sentence}`);
  return Object.fromEntries(old.segments.map((s, i) => [name(s), matched[i] === undefined ? undefined : name(next.segments[matched[i]!]!)]));
}

/** Code-point span of `words` inside segment `address` of `src`. */
function evidence(src: LaidOutSource, address: string, words: string): { segment: number; evidence: { start: number; end: number } } {
  const segment = at(src, address);
  const points = Array.from(src.text);
  const seg = src.segments[segment]!;
  const inside = points.slice(seg.start, seg.end).join('');
  const utf16 = inside.indexOf(words);
  if (utf16 < 0) throw new Error(`"${words}" not in ${address}`);
  const start = seg.start + Array.from(inside.slice(0, utf16)).length;
  return { segment, evidence: { start, end: start + Array.from(words).length } };
}

const slice = (src: LaidOutSource, span: { start: number; end: number }): string => Array.from(src.text).slice(span.start, span.end).join('');

describe('matchSegments', () => {
  it('maps an unchanged source onto itself', () => {
    const old = source('P: Apa kabar? Sudah lama?', 'Sumiati: Baik. Sudah tiga tahun.');
    expect(matchSegments(old, old)).toEqual(old.segments.map((_, i) => i));
  });

  it('follows turns and sentences past an inserted turn', () => {
    const old = source('P: Apa kabar?', 'Sumiati: Baik. Sudah tiga tahun.');
    const next = source('P: Selamat pagi.', 'P: Apa kabar?', 'Sumiati: Baik. Sudah tiga tahun.');
    expect(addresses(old, next)).toEqual({ '1': '2', '1.1': '2.1', '2': '3', '2.1': '3.1', '2.2': '3.2' });
  });

  it('lets the segments of a deleted turn go and keeps the rest', () => {
    const old = source('P: Apa kabar?', 'Sumiati: Baik.', 'P: Sudah daftar?', 'Sumiati: Belum, KK masih di kampung.');
    const next = source('P: Apa kabar?', 'P: Sudah daftar?', 'Sumiati: Belum, KK masih di kampung.');
    expect(addresses(old, next)).toEqual({ '1': '1', '1.1': '1.1', '2': undefined, '2.1': undefined, '3': '2', '3.1': '2.1', '4': '3', '4.1': '3.1' });
  });

  it('loses an edited sentence and its turn, keeps the sentences around it', () => {
    const old = source('Sumiati: Saya belum daftar. Iurannya mahal. Nanti saja.');
    const next = source('Sumiati: Saya belum daftar. Iurannya terlalu mahal. Nanti saja.');
    expect(addresses(old, next)).toEqual({ '1': undefined, '1.1': '1.1', '1.2': undefined, '1.3': '1.3' });
  });

  it('matches a repeated sentence to the occurrence at the same place, not the first one', () => {
    const old = source('P: Sudah daftar?', 'Darto: Iya.', 'P: Pakai KTP?', 'Darto: Iya.', 'P: Di pasar?', 'Darto: Iya.');
    // The first answer is deleted: the two that stay keep their own codings.
    const next = source('P: Sudah daftar?', 'P: Pakai KTP?', 'Darto: Iya.', 'P: Di pasar?', 'Darto: Iya.');
    expect(addresses(old, next)).toEqual({
      '1': '1', '1.1': '1.1',
      '2': undefined, '2.1': undefined,
      '3': '2', '3.1': '2.1',
      '4': '3', '4.1': '3.1',
      '5': '4', '5.1': '4.1',
      '6': '5', '6.1': '5.1',
    });
  });

  it('keeps repeated sentences in place when one is inserted between them', () => {
    const old = source('Darto: Iya.', 'P: Pakai KTP?', 'Darto: Iya.');
    const next = source('Darto: Iya.', 'P: Sudah daftar?', 'Darto: Iya.', 'P: Pakai KTP?', 'Darto: Iya.');
    expect(addresses(old, next)).toEqual({ '1': '1', '1.1': '1.1', '2': '4', '2.1': '4.1', '3': '5', '3.1': '5.1' });
  });

  it('matches turns with turns and sentences with sentences, even when their text is the same', () => {
    const old = source('Darto: Iya.');
    const next = source('Darto: Iya.');
    const matched = matchSegments(old, next);
    expect(next.segments[matched[at(old, '1')]!]).toMatchObject({ turn: 1, sentence: 0 });
    expect(next.segments[matched[at(old, '1.1')]!]).toMatchObject({ turn: 1, sentence: 1 });
  });

  it('follows a sentence into another turn when a turn is split', () => {
    const old = source('Sumiati: Saya belum daftar. Bu Rahmawati datang kemarin.');
    const next = source('Sumiati: Saya belum daftar.', 'Sumiati: Bu Rahmawati datang kemarin.');
    expect(addresses(old, next)).toEqual({ '1': undefined, '1.1': '1.1', '1.2': '2.1' });
  });
});

describe('matchSegments (property)', () => {
  const sentence = fc.constantFrom('Iya.', 'Belum.', 'KK saya di kampung.', 'Iurannya mahal.', 'Dia bawa leaflet 📄.', 'Nanti saja.');
  const turns = fc.array(fc.array(sentence, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 });
  const toSource = (list: string[][]): LaidOutSource => source(...list.map((t, i) => `${i % 2 ? 'P' : 'Darto'}: ${t.join(' ')}`));

  it('matches one to one, kind to kind, identical text only; an unchanged source onto itself', () => {
    fc.assert(
      fc.property(turns, turns, (a, b) => {
        const old = toSource(a);
        const next = toSource(b);
        const matched = matchSegments(old, next);
        const targets = matched.filter((m) => m !== undefined);
        expect(new Set(targets).size).toBe(targets.length);
        const oldPoints = Array.from(old.text);
        const newPoints = Array.from(next.text);
        matched.forEach((to, from) => {
          if (to === undefined) return;
          const [o, n] = [old.segments[from]!, next.segments[to]!];
          expect(n.sentence === 0).toBe(o.sentence === 0);
          expect(newPoints.slice(n.start, n.end).join('')).toBe(oldPoints.slice(o.start, o.end).join(''));
        });
        expect(matchSegments(old, old)).toEqual(old.segments.map((_, i) => i));
      }),
      { numRuns: 300 },
    );
  });
});

describe('reanchor', () => {
  it('shifts evidence to the new offsets with the same words, across astral characters', () => {
    const old = source('P: Apa kabar?', 'Sumiati: Dia bawa leaflet 📄, jadi saya ngerti.');
    const next = source('P: Selamat pagi 🙏.', 'P: Apa kabar?', 'Sumiati: Dia bawa leaflet 📄, jadi saya ngerti.');
    const coding = evidence(old, '2.1', 'saya ngerti');
    const [placed] = reanchor(old, next, [coding]);
    expect(placed).toMatchObject({ kept: true, segment: at(next, '3.1') });
    if (!placed?.kept) throw new Error('not kept');
    expect(slice(next, placed.evidence!)).toBe('saya ngerti');
    expect(placed.evidence!.start).toBeGreaterThan(coding.evidence.start);
  });

  it('places decisions (no evidence) by their segment alone', () => {
    const old = source('P: Apa kabar?', 'Sumiati: Baik.');
    const next = source('Sumiati: Baik.');
    expect(reanchor(old, next, [{ segment: at(old, '2.1') }, { segment: at(old, '1.1') }])).toEqual([
      { kept: true, segment: at(next, '1.1') },
      { kept: false, reason: 'segment-changed' },
    ]);
  });

  it('refuses evidence that reached outside its segment into text that changed', () => {
    const old = source('Sumiati: Saya belum daftar. Iurannya mahal.');
    const next = source('Sumiati: Saya belum daftar. Iurannya terlalu mahal.');
    const span = evidence(old, '1', 'daftar. Iurannya mahal');
    expect(reanchor(old, next, [{ segment: at(old, '1.1'), evidence: span.evidence }])).toEqual([{ kept: false, reason: 'evidence-changed' }]);
  });

  it('keeps everything when nothing changed', () => {
    const old = source('P: Apa kabar?', 'Sumiati: Baik. Sudah tiga tahun.');
    const anchors = [evidence(old, '2.2', 'tiga tahun'), evidence(old, '2', 'Baik'), { segment: at(old, '1.1') }];
    const placed = reanchor(old, old, anchors);
    expect(placed).toEqual(anchors.map((a) => ({ kept: true, ...a })));
  });
});
