import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceTableOf, type EvidenceRow } from '../../../test/helpers/evidence-table.js';
import * as reference from '../../../test/helpers/quote-reference.js';
import { placeAddress, type EvidenceTable } from '../analysis/evidence-table.js';
import { TableUnits } from '../analysis/table-units.js';
import { childrenOf } from '../codebook/code-tree.js';
import type { SourceType } from '../transcript/types.js';
import { pickQuotes, QuoteLedger } from './pick-quotes.js';

const LONG = 'Kak Rahma yang bawa aku ke Capil, dua kali bolak-balik, baru NIK-ku padan.';

/** A unit of evidence; text long enough to quote unless given. */
function unit(source: string, segment: string, participant: string | null, type: SourceType = 'interview', extra: Partial<EvidenceRow> = {}): EvidenceRow {
  return { code: 'barrier/documentation', source, sourceType: type, segment, site: null, participant, group: null, startMs: null, text: `${LONG} (${source} ${segment})`, human: false, ...extra };
}

/** `source T.S` of a place. */
const nameOf = (table: EvidenceTable, place: number): string => `${table.sources[table.source[place]!]!.name} ${placeAddress(table, place)}`;

/** The units as one table, and quotes chosen among some of them (named `source T.S`). */
function quotesFrom(units: readonly EvidenceRow[]) {
  const table = evidenceTableOf(units);
  const placeOf = new Map(Array.from({ length: table.size }, (_, p) => [nameOf(table, p), p]));
  const human = new Map(units.map((u) => [`${u.source} ${u.segment}`, u.human === true]));
  return {
    table,
    pick(candidates: readonly EvidenceRow[], choice: { k: number; avoid?: string[]; ledger?: QuoteLedger }): string[] {
      const places = Int32Array.from(candidates, (c) => placeOf.get(`${c.source} ${c.segment}`)!).sort();
      const marks = Uint8Array.from(places, (p) => (human.get(nameOf(table, p)) ? 1 : 0));
      const avoid = choice.avoid && new Set(choice.avoid.map((name) => placeOf.get(name)!));
      return pickQuotes(table, { places, human: marks }, { k: choice.k, avoid, ledger: choice.ledger }).map((p) => nameOf(table, p));
    },
  };
}

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
    const { table, pick } = quotesFrom(candidates);
    const types = pick(candidates, { k: 4 }).map((name) => candidates.find((c) => `${c.source} ${c.segment}` === name)!.sourceType);
    expect(types).toEqual(['interview', 'fgd', 'observation', 'document']);
    expect(table.size).toBe(7);
  });

  it('takes each voice once before any twice, and a new source before another unit of one quoted', () => {
    const candidates = [unit('w01', '4.1', 'Sumiati'), unit('w01', '5.1', 'Sumiati'), unit('w01', '6.1', 'Sumiati'), unit('w02', '2.1', 'Darto'), unit('fgd1', '3.1', 'Sumiati', 'fgd'), unit('fgd1', '4.1', 'Marlina', 'fgd')];
    const { pick } = quotesFrom(candidates);
    // The FGD's first unit is Sumiati's, already quoted from her interview: Marlina's is taken instead.
    expect(pick(candidates, { k: 2 })).toEqual(['w01 4.1', 'fgd1 4.1']);
    expect(pick(candidates, { k: 3 })).toEqual(['w01 4.1', 'w02 2.1', 'fgd1 4.1']);
    expect(pick(candidates, { k: 6 })).toEqual(['w01 4.1', 'w01 5.1', 'w01 6.1', 'w02 2.1', 'fgd1 3.1', 'fgd1 4.1']);
  });

  it('prefers a unit a person coded over an earlier one the auto-coder proposed', () => {
    const candidates = [unit('w01', '4.1', 'Sumiati'), unit('w01', '9.2', 'Sumiati', 'interview', { human: true }), unit('w02', '2.1', 'Darto')];
    expect(quotesFrom(candidates).pick(candidates, { k: 1 })).toEqual(['w01 9.2']);
  });

  it('quotes a short unit only when nothing longer is left, judging the text without its surrounding spaces', () => {
    const candidates = [unit('w01', '4.1', 'Sumiati', 'interview', { text: 'Iya, KK.' }), unit('w01', '4.2', 'Sumiati')];
    const { pick } = quotesFrom(candidates);
    expect(pick(candidates, { k: 1 })).toEqual(['w01 4.2']);
    expect(pick(candidates, { k: 2 })).toEqual(['w01 4.1', 'w01 4.2']);
    // 70 code points between its offsets, but 50 once trimmed: short, though its span alone says long.
    const padded = [unit('w01', '4.1', 'Sumiati', 'interview', { text: `          ${'x'.repeat(50)}          ` }), unit('w01', '4.2', 'Sumiati')];
    expect(quotesFrom(padded).pick(padded, { k: 1 })).toEqual(['w01 4.2']);
  });

  it('reads the text of only the units that come to the top, not of every candidate', () => {
    const candidates = Array.from({ length: 400 }, (_, i) => unit(`w${String(i % 40).padStart(2, '0')}`, `${i + 1}.1`, `P${i % 9}`, i % 2 ? 'fgd' : 'interview'));
    const { table, pick } = quotesFrom(candidates);
    let reads = 0;
    const text = table.reader.text;
    table.reader = { ...table.reader, text: (...args) => (reads++, text(...args)) };
    expect(pick(candidates, { k: 5 })).toHaveLength(5);
    expect(reads).toBeLessThanOrEqual(10);
  });

  it('prefers units the report has not quoted and the voices it quoted least', () => {
    const more = [unit('w01', '7.1', 'Sumiati'), unit('w02', '9.1', 'Darto'), unit('w01', '5.1', 'Sumiati')];
    const candidates = [unit('w01', '4.1', 'Sumiati'), unit('w02', '2.1', 'Darto'), unit('w03', '2.1', 'Rudi')];
    const { pick } = quotesFrom([...candidates, ...more]);
    const ledger = new QuoteLedger();
    expect(pick(candidates, { k: 1, ledger })).toEqual(['w01 4.1']);
    expect(pick(candidates, { k: 1, ledger })).toEqual(['w02 2.1']);
    expect(pick([more[0]!, more[1]!, candidates[2]!], { k: 1, ledger })).toEqual(['w03 2.1']);
    expect(pick([candidates[0]!, more[2]!], { k: 1, ledger })).toEqual(['w01 5.1']);
    // Nothing new left: a quoted unit again rather than none.
    expect(pick([candidates[0]!], { k: 1, ledger })).toEqual(['w01 4.1']);
  });

  it('takes units to avoid only when nothing else is left (the source types still taking turns among them)', () => {
    const candidates = [unit('w01', '4.1', 'Sumiati'), unit('w02', '2.1', 'Darto'), unit('fgd1', '3.1', 'Marlina', 'fgd')];
    const { pick } = quotesFrom(candidates);
    const avoid = ['fgd1 3.1', 'w01 4.1'];
    expect(pick(candidates, { k: 1, avoid })).toEqual(['w02 2.1']);
    expect(pick(candidates, { k: 2, avoid })).toEqual(['w02 2.1', 'fgd1 3.1']);
  });

  it('is deterministic and never takes more than k or a unit twice', () => {
    const candidates = Array.from({ length: 30 }, (_, i) => unit(`w${String(i % 7).padStart(2, '0')}`, `${i + 1}.1`, `P${i % 5}`, (['interview', 'fgd', 'observation'] as const)[i % 7 % 3]));
    const { pick } = quotesFrom(candidates);
    const once = pick(candidates, { k: 5 });
    expect(pick(candidates, { k: 5 })).toEqual(once);
    expect(new Set(once).size).toBe(5);
    expect(pick(candidates.slice(0, 2), { k: 5 })).toHaveLength(2);
    expect(pick([], { k: 5 })).toEqual([]);
  });
});

