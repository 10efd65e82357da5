import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryPlan } from '../../test/helpers/query-plan.js';
import { createStemmers } from '../core/coding/stemmers.js';
import { compileSearch } from '../core/search/compile-search.js';
import { parseSearchWords } from '../core/search/parse-search.js';
import { SearchKeys } from '../core/search/search-keys.js';
import type { SourceType } from '../core/transcript/types.js';
import { buildSource, type BuiltSource } from '../core/transcript/build-source.js';
import { InputError } from '../errors.js';
import { openStore, type Db } from './open.js';
import { participantIdsByPseudonym, upsertParticipants } from './participants.js';
import { findSearchHits, HIT_DETAILS_SQL, matchSql, readSearchHits, sourceRangesSql, type SearchFilter } from './search-hits.js';
import { dropSearchEntries, readSearchIndexBacklog, SearchIndexWriter } from './search-index.js';
import { removeSources } from './source-edits.js';
import { SourceWriter } from './sources.js';

const stemmers = createStemmers();
const keys = new SearchKeys(stemmers);

type Line = [speaker: string | null, text: string];

/** A project with two participants; `add` writes (or with `replace`, replaces) a source of turns. */
function project() {
  const db = openStore(':memory:', { create: true });
  upsertParticipants(
    db,
    [
      { pseudonym: 'Sumiati', group: 'pekerja-rentan', attributes: { site: 'Medan' } },
      { pseudonym: 'Darto', group: 'pekerja-sosial', attributes: { site: 'Bekasi' } },
    ],
    'now',
  );
  const writer = new SourceWriter(db);
  const built = (lines: readonly Line[]): BuiltSource =>
    buildSource(
      lines.map(([speaker, text]) => ({
        speaker,
        role: speaker === 'Pewawancara' ? ('interviewer' as const) : speaker ? ('participant' as const) : null,
        participant: speaker === 'Sumiati' || speaker === 'Darto' ? speaker : null,
        text,
        startMs: null,
        endMs: null,
      })),
    );
  const add = (name: string, lines: readonly Line[], options: { type?: SourceType; sha256?: string; replace?: boolean; source?: BuiltSource } = {}): void => {
    const info = { name, type: options.type ?? ('interview' as const), file: `${name}.txt`, sha256: options.sha256 ?? name, encoding: 'utf-8', language: 'id', date: null, site: null, attributes: {} };
    writer.write(info, options.source ?? built(lines), participantIdsByPseudonym(db), 'now', options.replace === true);
  };
  return { db, add, built };
}

/** Brings the index up to date as `telaah search` does; returns the sources it indexed. */
function update(db: Db): string[] {
  const { stale, missing } = readSearchIndexBacklog(db);
  dropSearchEntries(db, stale);
  const writer = new SearchIndexWriter(db, keys);
  writer.begin();
  for (const source of missing) writer.write(source);
  writer.commit();
  return missing.map((s) => s.name);
}

/** `source segment «match»…` for each hit of a search (the index brought up to date first). */
function search(db: Db, args: string[], options: { exact?: boolean; any?: boolean; filter?: SearchFilter; limit?: number } = {}): string[] {
  update(db);
  const compiled = compileSearch(parseSearchWords(args), { exact: options.exact === true, any: options.any === true, languages: ['id', 'en'] }, stemmers);
  const sources = findSearchHits(db, compiled.expression, options.filter);
  return [...readSearchHits(db, sources, (text) => compiled.find(text, keys), options.limit)].map((h) => `${h.source} ${h.segment} ${h.matches.map((m) => `«${m.text}»`).join('')}`);
}

const INTERVIEW: Line[] = [
  ['Pewawancara', 'Sudah daftar?'],
  ['Sumiati', 'Saya mendaftar tahun lalu. Pendaftaran di pojok pasar.'],
  ['Darto', 'Kami bantu pendaftaran. Kartu Keluarga sering hilang.'],
];

