/**
 * The REFI-QDA importer: export → import in-process (a generated project snapshot built into project.qde
 * and sources/*.txt, zipped, read back and planned: the same texts, the same coded spans by the same
 * coders and codes), and the reader on damaged input (edited project XML, edited archive bytes, edited
 * .qdc codebooks): only an InputError may escape, its line:col inside the XML, and a plan it makes keeps
 * every unit and coding inside its source's text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../src/core/interop/import-plan.js';
import type { ProjectSnapshot, SnapshotCoding, SnapshotSource } from '../../src/core/interop/snapshot.js';
import { countCodePoints, sliceCodePoints } from '../../src/core/text/code-points.js';
import { buildSource, type ResolvedTurn } from '../../src/core/transcript/build-source.js';
import { compileSpeakerResolver } from '../../src/core/transcript/speakers.js';
import { InputError } from '../../src/errors.js';
import { buildRefiProject } from '../../src/interop/build-refi-project.js';
import { codebookFromRefi } from '../../src/interop/codebook-from-refi.js';
import { planImport } from '../../src/interop/plan-import.js';
import { readQdpx } from '../../src/interop/read-qdpx.js';
import { readCodebookTree } from '../../src/interop/read-refi-xml.js';
import { renderProjectXml } from '../../src/interop/write-qde.js';
import { parseXmlTree } from '../../src/interop/xml-tree.js';
import { writeZip } from '../../src/interop/zip.js';
import { checkProperty, expectPlaceInside, expectUnitsInside, FUZZ_TIMEOUT, mutatedBytes, mutatedText, REFERENCE, settle } from './fuzz-kit.js';

const CODES = ['barrier', 'barrier/economic', 'barrier/documentation', 'strategy', 'strategy/tailored-education'];
const SPEAKERS = ['Pewawancara', 'Sumiati', 'Darto'];
const resolveSpeaker = compileSpeakerResolver({ interviewerLabels: ['Pewawancara'], speakerMap: new Map(), pseudonyms: ['Sumiati', 'Darto'] });

/** Words of a turn: Indonesian prose with the characters that shift offsets (emoji, accents, CJK). */
const word = fc.constantFrom('iuran', 'BPJS', 'Ketenagakerjaan', 'kartu', 'keluarga', 'café', 'Cafe\u0301', '😀', '👍🏽', '日本', 'ﬁ', 'dll.', 'Pak.', 'ya?', 'nggak!', '“Iya”', '—', '2.000', 'Rp', '\u00a0');
const turnArb = fc.record({
  speaker: fc.option(fc.constantFrom(...SPEAKERS), { freq: 8 }),
  text: fc.array(fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' ')), { minLength: 1, maxLength: 3 }).map((ss) => ss.join('. ')),
});

/** A project snapshot: sources laid out as ingest lays them out, codings on their turns and sentences. */
const snapshotArb: fc.Arbitrary<ProjectSnapshot> = fc
  .array(fc.tuple(fc.array(turnArb, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...CODES), fc.constantFrom('ana', 'budi')), { maxLength: 6 })), { minLength: 1, maxLength: 3 })
  .map((specs) => {
    const sources: SnapshotSource[] = [];
    const codings: SnapshotCoding[] = [];
    specs.forEach(([turns, picks], i) => {
      const resolved: ResolvedTurn[] = turns.map((t) => ({ speaker: t.speaker, ...(t.speaker === null ? { role: null, participant: null } : resolveSpeaker(t.speaker)), text: t.text.normalize('NFC'), startMs: null, endMs: null }));
      const allSpeakers = resolved.every((t) => t.speaker !== null);
      const built = buildSource(allSpeakers ? resolved : resolved.map((t) => ({ ...t, speaker: null, role: null, participant: null })));
      sources.push({ id: i + 1, name: `src-${i + 1}`, type: allSpeakers ? 'interview' : 'observation', text: built.text, language: 'id', date: null, site: null, attributes: {}, addedAt: '2026-01-02T03:04:05.000Z' });
      const units = built.turns.flatMap((t) => [{ start: t.start, end: t.end }, ...t.sentences.map((s) => ({ start: s.start, end: s.end }))]).filter((u) => u.end > u.start);
      const seen = new Set<string>();
      for (const [u, , code, coder] of picks) {
        const unit = units[u % units.length];
        if (!unit || seen.has(`${unit.start}:${unit.end}:${code}:${coder}`)) continue;
        seen.add(`${unit.start}:${unit.end}:${code}:${coder}`);
        codings.push({ sourceId: i + 1, start: unit.start, end: unit.end, code, coder, origin: 'manual', createdAt: '2026-01-02T03:04:05.000Z', memo: null });
      }
    });
    return {
      name: 'Fuzz study',
      namespace: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
      createdAt: null,
      modifiedAt: null,
      codebook: { name: 'Fuzz', version: '1', codes: CODES.map((id) => ({ id, parent: id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : null, label: {}, definition: `About ${id}.` })) },
      sources,
      codings,
      participants: [],
      memos: [],
    };
  });