describe('pickQuotes over an evidence table chooses what the choice over every unit with its text chose', () => {
  const CODES = [
    { id: 'a', parent: null },
    { id: 'a/b', parent: 'a' },
    { id: 'a/c', parent: 'a' },
    { id: 'a/c/d', parent: 'a/c' },
    { id: 'e', parent: null },
  ];
  const SOURCES: [string, SourceType][] = [
    ['w01', 'interview'],
    ['w02', 'interview'],
    ['w03', 'interview'],
    ['fgd1', 'fgd'],
    ['fgd2', 'fgd'],
    ['obs01', 'observation'],
    ['obs02', 'observation'],
    ['doc1', 'document'],
  ];
  const SEGMENTS = ['1', '1.1', '1.2', '2', '2.1', '3.1', '3.2', '10', '10.2'];
  const PEOPLE: (string | null)[] = [null, 'Sumiati', 'Darto', 'Rudi', 'Marlina', 'Hendra', 'Lestari'];
  const GROUP: Record<string, string> = { Sumiati: 'rentan', Darto: 'rentan', Rudi: 'sosial', Marlina: 'sosial', Hendra: 'sosial', Lestari: 'rentan' };
  // Short, long, long by its span but short once trimmed, exactly long enough, long with spaces around.
  const TEXTS = ['Iya, KK.', `${LONG} Ya.`, `      ${'k'.repeat(55)}     `, 'n'.repeat(60), `  ${LONG}  `];

  const arbRows = fc.array(
    fc.record({ code: fc.constantFrom(...CODES.map((c) => c.id)), source: fc.integer({ min: 0, max: SOURCES.length - 1 }), segment: fc.constantFrom(...SEGMENTS), human: fc.boolean() }),
    { maxLength: 80, size: 'max' },
  );
  // Who speaks each turn of each source, and the text of each segment: facts of the place, not of the row.
  const arbWorld = fc.record({
    speakers: fc.array(fc.integer({ min: 0, max: PEOPLE.length - 1 }), { minLength: 64, maxLength: 64 }),
    texts: fc.array(fc.integer({ min: 0, max: TEXTS.length - 1 }), { minLength: 64, maxLength: 64 }),
  });
  // The report's walk: codes one after another with a shared ledger, each avoiding what the previous one chose, some narrowed to a few people.
  const arbSteps = fc.array(
    fc.record({ code: fc.constantFrom(...CODES.map((c) => c.id)), k: fc.integer({ min: 1, max: 6 }), avoidLast: fc.boolean(), people: fc.option(fc.subarray(PEOPLE.slice(1), { minLength: 1 })) }),
    { minLength: 1, maxLength: 8 },
  );

  it('for random evidence, ledgers, units to avoid and narrowed candidates', () => {
    fc.assert(
      fc.property(arbRows, arbWorld, arbSteps, (drawn, world, steps) => {
        const rows: reference.QuoteCandidate[] = drawn.map((d) => {
          const [source, sourceType] = SOURCES[d.source]!;
          const turn = Number(d.segment.split('.')[0]);
          const who = sourceType === 'observation' || sourceType === 'document' ? null : PEOPLE[world.speakers[(d.source * 11 + turn) % 64]!]!;
          const text = TEXTS[world.texts[(d.source * 13 + SEGMENTS.indexOf(d.segment)) % 64]!]!;
          return { code: d.code, source, sourceType, segment: d.segment, site: null, participant: who, group: who && GROUP[who]!, startMs: null, text, human: d.human };
        });
        const children = childrenOf(CODES);
        const table = evidenceTableOf(rows);
        const units = new TableUnits(table, children);
        const old = reference.evidenceOfCode(rows, children);
        const ledgers = { old: new reference.QuoteLedger(), table: new QuoteLedger() };
        let last: { old: string[]; table: number[] } = { old: [], table: [] };
        for (const step of steps) {
          const wanted = (who: string | null) => step.people === null || (who !== null && step.people.includes(who));
          const before = old(step.code).filter((u) => wanted(u.participant));
          const all = units.of(step.code);
          const keep = Array.from(all.places.keys()).filter((j) => wanted(table.participant[all.places[j]!]! < 0 ? null : table.participants[table.participant[all.places[j]!]!]!.pseudonym));
          const candidates = { places: Int32Array.from(keep, (j) => all.places[j]!), human: Uint8Array.from(keep, (j) => all.human[j]!) };
          // The same units, in the same order, marked alike.
          expect(Array.from(candidates.places, (p) => `${nameOf(table, p)} ${candidates.human[Array.from(candidates.places).indexOf(p)]}`)).toEqual(before.map((u) => `${u.source} ${u.segment} ${u.human ? 1 : 0}`));
          const chosen = {
            old: reference.pickQuotes(before, { k: step.k, avoid: new Set(step.avoidLast ? last.old : []), ledger: ledgers.old }).map(reference.quoteKey),
            table: pickQuotes(table, candidates, { k: step.k, avoid: new Set(step.avoidLast ? last.table : []), ledger: ledgers.table }),
          };
          expect(chosen.table.map((p) => reference.quoteKey({ source: table.sources[table.source[p]!]!.name, segment: placeAddress(table, p) }))).toEqual(chosen.old);
          last = chosen;
        }
      }),
      { numRuns: 400 },
    );
  });
});
