/**
 * The CSV readers (the shared table parser, participants, pseudonym maps, speaker maps) and team coding
 * lines, fed real files after a few edits: only an InputError naming the file may escape, its line is in
 * the file, and what is returned keeps the readers' promises (no empty pseudonym, no name twice). Coding
 * lines also round-trip: a coding written by formatCodingLine reads back as itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCodingLine, LINE_ORIGINS, parseCodingLines, type TeamCoding } from '../../src/core/team/coding-line.js';
import { canonicalizeText } from '../../src/core/text/canonical.js';
import { InputError } from '../../src/errors.js';
import { parseCsvTable } from '../../src/io/read-csv-table.js';
import { readCodingLines } from '../../src/io/read-coding-lines.js';
import { readParticipants } from '../../src/io/read-participants.js';
import { readPseudonymMap } from '../../src/io/read-pseudonym-map.js';
import { readSpeakerMap } from '../../src/io/read-speaker-map.js';
import { checkProperty, expectPlaceInside, FUZZ_TIMEOUT, mutatedText, REFERENCE, REPO, settle, textsUnder } from './fuzz-kit.js';

const dir = mkdtempSync(join(tmpdir(), 'telaah-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CSV_SEEDS = textsUnder([join(REPO, 'samples'), join(REPO, 'test/fixtures'), join(REFERENCE, 'transcripts')], ['.csv']);
const SPEAKER_SEEDS = ['label,pseudonym\nSiti,Sumiati\nBu Darto,Darto\n', 'speaker;pseudonym\n"R1";"Rudi"\n', 'Label, Participant\nP,Pewawancara\n"Ibu ""Sari""",Sari\n'];

/** `text` written to a file of its own; the reader's path. */
function fileWith(text: string, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs a path reader on `text`: an InputError must name the file and a line inside it. */
function readFile<T>(text: string, name: string, read: (path: string) => T): T | undefined {
  const path = fileWith(text, name);
  const result = settle(() => read(path));
  if ('value' in result) return result.value;
  const error = result.error as InputError;
  expect(error.location.file).toBe(path);
  expectPlaceInside(error, canonicalizeText(text));
  return undefined;
}

const trimmed = (arb: fc.Arbitrary<string>): fc.Arbitrary<string> => arb.filter((s) => s.trim() === s && s !== '');
const codingArb: fc.Arbitrary<TeamCoding> = fc
  .record({
    source: trimmed(fc.string({ minLength: 1, maxLength: 20, unit: 'binary' })),
    sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
    segment: fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.option(fc.integer({ min: 1, max: 99 }))).map(([t, s]) => (s === null ? `${t}` : `${t}.${s}`)),
    start: fc.nat({ max: 1e9 }),
    length: fc.nat({ max: 1e6 }),
    code: trimmed(fc.string({ minLength: 1, maxLength: 30, unit: 'binary' })),
    coder: trimmed(fc.string({ minLength: 1, maxLength: 12 })),
    origin: fc.constantFrom(...LINE_ORIGINS),
    memo: fc.option(fc.string({ unit: 'binary', maxLength: 40 })),
    createdAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    text: fc.string({ unit: 'binary', maxLength: 60 }),
    confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  })
  .map(({ length, confidence, ...c }) => ({ ...c, end: c.start + length, ...(confidence === undefined ? {} : { confidence }) }));

