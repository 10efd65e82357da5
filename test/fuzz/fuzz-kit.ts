/**
 * What the fuzz properties share: how many runs (TELAAH_FUZZ_RUNS; small in `npm test`, 10,000 in
 * `npm run fuzz`), how to replay a failure (TELAAH_FUZZ_SEED and TELAAH_FUZZ_PATH, as fast-check prints
 * them), the rule that only the project's own errors may escape a reader, and inputs made by mutating
 * real files rather than only random bytes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { countCodePoints, sliceCodePoints } from '../../src/core/text/code-points.js';
import { InputError, ProjectError } from '../../src/errors.js';

/** Runs per property: TELAAH_FUZZ_RUNS, else a count that keeps `npm test` fast. */
export const FUZZ_RUNS = positive(process.env.TELAAH_FUZZ_RUNS) ?? 150;

/** Long enough for FUZZ_RUNS runs of the slowest reader (mammoth on a .docx) on a busy machine. */
export const FUZZ_TIMEOUT = Math.max(60_000, FUZZ_RUNS * 200);

/** fast-check's parameters: the run count, and the seed and path of a failure to replay. */
export function fuzzParams<T>(): fc.Parameters<T> {
  const seed = process.env.TELAAH_FUZZ_SEED;
  const path = process.env.TELAAH_FUZZ_PATH;
  return {
    numRuns: FUZZ_RUNS,
    ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
    ...(path !== undefined && path !== '' ? { path } : {}),
  };
}

/** Runs per fast-check call: between calls the worker gets its event loop back (vitest's RPC times out otherwise). */
const CHUNK = 200;

/**
 * Checks `property` FUZZ_RUNS times, in chunks of CHUNK runs with a fresh random seed each (a failure
 * prints that chunk's seed and path); with TELAAH_FUZZ_SEED and TELAAH_FUZZ_PATH, replays that one case.
 */
export async function checkProperty<Ts>(property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>): Promise<void> {
  const params = fuzzParams<Ts>();
  if (params.seed !== undefined) {
    await fc.assert(property as fc.IAsyncProperty<Ts>, params);
    return;
  }
  for (let done = 0; done < FUZZ_RUNS; done += CHUNK) {
    await fc.assert(property as fc.IAsyncProperty<Ts>, { numRuns: Math.min(CHUNK, FUZZ_RUNS - done) });
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** The folder of the repository and of the shared reference files next to it. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const REFERENCE = fileURLToPath(new URL('../../../shared/reference/', import.meta.url));

/** Files under `dir` (recursively) whose names end in one of `exts`, read as bytes, in a stable order. */
export function filesUnder(dir: string, exts: readonly string[]): { path: string; bytes: Buffer }[] {
  const out: { path: string; bytes: Buffer }[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (exts.some((e) => name.toLowerCase().endsWith(e))) out.push({ path, bytes: readFileSync(path) });
    }
  };
  walk(dir);
  return out;
}

/** Text of the files under `dirs` with those extensions. */
export function textsUnder(dirs: readonly string[], exts: readonly string[]): string[] {
  return dirs.flatMap((d) => filesUnder(d, exts).map((f) => f.bytes.toString('utf8')));
}

/**
 * Runs `fn`; an InputError (or, when `project` is true, a ProjectError) is an accepted answer and is
 * returned, anything else thrown (TypeError, RangeError, a bare Error) fails the property.
 */
export function settle<T>(fn: () => T, options: { project?: boolean } = {}): { value: T } | { error: InputError | ProjectError } {
  try {
    return { value: fn() };
  } catch (error) {
    if (error instanceof InputError || (options.project && error instanceof ProjectError)) return { error };
    throw error;
  }
}

/** settle() for async readers. */
export async function settleAsync<T>(fn: () => Promise<T>): Promise<{ value: T } | { error: InputError }> {
  try {
    return { value: await fn() };
  } catch (error) {
    if (error instanceof InputError) return { error };
    throw error;
  }
}

/**
 * Throws unless the error's line:col (when it has them) lies inside `text`: 1 <= line <= lines, and
 * 1 <= col <= the line's length in code points + 1 (just past its end, where a missing thing goes).
 */
export function expectPlaceInside(error: InputError, text: string, what = 'error'): void {
  const { line, col } = error.location;
  if (line === undefined) return;
  const lines = text.split('\n');
  if (!(Number.isInteger(line) && line >= 1 && line <= Math.max(1, lines.length))) {
    throw new Error(`${what} line ${line} is outside the input's ${lines.length} lines: ${error.format()}`);
  }
  if (col === undefined) return;
  const length = [...lines[line - 1]!.replace(/\r$/, '')].length;
  if (!(Number.isInteger(col) && col >= 1 && col <= length + 2)) {
    throw new Error(`${what} column ${col} is outside line ${line} (${length} characters): ${error.format()}`);
  }
}

/** Bits of syntax the readers care about, and characters that break naive code. */
export const TOKENS = [
  '\n', '\n\n', '\r\n', '\r', '\t', ' ', ':', ': ', ',', ';', '"', "'", '""', '-->', ' --> ', '00:00:01.000 --> 00:00:02.000',
  '00:00:01,000 --> 00:00:02,000', '99:99:99.999', '1\n', 'WEBVTT', 'WEBVTT\n\n', 'NOTE ', 'STYLE', 'REGION', '<v Ana>', '</v>', '<b>', '</i>',
  '<c.loud>', '<00:00:01.500>', '&amp;', '&lt;', '&#', '&nbsp;', '---', '---\n', 'type: interview\n', 'participants: [A, B]\n', 'date: 2024-13-45\n',
  'Pewawancara:', 'PEWAWANCARA: ', 'Ibu Sari: ', 'R1:', 'I: ', '[00:01:02] ', '[1:2:3]', '(00:01)', '# ', '## Judul\n', '- ', '* ', '> ', '| ',
  '{', '}', '[', ']', '<', '>', '&', '*', '\\', '/', '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\uFEFF', '\uFFFD', '\uD800',
  '\uDC00', '\uD83D\uDE00', 'e\u0301', '\u0301', 'Ä', '\u200B', '\u200D', '\u202E', '\u3000', 'ﬁ', 'İ', 'ß', '…', '’', '“', '.', '. ', '?', '!', '...',
  'Bu. Siti', 'dll.', 'Dr.', '0', '-1', '1e999', 'NaN', 'null', 'true', '~', '&a', '*a', '!!binary', '%YAML 1.2\n', '? ', '|-\n', '>\n', '#comment',
];

/** One edit of a text: what it does and where (positions are taken modulo the text's length). */
type Edit =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number; to: number }
  | { op: 'swap-lines'; a: number; b: number }
  | { op: 'truncate'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8, unit: 'binary' })) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
);

