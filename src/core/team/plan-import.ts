/**
 * What `import codings` does with each line, decided before anything is written: every coding is
 * imported, already present, a conflict, not anchored, of an unknown source or of a code outside the
 * codebook — exactly one of these. Existing work is never changed: a coding a coder already has on a
 * segment stays as it is, and a different one from the file is reported.
 */
import { formatSegment } from '../segment-address.js';
import type { AnchorSegment, SourceAnchors } from './anchor-coding.js';
import type { TeamCoding } from './coding-line.js';

/** A coding the project already holds for a segment, code and coder. */
export interface HeldCoding {
  origin: string;
  memo: string | null;
  start: number;
  end: number;
}

/** One of the project's sources, as the import sees it. */
export interface ImportSource {
  /** Its name in this project. */
  name: string;
  anchors: SourceAnchors;
  /** The coding a coder has of a code on a segment (by segment id), if any. */
  held(segmentId: number, code: string, coder: string): HeldCoding | undefined;
  /** Whether the coder rejected the code on the segment (a human decision the import must not undo). */
  rejected(segmentId: number, code: string, coder: string): boolean;
}

/** A coding to write. */
export interface PlacedCoding {
  segmentId: number;
  coding: TeamCoding;
  start: number;
  end: number;
}

/** Where a reported coding is, in this project's names when it was found. */
export interface CodingPlace {
  source: string;
  segment: string;
  code: string;
  coder: string;
}

/** A coding of the file that differs from what the project holds. */
export interface ImportConflict extends CodingPlace {
  /** What differs: origin, memo, span (the evidence's offsets), or rejected (the coder rejected the code there). */
  differs: ('origin' | 'memo' | 'span' | 'rejected')[];
  here: { origin: string; memo: string | null } | null;
  file: { origin: string; memo: string | null };
}

/** What the import does. */
export interface ImportPlan {
  insert: PlacedCoding[];
  /** Of the inserted, how many were found by their words away from their offsets. */
  reanchored: number;
  alreadyPresent: number;
  conflicts: ImportConflict[];
  /** Codings whose words are not in this project's copy of their source. */
  notAnchored: (CodingPlace & { text: string })[];
  unknownSources: { source: string; sha256: string; codings: number }[];
  unknownCodes: { code: string; codings: number }[];
}

/** An empty plan, to add sources' plans to. */
export function emptyPlan(): ImportPlan {
  return { insert: [], reanchored: 0, alreadyPresent: 0, conflicts: [], notAnchored: [], unknownSources: [], unknownCodes: [] };
}

/** Splits the file's codings by code: those the codebook knows, and a count per code it does not. */
export function splitUnknownCodes(codings: readonly TeamCoding[], known: (code: string) => boolean, plan: ImportPlan): TeamCoding[] {
  const unknown = new Map<string, number>();
  const kept: TeamCoding[] = [];
  for (const c of codings) {
    if (known(c.code)) kept.push(c);
    else unknown.set(c.code, (unknown.get(c.code) ?? 0) + 1);
  }
  for (const [code, count] of [...unknown].sort(([a], [b]) => (a < b ? -1 : 1))) plan.unknownCodes.push({ code, codings: count });
  return kept;
}

/**
 * Plans one source's codings into `plan`. `source` undefined: the project has no such source. Codings
 * the file gives twice are one: the second is already present (or a conflict when it differs).
 */
export function planSource(codings: readonly TeamCoding[], source: ImportSource | undefined, plan: ImportPlan): void {
  if (codings.length === 0) return;
  if (!source) {
    plan.unknownSources.push({ source: codings[0]!.source, sha256: codings[0]!.sha256, codings: codings.length });
    return;
  }
  const placed = new Map<string, HeldCoding>();
  for (const c of codings) {
    const anchoring = source.anchors.place(c);
    if (!anchoring.placed) {
      plan.notAnchored.push({ source: source.name, segment: c.segment, code: c.code, coder: c.coder, text: c.text });
      continue;
    }
    const { segment } = anchoring;
    const key = `${segment.id}\u0000${c.code}\u0000${c.coder}`;
    const held = placed.get(key) ?? source.held(segment.id, c.code, c.coder);
    const incoming: HeldCoding = { origin: c.origin, memo: c.memo, start: anchoring.start, end: anchoring.end };
    const differs = held ? differences(held, incoming) : source.rejected(segment.id, c.code, c.coder) ? (['rejected'] as const) : [];
    if (differs.length > 0) {
      plan.conflicts.push({ ...placeOf(source, segment, c), differs: [...differs], here: held ? { origin: held.origin, memo: held.memo } : null, file: { origin: c.origin, memo: c.memo } });
    } else if (held) plan.alreadyPresent += 1;
    else {
      placed.set(key, incoming);
      plan.insert.push({ segmentId: segment.id, coding: c, start: anchoring.start, end: anchoring.end });
      if (anchoring.moved) plan.reanchored += 1;
    }
  }
}

function placeOf(source: ImportSource, segment: AnchorSegment, c: TeamCoding): CodingPlace {
  return { source: source.name, segment: formatSegment(segment.turn, segment.sentence), code: c.code, coder: c.coder };
}

function differences(here: HeldCoding, file: HeldCoding): ('origin' | 'memo' | 'span')[] {
  const differs: ('origin' | 'memo' | 'span')[] = [];
  if (here.origin !== file.origin) differs.push('origin');
  if ((here.memo ?? '') !== (file.memo ?? '')) differs.push('memo');
  if (here.start !== file.start || here.end !== file.end) differs.push('span');
  return differs;
}