describe('fuzz: tables and coding lines', () => {
  it('parseCsvTable: only InputError at a line of the file; rows start inside it', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.property(mutatedText(CSV_SEEDS), (text) => {
        const result = settle(() => parseCsvTable(text, 'f.csv'));
        if ('error' in result) {
          expect(result.error).toBeInstanceOf(InputError);
          expect((result.error as InputError).location.file).toBe('f.csv');
          expectPlaceInside(result.error as InputError, canonicalizeText(text));
          return;
        }
        const lines = canonicalizeText(text).split('\n').length;
        for (const row of result.value.rows) expect(row.line >= 1 && row.line <= lines).toBe(true);
      }),
    );
  });

  it('readParticipants: only InputError; pseudonyms non-empty and distinct, no empty attribute', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.property(mutatedText(CSV_SEEDS), (text) => {
        const participants = readFile(text, 'participants.csv', readParticipants);
        if (!participants) return;
        const keys = participants.map((p) => p.pseudonym.toLowerCase());
        expect(new Set(keys).size).toBe(keys.length);
        for (const p of participants) {
          expect(p.pseudonym.trim()).toBe(p.pseudonym);
          expect(p.pseudonym).not.toBe('');
          for (const value of Object.values(p.attributes)) expect(value).not.toBe('');
        }
      }),
    );
  });

  it('readPseudonymMap: only InputError; every entry has a real name and a pseudonym', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.property(mutatedText(CSV_SEEDS), (text) => {
        const entries = readFile(text, 'names.csv', readPseudonymMap);
        for (const e of entries ?? []) {
          expect(e.realName).not.toBe('');
          expect(e.pseudonym).not.toBe('');
          expect(e.variants.every((v) => v !== '')).toBe(true);
        }
      }),
    );
  });

  it('readPseudonymMap: a map written with any line ends, delimiter and quoting reads back as written', { timeout: FUZZ_TIMEOUT }, async () => {
    const name = fc.stringMatching(/^[A-Z][a-z]{2,7}( [A-Z][a-z]{2,7})?$/);
    await checkProperty(
      fc.property(fc.uniqueArray(name, { minLength: 2, maxLength: 12, selector: (n) => n.toLowerCase() }), fc.constantFrom(',', ';', '\t'), fc.infiniteStream(fc.constantFrom('\n', '\r\n', '\r')), fc.boolean(), (names, delimiter, ends, quote) => {
        const half = Math.floor(names.length / 2);
        const entries = names.slice(0, half).map((realName, i) => ({ realName, pseudonym: names[half + i]!, variants: [] }));
        const cell = (s: string): string => (quote ? `"${s}"` : s);
        const text = [['real_name', 'pseudonym'], ...entries.map((e) => [e.realName, e.pseudonym])].map((row) => row.map(cell).join(delimiter) + ends.next().value).join('');
        expect(readPseudonymMap(fileWith(text, 'written.csv'))).toEqual(entries);
      }),
    );
  });

  it('readSpeakerMap: only InputError; labels and pseudonyms non-empty', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.property(mutatedText([...SPEAKER_SEEDS, ...CSV_SEEDS]), (text) => {
        const map = readFile(text, 'speakers.csv', readSpeakerMap);
        for (const [label, pseudonym] of map ?? []) expect(label !== '' && pseudonym !== '').toBe(true);
      }),
    );
  });

  it('coding lines: a written coding reads back as itself', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.property(fc.array(codingArb, { maxLength: 5 }), fc.boolean(), (codings, crlf) => {
        const text = codings.map(formatCodingLine).join(crlf ? '\r\n' : '\n');
        expect(parseCodingLines(text)).toEqual(codings);
      }),
    );
  });

  it('readCodingLines: only InputError at a line of the file', { timeout: FUZZ_TIMEOUT }, async () => {
    const seeds = fc.sample(fc.array(codingArb, { minLength: 1, maxLength: 4 }), { numRuns: 20, seed: 11 }).map((cs) => `${cs.map(formatCodingLine).join('\n')}\n`);
    await checkProperty(
      fc.property(mutatedText(seeds), (text) => {
        const path = fileWith(text, 'codings.jsonl');
        const result = settle(() => readCodingLines(path, 'codings.jsonl'));
        if ('value' in result) {
          for (const c of result.value) expect(c.start <= c.end).toBe(true);
          return;
        }
        expect((result.error as InputError).location.file).toBe('codings.jsonl');
        // The reader numbers LF lines (a CR alone is not a line end in JSON Lines).
        expectPlaceInside(result.error as InputError, text);
      }),
    );
  });
});