/** The archive `telaah export qdpx` would write for a snapshot. */
function exportQdpx(snapshot: ProjectSnapshot): { qde: string; files: Map<string, string> } {
  const built = buildRefiProject(snapshot, 'telaah fuzz');
  return { qde: renderProjectXml(built.project), files: built.files };
}

function zip(qde: string | Uint8Array, files: Map<string, string>): Uint8Array {
  const enc = new TextEncoder();
  return writeZip([['project.qde', typeof qde === 'string' ? enc.encode(qde) : qde], ...[...files].map(([p, t]): [string, Uint8Array] => [p, enc.encode(t)])]);
}

/** Reads and plans an archive as `telaah import qdpx` does. */
function importQdpx(bytes: Uint8Array): ImportPlan {
  const opened = readQdpx(bytes, 'in.qdpx');
  return planImport(opened.project, {
    archive: 'in.qdpx',
    qde: opened.qde,
    readInternal: opened.readInternal,
    knownSpeakers: SPEAKERS,
    resolveSpeaker,
    takenNames: new Set(),
    languages: ['id', 'en'],
    codebookVersion: '1',
  });
}

/** Every planned source's units and every planned coding lie inside the source's text. */
function expectPlanInside(plan: ImportPlan): void {
  for (const source of plan.sources) expectUnitsInside(source.built);
  for (const c of plan.codings) {
    const source = plan.sources[c.source]!;
    expect(0 <= c.start && c.start <= c.end && c.end <= countCodePoints(source.built.text)).toBe(true);
    const turn = source.built.turns.find((t) => t.index === c.turn)!;
    expect(turn.start <= c.start && c.end <= turn.end).toBe(true);
  }
}

const key = (c: { source: number; start: number; end: number; code: string; coder: string }): string => `${c.source}:${c.start}:${c.end}:${c.code}:${c.coder}`;

