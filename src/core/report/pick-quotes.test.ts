import { describe, expect, it } from 'vitest';
import type { SourceType } from '../transcript/types.js';
import { pickQuotes, QuoteLedger, type QuoteCandidate } from './pick-quotes.js';

const LONG = 'Kak Rahma yang bawa aku ke Capil, dua kali bolak-balik, baru NIK-ku padan.';

/** A unit of evidence; text long enough to quote unless given. */
function unit(source: string, segment: string, participant: string | null, type: SourceType = 'interview', extra: Partial<QuoteCandidate> = {}): QuoteCandidate {
  return { code: 'barrier/documentation', source, sourceType: type, segment, site: null, participant, group: null, startMs: null, text: `${LONG} (${source} ${segment})`, human: false, ...extra };
}

const places = (quotes: readonly QuoteCandidate[]): string[] => quotes.map((q) => `${q.source} ${q.segment}`);

describe('pickQuotes', () => {
  it('spans the source types before taking a second unit of any, even of a voice already quoted', () => {
    const candidates = [
      unit('fgd1', '3.1', 'Sumiati', 'fgd'),
      unit('obs01', '2.1', null, 'observation'),
      unit('w01', '4.1', 'Sumiati'),
      unit('w01', '5.1', 'Sumiati'),
      unit('w02', '2.1', 'Darto'),
      unit('w03', '2.1', 'Rudi'),
      unit('checklist', '4.1', null, 'document'),
    ];
    const quotes = pickQuotes(candidates, { k: 4 });
    expect(quotes.map((q) => q.sourceType)).toEqual(['interview', 'fgd', 'observation', 'document']);
  });

  it('takes each voice once before any twice, and a new source before another unit of one quoted', () => {
    const candidates = [unit('w01', '4.1', 'Sumiati'), unit('w01', '5.1', 'Sumiati'), unit('w01', '6.1', 'Sumiati'), unit('w02', '2.1', 'Darto'), unit('fgd1', '3.1', 'Sumiati', 'fgd'), unit('fgd1', '4.1', 'Marlina', 'fgd')];
    // The FGD's first unit is Sumiati's, already quoted from her interview: Marlina's is taken instead.
    expect(places(pickQuotes(candidates, { k: 2 }))).toEqual(['w01 4.1', 'fgd1 4.1']);
    expect(places(pickQuotes(candidates, { k: 3 }))).toEqual(['w01 4.1', 'w02 2.1', 'fgd1 4.1']);
    expect(places(pickQuotes(candidates, { k: 6 }))).toEqual(['w01 4.1', 'w01 5.1', 'w01 6.1', 'w02 2.1', 'fgd1 3.1', 'fgd1 4.1']);
  });

  it('prefers a unit a person coded over an earlier one the auto-coder proposed', () => {
    const candidates = [unit('w01', '4.1', 'Sumiati'), unit('w01', '9.2', 'Sumiati', 'interview', { human: true }), unit('w02', '2.1', 'Darto')];
    expect(places(pickQuotes(candidates, { k: 1 }))).toEqual(['w01 9.2']);
  });

  it('quotes a short unit only when nothing longer is left', () => {
    const candidates = [unit('w01', '4.1', 'Sumiati', 'interview', { text: 'Iya, KK.' }), unit('w01', '4.2', 'Sumiati')];
    expect(places(pickQuotes(candidates, { k: 1 }))).toEqual(['w01 4.2']);
    expect(places(pickQuotes(candidates, { k: 2 }))).toEqual(['w01 4.1', 'w01 4.2']);
  });

  it('prefers units the report has not quoted and the voices it quoted least', () => {
    const ledger = new QuoteLedger();
    const candidates = [unit('w01', '4.1', 'Sumiati'), unit('w02', '2.1', 'Darto'), unit('w03', '2.1', 'Rudi')];
    expect(places(pickQuotes(candidates, { k: 1, ledger }))).toEqual(['w01 4.1']);
    expect(places(pickQuotes(candidates, { k: 1, ledger }))).toEqual(['w02 2.1']);
    expect(places(pickQuotes([unit('w01', '7.1', 'Sumiati'), unit('w02', '9.1', 'Darto'), unit('w03', '2.1', 'Rudi')], { k: 1, ledger }))).toEqual(['w03 2.1']);
    expect(places(pickQuotes([unit('w01', '4.1', 'Sumiati'), unit('w01', '5.1', 'Sumiati')], { k: 1, ledger }))).toEqual(['w01 5.1']);
    // Nothing new left: a quoted unit again rather than none.
    expect(places(pickQuotes([unit('w01', '4.1', 'Sumiati')], { k: 1, ledger }))).toEqual(['w01 4.1']);
  });

  it('takes units to avoid only when nothing else is left (the source types still taking turns among them)', () => {
    const candidates = [unit('w01', '4.1', 'Sumiati'), unit('w02', '2.1', 'Darto'), unit('fgd1', '3.1', 'Marlina', 'fgd')];
    const avoid = new Set(['fgd1\u00003.1', 'w01\u00004.1']);
    expect(places(pickQuotes(candidates, { k: 1, avoid }))).toEqual(['w02 2.1']);
    expect(places(pickQuotes(candidates, { k: 2, avoid }))).toEqual(['w02 2.1', 'fgd1 3.1']);
  });

  it('is deterministic and never takes more than k or a unit twice', () => {
    const candidates = Array.from({ length: 30 }, (_, i) => unit(`w${String(i % 7).padStart(2, '0')}`, `${i + 1}.1`, `P${i % 5}`, (['interview', 'fgd', 'observation'] as const)[i % 3]));
    const once = places(pickQuotes(candidates, { k: 5 }));
    expect(places(pickQuotes(candidates, { k: 5 }))).toEqual(once);
    expect(new Set(once).size).toBe(5);
    expect(pickQuotes(candidates.slice(0, 2), { k: 5 })).toHaveLength(2);
    expect(pickQuotes([], { k: 5 })).toEqual([]);
  });
});
