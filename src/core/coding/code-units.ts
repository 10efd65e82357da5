/**
 * Codes a source's units where they lie in its text (no unit is sliced out) and packs the codings as
 * numbers, so that a worker thread can hand them over in a few transferable arrays. Offsets are turned
 * back into code points of the source text as `code auto` stores them: the unit's own start plus the
 * code points between it and the evidence (the same count as on the unit's slice).
 */
import { countCodePoints, hasOnlyBmp } from '../text/code-points.js';
import { createAutoSpans, type AutoCoder, type AutoSpans } from './auto-coder.js';

/** The units to code: bounds as code points (stored) and as UTF-16 offsets into `text`, entries below `count`. */
export interface UnitsToCode {
  text: string;
  count: number;
  segmentIds: Int32Array;
  starts: Int32Array;
  from16: Int32Array;
  to16: Int32Array;
  /** Whether `text` has no surrogates, when the reader knows (else it is tested here). */
  bmp?: boolean;
}

/** Codings as parallel arrays (entries below `count`): segment, code (index into the coder's codeIds), evidence in code points. */
export interface PackedCodings {
  count: number;
  segmentIds: Int32Array;
  codes: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

/** An empty PackedCodings that grows as codings are added. */
export function createPackedCodings(capacity = 1024): PackedCodings {
  return { count: 0, segmentIds: new Int32Array(capacity), codes: new Int32Array(capacity), starts: new Int32Array(capacity), ends: new Int32Array(capacity) };
}

/** The first `count` entries, in arrays of their own (to send to another thread). */
export function trimPackedCodings(packed: PackedCodings): PackedCodings {
  const n = packed.count;
  return { count: n, segmentIds: packed.segmentIds.slice(0, n), codes: packed.codes.slice(0, n), starts: packed.starts.slice(0, n), ends: packed.ends.slice(0, n) };
}

function grow(packed: PackedCodings, needed: number): void {
  let size = packed.segmentIds.length;
  while (size < needed) size *= 2;
  for (const key of ['segmentIds', 'codes', 'starts', 'ends'] as const) {
    const grown = new Int32Array(size);
    grown.set(packed[key].subarray(0, packed.count));
    packed[key] = grown;
  }
}

/** Reused between calls in this thread: codeSpans writes over it. */
const spans: AutoSpans = createAutoSpans();

/** Codes every unit and appends the codings to `out` in unit order, each unit's in codebook order; returns how many were added. */
export function codeUnits(coder: AutoCoder, units: UnitsToCode, out: PackedCodings): number {
  const { text, segmentIds, starts, from16, to16 } = units;
  // Without surrogates a UTF-16 offset is the code point offset.
  const bmp = units.bmp ?? hasOnlyBmp(text);
  const before = out.count;
  for (let k = 0; k < units.count; k++) {
    const from = from16[k]!;
    coder.codeSpans(text, from, to16[k]!, spans);
    const found = spans.count;
    if (found === 0) continue;
    if (out.count + found > out.segmentIds.length) grow(out, out.count + found);
    for (let m = 0; m < found; m++) {
      const at = out.count++;
      const s16 = spans.starts[m]!;
      const e16 = spans.ends[m]!;
      out.segmentIds[at] = segmentIds[k]!;
      out.codes[at] = spans.codes[m]!;
      if (bmp) {
        out.starts[at] = s16;
        out.ends[at] = e16;
      } else {
        const start = starts[k]! + countCodePoints(text, from, s16);
        out.starts[at] = start;
        out.ends[at] = start + countCodePoints(text, s16, e16);
      }
    }
  }
  return out.count - before;
}