describe('fuzz: REFI-QDA import', () => {
  it('export → import gives back the same texts, and the same coded spans by the same coders', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.property(snapshotArb, (snapshot) => {
        const { qde, files } = exportQdpx(snapshot);
        const plan = importQdpx(zip(qde, files));
        expect(plan.sources.map((s) => s.built.text)).toEqual(snapshot.sources.map((s) => s.text));
        expectPlanInside(plan);
        const wanted = snapshot.codings.map((c) => key({ ...c, source: c.sourceId - 1 })).sort();
        expect(plan.codings.map(key).sort()).toEqual(wanted);
        for (const c of plan.codings) {
          const text = sliceCodePoints(plan.sources[c.source]!.built.text, c.start, c.end);
          expect(text).toBe(sliceCodePoints(snapshot.sources[c.source]!.text, c.start, c.end));
        }
      }),
    );
  });

  const exported = fc.sample(snapshotArb, { numRuns: 12, seed: 42 }).map(exportQdpx);

  it('an edited project.qde: only InputError, placed inside the XML; a plan keeps everything inside the texts', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.property(fc.nat({ max: exported.length - 1 }).chain((i) => fc.tuple(fc.constant(i), mutatedText([exported[i]!.qde]))), ([i, edited]) => {
        const result = settle(() => importQdpx(zip(edited, exported[i]!.files)));
        if ('error' in result) {
          const error = result.error as InputError;
          // XML makes CR and CRLF line ends LF before it counts lines.
          if (error.location.file === 'in.qdpx:project.qde') expectPlaceInside(error, edited.replace(/\r\n?/g, '\n'));
          return;
        }
        expectPlanInside(result.value);
      }),
    );
  });

  it('selection positions set to anything: only InputError at the selection; a plan keeps codings inside the texts', { timeout: FUZZ_TIMEOUT }, async () => {
    const position = fc.oneof(fc.integer({ min: -3, max: 400 }).map(String), fc.constantFrom('', ' 7 ', '+3', '1e3', '0x10', '99999999999999999999', '-0', '3.5', 'NaN'));
    await checkProperty(
      fc.property(fc.nat({ max: exported.length - 1 }), fc.infiniteStream(position), fc.constantFrom(1, 2) as fc.Arbitrary<1 | 2>, (i, positions, crlf) => {
        const { qde, files } = exported[i]!;
        const edited = qde.replace(/(start|end)Position="[^"]*"/g, (_, side: string) => `${side}Position="${positions.next().value}"`);
        const opened = settle(() => readQdpx(zip(edited, files), 'in.qdpx'));
        if ('error' in opened) {
          expectPlaceInside(opened.error as InputError, edited);
          return;
        }
        const result = settle(() => planImport(opened.value.project, { archive: 'in.qdpx', qde: opened.value.qde, crlf, readInternal: opened.value.readInternal, knownSpeakers: SPEAKERS, resolveSpeaker, takenNames: new Set(), languages: ['id', 'en'], codebookVersion: '1' }));
        if ('error' in result) expectPlaceInside(result.error as InputError, edited);
        else expectPlanInside(result.value);
      }),
    );
  });

  it('an edited source text file: only InputError; a plan keeps everything inside the texts', { timeout: FUZZ_TIMEOUT }, async () => {
    const picked = fc.nat({ max: exported.length - 1 }).chain((i) => fc.nat({ max: exported[i]!.files.size - 1 }).chain((f) => fc.tuple(fc.constant(i), fc.constant(f), mutatedText([[...exported[i]!.files.values()][f]!]))));
    await checkProperty(
      fc.property(picked, ([i, f, text]) => {
        const { qde, files } = exported[i]!;
        const edited = new Map(files).set([...files.keys()][f]!, text);
        const result = settle(() => importQdpx(zip(qde, edited)));
        if ('value' in result) expectPlanInside(result.value);
      }),
    );
  });

  it('edited archive bytes: only InputError', { timeout: FUZZ_TIMEOUT }, async () => {
    const archives = exported.slice(0, 6).map(({ qde, files }) => zip(qde, files));
    await checkProperty(
      fc.property(mutatedBytes(archives), (bytes) => {
        const result = settle(() => importQdpx(bytes));
        if ('value' in result) expectPlanInside(result.value);
      }),
    );
  });

  it('an edited .qdc codebook: only InputError inside the XML; codes it reads make a codebook', { timeout: FUZZ_TIMEOUT }, async () => {
    const dir = join(REFERENCE, 'refi-qda/examples');
    const seeds = ['refi-qda-1.5-spec-annexA1-codebook.qdc', 'atlasti-23.4-codebook.qdc', 'atlasti-23.4-codebook-truncated-cs.qdc'].map((f) => readFileSync(join(dir, f), 'utf8'));
    await checkProperty(
      // A file's text is decoded from UTF-8 and so holds no lone surrogate (saxes miscounts lines after one).
      fc.property(mutatedText(seeds).map((s) => new TextDecoder().decode(new TextEncoder().encode(s))), (xml) => {
        const result = settle(() => readCodebookTree(parseXmlTree(xml, 'c.qdc'), 'c.qdc'));
        if ('error' in result) {
          expect((result.error as InputError).location.file).toBe('c.qdc');
          expectPlaceInside(result.error as InputError, xml.replace(/\r\n?/g, '\n'));
          return;
        }
        const made = codebookFromRefi(result.value.codes, { name: 'Imported', version: '1', languages: ['id', 'en'], from: 'c.qdc' }, result.value.sets);
        expect(made.idByGuid.size).toBeLessThanOrEqual(made.codes);
      }),
    );
  });
});