/** `text` after `edits` (UTF-16 positions, so an edit may split a surrogate pair: that is wanted). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let s = text;
  for (const e of edits) {
    const n = s.length;
    const at = (i: number): number => (n === 0 ? 0 : i % (n + 1));
    switch (e.op) {
      case 'insert':
        s = s.slice(0, at(e.at)) + e.text + s.slice(at(e.at));
        break;
      case 'delete':
        s = s.slice(0, at(e.at)) + s.slice(at(e.at) + e.length);
        break;
      case 'duplicate': {
        const piece = s.slice(at(e.at), at(e.at) + e.length);
        s = s.slice(0, at(e.to)) + piece + s.slice(at(e.to));
        break;
      }
      case 'swap-lines': {
        const lines = s.split('\n');
        const a = e.a % lines.length;
        const b = e.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        s = lines.join('\n');
        break;
      }
      case 'truncate':
        s = s.slice(0, at(e.at));
        break;
    }
  }
  return s;
}

/** Texts made from `seeds` by a few edits, random text built of TOKENS, or plain random text. */
export function mutatedText(seeds: readonly string[], options: { maxEdits?: number } = {}): fc.Arbitrary<string> {
  const fromSeed = fc
    .tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: options.maxEdits ?? 6 }))
    .map(([seed, edits]) => applyEdits(seed, edits));
  const tokens = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join(''));
  return fc.oneof({ weight: 6, arbitrary: fromSeed }, { weight: 2, arbitrary: tokens }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) });
}

/** Bytes of one edit: flip a byte, insert or delete some, cut the tail. */
type ByteEdit = { op: 'set'; at: number; value: number } | { op: 'insert'; at: number; bytes: Uint8Array } | { op: 'delete'; at: number; length: number } | { op: 'truncate'; at: number };

const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

/** `bytes` after `edits`. */
export function applyByteEdits(bytes: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  let b = Buffer.from(bytes);
  for (const e of edits) {
    const at = b.length === 0 ? 0 : e.at % (b.length + 1);
    if (e.op === 'set') {
      if (b.length > 0) b[at % b.length] = e.value;
    } else if (e.op === 'insert') b = Buffer.concat([b.subarray(0, at), e.bytes, b.subarray(at)]);
    else if (e.op === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + e.length)]);
    else b = b.subarray(0, at);
  }
  return new Uint8Array(b);
}

/** Byte strings made from `seeds` by a few byte edits, or random bytes. */
export function mutatedBytes(seeds: readonly Uint8Array[], options: { maxEdits?: number } = {}): fc.Arbitrary<Uint8Array> {
  const fromSeed = fc
    .tuple(fc.constantFrom(...seeds), fc.array(byteEdit, { minLength: 1, maxLength: options.maxEdits ?? 4 }))
    .map(([seed, edits]) => applyByteEdits(seed, edits));
  return fc.oneof({ weight: 5, arbitrary: fromSeed }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) });
}


/** Where a built source's units claim to be; throws when any lies outside the text or says other words. */
export function expectUnitsInside(built: { text: string; turns: readonly { index: number; start: number; end: number; sentences: readonly { start: number; end: number }[] }[] }, claimed?: readonly string[]): void {
  const length = countCodePoints(built.text);
  let previous = 0;
  built.turns.forEach((turn, i) => {
    if (!(Number.isSafeInteger(turn.start) && 0 <= turn.start && turn.start <= turn.end && turn.end <= length)) {
      throw new Error(`turn ${turn.index} is ${turn.start}-${turn.end}, outside the text of ${length} code points`);
    }
    if (turn.start < previous) throw new Error(`turn ${turn.index} starts at ${turn.start}, before the previous turn's end ${previous}`);
    previous = turn.end;
    if (claimed && sliceCodePoints(built.text, turn.start, turn.end) !== claimed[i]) {
      throw new Error(`turn ${turn.index} slices to ${JSON.stringify(sliceCodePoints(built.text, turn.start, turn.end))}, not ${JSON.stringify(claimed[i])}`);
    }
    let at = turn.start;
    for (const s of turn.sentences) {
      if (!(at <= s.start && s.start <= s.end && s.end <= turn.end)) {
        throw new Error(`a sentence of turn ${turn.index} is ${s.start}-${s.end}, outside its turn ${turn.start}-${turn.end} or before the previous sentence`);
      }
      at = s.end;
    }
  });
}
