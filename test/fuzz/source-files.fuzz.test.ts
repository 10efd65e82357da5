/**
 * Every text reader ingest uses (plain text and Markdown speaker transcripts, notes and documents as
 * paragraphs, WebVTT, SubRip, CSV transcripts and tables), fed real files after a few edits: only an
 * InputError placed in the file may escape, warnings point inside the file, and the laid-out source's
 * turns and sentences sit inside its text and slice to the words they claim. Word files are real .docx
 * files with one part edited (document.xml mostly) and re-zipped, small generated ones, and damaged bytes.
 */
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
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
import { checkProperty, expectPlaceInside, expectUnitsInside, filesUnder, FUZZ_TIMEOUT, mutatedBytes, mutatedText, REFERENCE, REPO, settle, settleAsync } from './fuzz-kit.js';

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
  const file: InputFile = { path: `/nowhere/${DISPLAY}${ext}`, display: `${DISPLAY}${ext}`, explicit: true };
  // Places count lines of the text the readers parse (canonical: CR and CRLF are line ends); a file
  // decoding refuses has no such text: its places count lines of the raw bytes the same way.
  const decoded = ext === '.docx' ? { value: { text: '' } } : settle(() => decodeBytes(bytes, file.display));
  const canonical = canonicalizeText('value' in decoded ? decoded.value.text : Buffer.from(bytes).toString('latin1'));
  const result = await settleAsync(() => readSourceFile(file, Buffer.from(bytes), { type, strict, knownSpeakers: ['Sumiati', 'Pewawancara'], columns: {} }));
  if ('error' in result) {
    if (result.error.location.file !== file.display) throw new Error(`the error does not name the file: ${result.error.format()}`);
    if (ext !== '.docx') expectPlaceInside(result.error, canonical);
    return;
  }
  // A .docx warning's "line" is a paragraph number, not a line of any text.
  if (ext !== '.docx') for (const warning of result.value.warnings) expectWarningInside(warning, file.display, canonical);
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
    await checkProperty(
      fc.asyncProperty(mutatedText(TEXT_SEEDS), fc.constantFrom('.txt', '.md'), typeArb, async (text, ext, type) => readAndCheck(utf8(text), ext, type, false)),
    );
  });

  it('WebVTT: only InputError escapes, units stay inside the text', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.asyncProperty(mutatedText(VTT_SEEDS), fc.constantFrom('interview', 'fgd') as fc.Arbitrary<'interview' | 'fgd'>, fc.boolean(), async (text, type, strict) => readAndCheck(utf8(text), '.vtt', type, strict)),
    );
  });

  it('SubRip: only InputError escapes, units stay inside the text', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.asyncProperty(mutatedText(SRT_SEEDS), fc.constantFrom('interview', 'fgd') as fc.Arbitrary<'interview' | 'fgd'>, fc.boolean(), async (text, type, strict) => readAndCheck(utf8(text), '.srt', type, strict)),
    );
  });

  it('CSV transcripts and tables: only InputError escapes, units stay inside the text', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.asyncProperty(mutatedText(CSV_SEEDS), typeArb, async (text, type) => readAndCheck(utf8(text), '.csv', type, false)),
    );
  });

  it('any bytes under any text extension: decoding refuses with an InputError or reads', { timeout: FUZZ_TIMEOUT }, async () => {
    const byteSeeds = [...TEXT_SEEDS, ...VTT_SEEDS, ...SRT_SEEDS, ...CSV_SEEDS].slice(0, 40).map((s) => utf8(s.slice(0, 2000)));
    const encoded = [...byteSeeds, Buffer.from('\uFEFFPewawancara: Halo\r\nSumiati: Iya.', 'utf16le'), Buffer.from('Pewawancara: caf\xe9 \x92ok\x92', 'latin1')];
    await checkProperty(
      fc.asyncProperty(mutatedBytes(encoded), fc.constantFrom('.txt', '.md', '.vtt', '.srt', '.csv'), typeArb, async (bytes, ext, type) => readAndCheck(bytes, ext, type, false)),
    );
  });

  const docxSeeds = [...filesUnder(SAMPLES, ['.docx']), ...filesUnder(join(REFERENCE, 'transcripts'), ['.docx'])].map((f) => unzipSync(f.bytes));

  it('Word: a real .docx with one part edited: only InputError, units stay inside the text', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.asyncProperty(fc.nat({ max: docxSeeds.length - 1 }), fc.nat(), fc.nat(), typeArb, async (i, pick, seed, type) => {
        const parts = docxSeeds[i]!;
        const names = Object.keys(parts);
        // document.xml most of the time: it holds the text; the other parts can break the reader too.
        const name = pick % 3 === 0 ? names[pick % names.length]! : 'word/document.xml';
        const edited = fc.sample(mutatedText([Buffer.from(parts[name]!).toString('utf8')]), { numRuns: 1, seed })[0]!;
        const files: Zippable = { ...parts, [name]: strToU8(edited) };
        await readAndCheck(zipSync(files), '.docx', type, false);
      }),
    );
  });

  it('Word: small generated .docx files, valid and not: only InputError, units stay inside the text', { timeout: FUZZ_TIMEOUT }, async () => {
    const run = fc.record({ bold: fc.boolean(), text: mutatedText(['Pewawancara: ', 'Sumiati: Iya, Bu.', 'kartu keluarga 😀', 'Ibu & <Siti>', '']) });
    const paragraph = fc.record({ heading: fc.boolean(), runs: fc.array(run, { minLength: 1, maxLength: 3 }) });
    const table = fc.array(fc.array(fc.constantFrom('type', 'interview', 'participants', 'Sumiati, Darto', 'date', '2024-01-02', '', 'x'), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
    const body = fc.array(fc.oneof({ weight: 5, arbitrary: paragraph }, { weight: 1, arbitrary: table }), { maxLength: 8 });
    await checkProperty(
      fc.asyncProperty(body, fc.boolean(), typeArb, async (blocks, dropPart, type) => {
        const parts = docxParts(blocks);
        if (dropPart) delete parts['word/_rels/document.xml.rels'];
        await readAndCheck(zipSync(parts), '.docx', type, false);
      }),
    );
  });

  it('Word: damaged .docx bytes: only InputError', { timeout: FUZZ_TIMEOUT }, async () => {
    const small = zipSync(docxParts([{ heading: false, runs: [{ bold: true, text: 'Pewawancara:' }, { bold: false, text: ' Sudah daftar?' }] }, { heading: false, runs: [{ bold: false, text: 'Sumiati: Belum.' }] }]));
    await checkProperty(
      fc.asyncProperty(mutatedBytes([small, ...filesUnder(SAMPLES, ['.docx']).map((f) => new Uint8Array(f.bytes))]), async (bytes) => readAndCheck(bytes, '.docx', 'interview', false)),
    );
  });
});

type Block = { heading: boolean; runs: { bold: boolean; text: string }[] } | string[][];

const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The parts of a minimal .docx holding `blocks` (text is escaped, but may hold anything else). */
function docxParts(blocks: readonly Block[]): Zippable {
  const para = (b: Exclude<Block, string[][]>): string =>
    `<w:p>${b.heading ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' : ''}${b.runs.map((r) => `<w:r>${r.bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xmlText(r.text)}</w:t></w:r>`).join('')}</w:p>`;
  const table = (rows: string[][]): string => `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc><w:p><w:r><w:t>${xmlText(c)}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
  const body = blocks.map((b) => (Array.isArray(b) ? table(b) : para(b))).join('');
  return {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/_rels/document.xml.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  };
}
