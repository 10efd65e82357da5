/**
 * Every text reader ingest uses (plain text and Markdown speaker transcripts, notes and documents as
 * paragraphs, WebVTT, SubRip, CSV transcripts and tables), fed real files after a few edits: only an
 * InputError placed in the file may escape, warnings point inside the file, and the laid-out source's
 * turns and sentences sit inside its text and slice to the words they claim.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { compilePseudonymizer } from '../../src/core/pseudonymize.js';
import { canonicalizeText } from '../../src/core/text/canonical.js';
import { buildSource } from '../../src/core/transcript/build-source.js';
import { prepareSource } from '../../src/core/transcript/prepare-source.js';
import { compileSpeakerResolver } from '../../src/core/transcript/speakers.js';
import { SOURCE_TYPES } from '../../src/core/transcript/types.js';
import type { InputFile } from '../../src/io/collect-files.js';
import { decodeBytes } from '../../src/io/decode.js';
import { readPseudonymMap } from '../../src/io/read-pseudonym-map.js';
import { readSourceFile } from '../../src/io/read-source-file.js';
import { expectPlaceInside, expectUnitsInside, filesUnder, FUZZ_TIMEOUT, fuzzParams, mutatedBytes, mutatedText, REFERENCE, REPO, settle, settleAsync } from './fuzz-kit.js';

const SAMPLES = join(REPO, 'samples/bpjs-medan');
const FIXTURES = join(REPO, 'test/fixtures');
const seeds = (exts: string[]): string[] =>
  [SAMPLES, FIXTURES, join(REFERENCE, 'transcripts'), join(REFERENCE, 'subtitles')].flatMap((d) => filesUnder(d, exts).map((f) => f.bytes.toString('utf8')));
const TEXT_SEEDS = seeds(['.txt', '.md']);
const VTT_SEEDS = seeds(['.vtt']);
const SRT_SEEDS = seeds(['.srt']);
const CSV_SEEDS = seeds(['.csv']);

const pseudonymizer = compilePseudonymizer(readPseudonymMap(join(SAMPLES, 'pseudonyms.csv')));
const resolveSpeaker = compileSpeakerResolver({ interviewerLabels: ['Pewawancara', 'Interviewer', 'P', 'Moderator'], speakerMap: new Map(), pseudonyms: ['Sumiati', 'Darto', 'Rudi'] });
const DISPLAY = 'in';

/** Reads `bytes` as a file with extension `ext` and checks everything the reader and the layout promise. */
async function readAndCheck(bytes: Uint8Array, ext: string, type: (typeof SOURCE_TYPES)[number] | undefined, strict: boolean): Promise<void> {
  const file: InputFile = { path: `/nowhere/${DISPLAY}${ext}`, display: `${DISPLAY}${ext}`, folders: [], explicit: true };
  // Places count lines of the text the readers parse (canonical: CR and CRLF are line ends); a file
  // decoding refuses has no such text: its places count lines of the raw bytes the same way.
  const decoded = settle(() => decodeBytes(bytes, file.display));
  const canonical = canonicalizeText('value' in decoded ? decoded.value.text : Buffer.from(bytes).toString('latin1'));
  const result = await settleAsync(() => readSourceFile(file, Buffer.from(bytes), { type, strict, knownSpeakers: ['Sumiati', 'Pewawancara'], columns: {} }));
  if ('error' in result) {
    if (result.error.location.file !== file.display) throw new Error(`the error does not name the file: ${result.error.format()}`);
    expectPlaceInside(result.error, canonical);
    return;
  }
  for (const warning of result.value.warnings) expectWarningInside(warning, file.display, canonical);
  const prepared = prepareSource(result.value.draft, { pseudonymizer, resolveSpeaker });
  const built = buildSource(prepared.turns);
  expectUnitsInside(built, prepared.turns.map((t) => t.text.trim()).filter((t) => t.length > 0));
}

/** A warning reads `FILE:LINE[:COL]: message` (the file once) or `FILE: message`, its place inside the text. */
function expectWarningInside(warning: string, display: string, text: string): void {
  if (!warning.startsWith(`${display}:`)) throw new Error(`a warning does not start with the file name: ${warning}`);
  const rest = warning.slice(display.length + 1);
  if (rest.trimStart().startsWith(`${display}:`)) throw new Error(`a warning names the file twice: ${warning}`);
  const m = /^(\d+)(?::(\d+))?: /.exec(rest);
  if (!m) return;
  const line = Number(m[1]);
  const col = m[2] === undefined ? undefined : Number(m[2]);
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) throw new Error(`a warning's line ${line} is outside the text's ${lines.length} lines: ${warning}`);
  if (col !== undefined && (col < 1 || col > [...lines[line - 1]!].length + 2)) throw new Error(`a warning's column ${col} is outside line ${line}: ${warning}`);
}

const typeArb = fc.constantFrom(undefined, ...SOURCE_TYPES);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('fuzz: source file readers', () => {
  it('plain text and Markdown: only InputError escapes, units stay inside the text', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(TEXT_SEEDS), fc.constantFrom('.txt', '.md'), typeArb, async (text, ext, type) => readAndCheck(utf8(text), ext, type, false)),
      fuzzParams(),
    );
  });

  it('WebVTT: only InputError escapes, units stay inside the text', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(VTT_SEEDS), fc.constantFrom('interview', 'fgd') as fc.Arbitrary<'interview' | 'fgd'>, fc.boolean(), async (text, type, strict) => readAndCheck(utf8(text), '.vtt', type, strict)),
      fuzzParams(),
    );
  });

  it('SubRip: only InputError escapes, units stay inside the text', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(SRT_SEEDS), fc.constantFrom('interview', 'fgd') as fc.Arbitrary<'interview' | 'fgd'>, fc.boolean(), async (text, type, strict) => readAndCheck(utf8(text), '.srt', type, strict)),
      fuzzParams(),
    );
  });

  it('CSV transcripts and tables: only InputError escapes, units stay inside the text', { timeout: FUZZ_TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(mutatedText(CSV_SEEDS), typeArb, async (text, type) => readAndCheck(utf8(text), '.csv', type, false)),
      fuzzParams(),
    );
  });

  it('any bytes under any text extension: decoding refuses with an InputError or reads', { timeout: FUZZ_TIMEOUT }, async () => {
    const byteSeeds = [...TEXT_SEEDS, ...VTT_SEEDS, ...SRT_SEEDS, ...CSV_SEEDS].slice(0, 40).map((s) => utf8(s.slice(0, 2000)));
    const encoded = [...byteSeeds, Buffer.from('\uFEFFPewawancara: Halo\r\nSumiati: Iya.', 'utf16le'), Buffer.from('Pewawancara: caf\xe9 \x92ok\x92', 'latin1')];
    await fc.assert(
      fc.asyncProperty(mutatedBytes(encoded), fc.constantFrom('.txt', '.md', '.vtt', '.srt', '.csv'), typeArb, async (bytes, ext, type) => readAndCheck(bytes, ext, type, false)),
      fuzzParams(),
    );
  });
});
