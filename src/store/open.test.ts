import { describe, expect, it } from 'vitest';
import { migrate, openStore, pendingMigrations } from './open.js';
import { migrations } from './migrations.js';
import { listParticipants, upsertParticipants } from './participants.js';
import { listSourceSummaries, loadSource, SourceWriter } from './sources.js';
import { buildSource } from '../core/transcript/build-source.js';

describe('store', () => {
  it('migrates a new database once, and again is a no-op', () => {
    const db = openStore(':memory:', { create: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(migrate(db)).toBe(0);
    expect(pendingMigrations(db)).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a database from a newer telaah', () => {
    const db = openStore(':memory:', { create: true });
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer telaah/);
  });

  it('applies migrations in registration order', () => {
    const db = openStore(':memory:', { create: true });
    const order: string[] = [];
    const list = [...migrations, { name: 'x', up: () => order.push('x') }, { name: 'y', up: () => order.push('y') }];
    expect(migrate(db, list)).toBe(2);
    expect(order).toEqual(['x', 'y']);
  });

  it('round-trips a source with its turns and sentences', () => {
    const db = openStore(':memory:', { create: true });
    upsertParticipants(db, [{ pseudonym: 'Sumiati', group: 'pekerja-rentan', attributes: { site: 'Medan' } }], 'now');
    const built = buildSource([
      { speaker: 'Pewawancara', role: 'interviewer', participant: null, text: 'Halo. Apa kabar?', startMs: 1000, endMs: null },
      { speaker: 'Sumiati', role: 'participant', participant: 'Sumiati', text: 'Baik 😀.', startMs: 2000, endMs: 3000 },
    ]);
    const writer = new SourceWriter(db);
    const ids = new Map([['Sumiati', 1]]);
    const info = { name: 'w1', type: 'interview' as const, file: 'w1.txt', sha256: 'abc', encoding: 'utf-8', language: 'id', date: '2025-01-02', site: 'Medan', attributes: { k: 'v' } };
    writer.write(info, built, ids, 'now', false);
    const loaded = loadSource(db, 'w1')!;
    expect(loaded.turns).toEqual(built.turns);
    expect(loaded.text).toBe(built.text);
    expect(loaded.attributes).toEqual({ k: 'v' });
    expect(listSourceSummaries(db)).toEqual([{ name: 'w1', type: 'interview', file: 'w1.txt', sha256: 'abc', date: '2025-01-02', site: 'Medan', turns: 2, segments: 5, words: 5 }]);
    expect(listParticipants(db)[0]).toMatchObject({ pseudonym: 'Sumiati', sources: 1, turns: 1 });
    writer.write({ ...info, sha256: 'def' }, buildSource([{ speaker: null, role: null, participant: null, text: 'Baru.', startMs: null, endMs: null }]), ids, 'now', true);
    expect(listSourceSummaries(db)[0]).toMatchObject({ sha256: 'def', turns: 1, segments: 2 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM segments").get()).toEqual({ n: 2 });
    expect(db.prepare("SELECT MIN(id) AS first, MAX(id) AS last FROM segments").get()).toEqual({ first: 6, last: 7 });
  });
});

describe('store round trip (property)', () => {
  it('every stored turn and sentence slices back to its text by code points', async () => {
    const fc = (await import('fast-check')).default;
    const { CodePointSlicer } = await import('../core/text/code-point-slicer.js');
    const db = openStore(':memory:', { create: true });
    const writer = new SourceWriter(db);
    let n = 0;
    const unit = fc.constantFrom('a', 'Z', ' ', '.', '?', '\n', 'é', 'e\u0301', '😀', '👩‍👩‍👧', 'ß', '"');
    fc.assert(
      fc.property(fc.array(fc.string({ unit, minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 6 }), (texts) => {
        const built = buildSource(texts.map((text, i) => ({ speaker: i % 2 ? 'Sumiati' : null, role: null, participant: null, text, startMs: null, endMs: null })));
        if (built.turns.length === 0) return;
        const name = `s${n++}`;
        writer.write({ name, type: 'interview', file: 'f', sha256: name, encoding: 'utf-8', language: null, date: null, site: null, attributes: {} }, built, new Map(), 'now', false);
        const loaded = loadSource(db, name)!;
        const slicer = new CodePointSlicer(loaded.text);
        loaded.turns.forEach((turn, i) => {
          expect(slicer.slice(turn.start, turn.end)).toBe(texts.filter((t) => t.trim())[i]!.trim());
          for (const s of turn.sentences) expect(slicer.slice(s.start, s.end).trim()).toBe(slicer.slice(s.start, s.end));
        });
        expect(loaded.turns).toEqual(built.turns.map((t) => ({ ...t, participant: null })));
      }),
      { numRuns: 200 },
    );
  });
});
