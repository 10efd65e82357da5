import { describe, expect, it } from 'vitest';
import { queryPlan } from '../../test/helpers/query-plan.js';
import { WordCounter } from '../core/analysis/word-frequencies.js';
import { STOP_WORDS } from '../core/text/stop-words.js';
import { buildSource, type ResolvedTurn } from '../core/transcript/build-source.js';
import { openStore, type Db } from './open.js';
import { upsertParticipants } from './participants.js';
import { SourceWriter } from './sources.js';
import { iterateTurnTexts, lastSegmentId, turnRangesSql, type TurnTextFilter } from './turn-texts.js';
import { countChunks, countTurnWords, planChunks } from './turn-words.js';

const turn = (speaker: string | null, text: string): ResolvedTurn => ({
  speaker,
  role: speaker === 'Pewawancara' ? 'interviewer' : speaker ? 'participant' : null,
  participant: speaker === 'Sumiati' || speaker === 'Hendra' ? speaker : null,
  text,
  startMs: null,
  endMs: null,
});

/** Five sources of several turns and sentences, one in English, one with astral characters and marks. */
function project(): Db {
  const db = openStore(':memory:', { create: true });
  upsertParticipants(
    db,
    [
      { pseudonym: 'Sumiati', group: 'pekerja-rentan', attributes: { category: 'pemulung' } },
      { pseudonym: 'Hendra', group: 'pekerja-sosial', attributes: {} },
    ],
    'now',
  );
  const writer = new SourceWriter(db);
  const ids = new Map([
    ['Sumiati', 1],
    ['Hendra', 2],
  ]);
  const info = (name: string, language = 'id') => ({ name, type: 'interview' as const, file: `${name}.txt`, sha256: name, encoding: 'utf-8', language, date: null, site: null, attributes: {} });
  const write = (name: string, turns: ResolvedTurn[], language?: string) => writer.write(info(name, language), buildSource(turns), ids, 'now', false);
  write('w01', [turn('Pewawancara', 'Apa kabar? Sudah daftar?'), turn('Sumiati', 'Baik. Kartu BPJS sudah ada. Iuran berat sekali.'), turn('Pewawancara', 'Lalu?'), turn('Sumiati', 'Daftar ulang, bayar iuran lagi. Mendaftar itu susah.')]);
  write('w02', [turn('Hendra', 'Kartu dibagikan 😅 ke pemulung. Iuran dibantu 𝒜𝒷𝒸 kelurahan.'), turn('Pewawancara', 'Pendaftaran?'), turn('Hendra', 'Pendaftaran café\u0301 naïve—İstanbul.')]);
  write('w03', [turn('Sumiati', "Volunteers helped; we don’t pay the fee. Workers registered."), turn('Hendra', 'Registering takes time.')], 'en');
  write('w04', [turn('Sumiati', 'Iuran Rp35.000 sebulan, 1,5 juta setahun. e-KTP dulu.')]);
  write('w05', [turn(null, 'Catatan: poster iuran di dinding.'), turn('Sumiati', 'Kartu, kartu, kartu.')]);
  return db;
}

/** The plain way: every wanted turn of iterateTurnTexts into one counter. */
function counted(db: Db, filter: TurnTextFilter): unknown {
  const counter = new WordCounter({ stopWords: STOP_WORDS, stemmers: null });
  for (const source of iterateTurnTexts(db, filter)) for (const t of source.turns) counter.addTurn(source.text, t.start, t.end, source.language === 'en' ? 'en' : 'id');
  return counter.result(1000);
}

const FILTERS: [string, TurnTextFilter][] = [
  ['participants', { roles: new Set(['participant']) }],
  ['everyone', { roles: new Set(['participant', 'interviewer', null]) }],
  ['one group', { roles: new Set(['participant']), attribute: { key: 'group', value: 'pekerja-sosial' } }],
  ['one source', { roles: new Set(['participant', 'interviewer']), source: 'w02' }],
];

describe('counting the words of turns', () => {
  it.each(FILTERS)('counts the turns the filter asks for (%s), here in this thread', async (_name, filter) => {
    const db = project();
    const counter = new WordCounter({ stopWords: STOP_WORDS, stemmers: null });
    await countTurnWords(db, filter, counter, 3);
    expect(counter.result(1000)).toEqual(counted(db, filter));
    expect(counter.result(1000).turns).toBeGreaterThan(0);
  });

  it.each(FILTERS)('counts every turn once however the segment ids are cut among threads (%s)', (_name, filter) => {
    const db = project();
    const last = lastSegmentId(db);
    expect(last).toBeGreaterThan(20);
    for (let threads = 2; threads <= 5; threads++) {
      const chunks = planChunks(filter, last, threads);
      expect(chunks.count * chunks.size).toBeGreaterThanOrEqual(last);
      // The threads one after another: each its first chunk and then whatever is left when it looks.
      const counters = Array.from({ length: threads }, () => new WordCounter({ stopWords: STOP_WORDS, stemmers: null }));
      counters.forEach((c, k) => countChunks(db, chunks, k, c));
      for (const other of counters.slice(1)) counters[0]!.merge(other.data());
      expect(counters[0]!.result(1000), `${threads} threads`).toEqual(counted(db, filter));
    }
  });

  it('reads a chunk of segment ids by their range, not by a scan of segments', () => {
    const db = project();
    // Reading registers the aggregate the statement calls.
    [...iterateTurnTexts(db, { roles: new Set(['participant']) })];
    const { sql, params } = turnRangesSql({ roles: ['participant'], segments: { from: 3, to: 9 } });
    const lines = queryPlan(db, sql, params);
    expect(lines).toContain('SEARCH g USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)');
    expect(lines.filter((l) => /^SCAN/.test(l))).toEqual([]);
  });
});