describe('search index', () => {
  it('finds every form of a word by its stem, in sentences, interviewer turns included', () => {
    const { db, add } = project();
    add('w01', INTERVIEW);
    expect(search(db, ['daftar'])).toEqual(['w01 1.1 «daftar»', 'w01 2.1 «mendaftar»', 'w01 2.2 «Pendaftaran»', 'w01 3.1 «pendaftaran»']);
    expect(search(db, ['daftar'], { exact: true })).toEqual(['w01 1.1 «daftar»']);
    expect(search(db, ['kartu keluarga'])).toEqual(['w01 3.2 «Kartu Keluarga»']);
    expect(search(db, ['keluarga kartu'])).toEqual([]);
  });

  it('gives the unit and its matches in code points of the source text, whatever precedes them', () => {
    const { db, add } = project();
    add('w01', [['Sumiati', '👍🏽 Cafe\u0301 dulu. Saya 👩‍👩‍👧 daftar 🙏 lagi.']]);
    update(db);
    const compiled = compileSearch(parseSearchWords(['daftar']), { exact: false, any: false, languages: ['id'] }, stemmers);
    const [hit] = [...readSearchHits(db, findSearchHits(db, compiled.expression), (text) => compiled.find(text, keys))];
    const text = [...(db.prepare('SELECT text FROM sources').pluck().get() as string)];
    expect(hit!.text).toBe(text.slice(hit!.start, hit!.end).join(''));
    // Saya and a space, five code points of emoji and a space: daftar begins 11 code points into the sentence.
    expect(hit!.text).toBe('Saya 👩‍👩‍👧 daftar 🙏 lagi.');
    expect(hit!.matches).toEqual([{ start: hit!.start + 11, end: hit!.start + 17, text: 'daftar' }]);
    expect(text.slice(hit!.matches[0]!.start, hit!.matches[0]!.end).join('')).toBe('daftar');
  });

  it('indexes a turn that has no sentences as itself', () => {
    const { db, add, built } = project();
    const source = built([['Sumiati', 'daftar dulu']]);
    source.turns[0]!.sentences = [];
    add('note', [], { source, type: 'observation' });
    expect(search(db, ['daftar'])).toEqual(['note 1 «daftar»']);
  });

  it('filters by source, source type and participant attribute or group', () => {
    const { db, add } = project();
    add('w01', INTERVIEW);
    add('obs01', [[null, 'Meja pendaftaran sepi.']], { type: 'observation' });
    expect(search(db, ['daftar'], { filter: { sourceType: 'observation' } })).toEqual(['obs01 1.1 «pendaftaran»']);
    expect(search(db, ['daftar'], { filter: { source: 'obs01' } })).toEqual(['obs01 1.1 «pendaftaran»']);
    expect(search(db, ['daftar'], { filter: { attribute: { key: 'site', value: 'Medan' } } })).toEqual(['w01 2.1 «mendaftar»', 'w01 2.2 «Pendaftaran»']);
    expect(search(db, ['daftar'], { filter: { attribute: { key: 'group', value: 'pekerja-sosial' } } })).toEqual(['w01 3.1 «pendaftaran»']);
  });

  it('lists sources in name order and stops at the limit', () => {
    const { db, add } = project();
    add('z-last', [['Sumiati', 'Saya daftar.']]);
    add('a-first', [['Sumiati', 'Dia daftar. Lalu daftar lagi.']]);
    expect(search(db, ['daftar'])).toEqual(['a-first 1.1 «daftar»', 'a-first 1.2 «daftar»', 'z-last 1.1 «daftar»']);
    expect(search(db, ['daftar'], { limit: 2 })).toEqual(['a-first 1.1 «daftar»', 'a-first 1.2 «daftar»']);
  });

  it('indexes only what is missing, and never returns a replaced or removed source', () => {
    const { db, add } = project();
    add('w01', INTERVIEW);
    add('w02', [['Sumiati', 'Iuran mahal, belum daftar.']]);
    expect(update(db)).toEqual(['w01', 'w02']);
    expect(update(db)).toEqual([]);
    // Replaced: the same name, new text; the old sentences must not come back.
    add('w01', [['Sumiati', 'Sekarang sudah terdaftar.']], { sha256: 'w01-v2', replace: true });
    expect(search(db, ['daftar'])).toEqual(['w01 1.1 «terdaftar»', 'w02 1.1 «daftar»']);
    expect(search(db, ['pojok'])).toEqual([]);
    // Replaced from an unchanged file (same sha256, e.g. pseudonyms applied): still the new text.
    add('w02', [['Sumiati', 'Iuran mahal, Bu Darti belum daftar.']], { sha256: 'w02', replace: true });
    expect(search(db, ['iuran'])).toEqual(['w02 1.1 «Iuran»']);
    expect(search(db, ['darti'])).toEqual(['w02 1.1 «Darti»']);
    removeSources(db, ['w02']);
    expect(search(db, ['iuran'])).toEqual([]);
    expect(db.prepare('SELECT source_id FROM search_sources').pluck().all()).toHaveLength(1);
  });

  it('drops the words of a source that goes from the index itself, not only from the results', () => {
    const { db, add } = project();
    add('w01', [['Sumiati', 'Namanya Siti Aminah.']]);
    update(db);
    db.exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'search_index', 'col')");
    const words = (): string[] => db.prepare("SELECT term FROM temp.v WHERE col = 'words' ORDER BY term").pluck().all() as string[];
    expect(words()).toEqual(['aminah', 'namanya', 'siti']);
    add('w01', [['Sumiati', 'Namanya Sumiati.']], { sha256: 'w01-v2', replace: true });
    expect(words()).toEqual([]);
    update(db);
    expect(words()).toEqual(['namanya', 'sumiati']);
  });

  it('indexes again a source whose bookkeeping no longer matches it, without doubling its hits', () => {
    const { db, add } = project();
    add('w01', INTERVIEW);
    update(db);
    db.exec("UPDATE search_sources SET sha256 = 'something else'");
    expect(update(db)).toEqual(['w01']);
    expect(search(db, ['daftar'])).toHaveLength(4);
    expect(db.prepare('SELECT COUNT(*) FROM search_sources').pluck().get()).toBe(1);
  });

  it('never returns a stale entry left in the index, even without its bookkeeping', () => {
    const { db, add } = project();
    add('w01', INTERVIEW);
    update(db);
    // An entry for a segment id no source holds (as if left behind by hand or by a bug).
    db.prepare('INSERT INTO search_index (rowid, words, stems_id, stems_en) VALUES (?, ?, ?, ?)').run(999, 'daftar', 'daftar', 'daftar');
    expect(search(db, ['daftar'])).toHaveLength(4);
  });

  it('answers any input without an SQL or FTS5 error', () => {
    const { db, add } = project();
    add('w01', INTERVIEW);
    update(db);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'd', ' ', '"', '*', '-', ':', '(', ')', '^', '+', 'AND', 'OR', 'NOT', 'NEAR', "'", '{', '}', '.', ',', 'é', '\u0301', '👍') }), { maxLength: 4 }), fc.boolean(), fc.boolean(), (args, exact, any) => {
        let terms;
        try {
          terms = parseSearchWords(args);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return;
        }
        const compiled = compileSearch(terms, { exact, any, languages: ['id', 'en'] }, stemmers);
        expect(() => findSearchHits(db, compiled.expression)).not.toThrow();
      }),
    );
  });
});

describe('search statements', () => {
  it('use the FTS index, segments by primary key, and never scan segments or codings', () => {
    const { db } = project();
    const filters: SearchFilter[] = [{}, { source: 'w01' }, { attribute: { key: 'group', value: 'x' } }, { source: 'w01', attribute: { key: 'site', value: 'Medan' } }];
    for (const filter of filters) {
      const { sql, params } = matchSql(filter);
      const bounds = filter.source !== undefined ? [1, 2] : [];
      const lines = queryPlan(db, sql, ['daftar', ...bounds, ...params]);
      expect(lines.some((l) => /SCAN search_index VIRTUAL TABLE INDEX \d+:M/.test(l)), lines.join('\n')).toBe(true);
      expect(lines.filter((l) => /^SCAN (g|t|p|segments|codings)\b/.test(l) || /TEMP B-TREE/.test(l)), lines.join('\n')).toEqual([]);
    }
    // A source row holds its text before its segment range: sources are read through an index.
    for (const filter of [{}, { sourceType: 'fgd' as const }, { source: 'w01' }]) {
      const { sql, params } = sourceRangesSql(filter);
      expect(queryPlan(db, sql, params)).toEqual([expect.stringMatching(/^(SCAN sources USING COVERING INDEX sources_segment_ranges|SEARCH sources USING INDEX sqlite_autoindex_sources_1 \(name=\?\))$/)]);
    }
    const details = queryPlan(db, HIT_DETAILS_SQL, ['[1,2]']);
    expect(details.filter((l) => /^SCAN (g|gs|t|segments|sentences|turns)\b/.test(l)), details.join('\n')).toEqual([]);
    expect(details).toEqual(expect.arrayContaining(['SEARCH gs USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN', 'SEARCH t USING INTEGER PRIMARY KEY (rowid=?)']));
  });
});
