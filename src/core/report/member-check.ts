/**
 * A member-check packet: what one participant said, source by source, with the codes people gave their
 * words, and the themes they contributed to, for them to read and correct. Built from stored text, which
 * is pseudonymized at ingest, so no real name can reach it; nobody else's words are in it.
 */
import { SOURCE_TYPES, type SourceType } from '../transcript/types.js';
import type { ReportLanguage } from './report-model.js';

/** A turn of the participant as the store gives it. */
export interface MemberTurnInput {
  source: string;
  sourceType: SourceType;
  /** The source's date (YYYY-MM-DD as stored), or null. */
  date: string | null;
  turn: number;
  startMs: number | null;
  text: string;
  /** Codes given to the turn or to one of its sentences, sorted, each once. */
  codes: string[];
}

/** A code of the codebook with its label in the packet's language. */
export interface MemberCode {
  id: string;
  parent: string | null;
  label: string;
  definition: string | null;
}

/** A code as the packet shows it: its label, and the label of the category it sits in. */
export interface MemberTheme {
  code: string;
  label: string;
  /** The label of the code's parent, or null for a top-level code. */
  category: string | null;
  definition: string | null;
  /** The participant's turns given the code, and the kinds of source they are in (in SOURCE_TYPES order). */
  turns: number;
  sourceTypes: SourceType[];
}

/** The packet. */
export interface MemberCheckPacket {
  language: ReportLanguage;
  participant: string;
  project: string;
  sources: {
    source: string;
    type: SourceType;
    date: string | null;
    turns: { turn: number; startMs: number | null; text: string; codes: { code: string; label: string }[] }[];
  }[];
  /** The codes the participant's turns were given, in codebook order (codes no longer in it last, by id). */
  themes: MemberTheme[];
}

/** Assembles the packet from the participant's turns (grouped by source in the order given). */
export function buildMemberCheck(input: { language: ReportLanguage; participant: string; project: string; turns: readonly MemberTurnInput[]; codes: readonly MemberCode[] }): MemberCheckPacket {
  const codeOf = new Map(input.codes.map((c) => [c.id, c]));
  const position = new Map(input.codes.map((c, i) => [c.id, i]));
  const labelOf = (id: string): string => codeOf.get(id)?.label ?? id;
  const sources: MemberCheckPacket['sources'] = [];
  const uses = new Map<string, { turns: number; types: Set<SourceType> }>();
  for (const t of input.turns) {
    let group = sources[sources.length - 1];
    if (!group || group.source !== t.source) sources.push((group = { source: t.source, type: t.sourceType, date: t.date, turns: [] }));
    group.turns.push({ turn: t.turn, startMs: t.startMs, text: t.text.trim(), codes: t.codes.map((code) => ({ code, label: labelOf(code) })) });
    for (const code of t.codes) {
      let use = uses.get(code);
      if (!use) uses.set(code, (use = { turns: 0, types: new Set() }));
      use.turns++;
      use.types.add(t.sourceType);
    }
  }
  const rank = (id: string): number => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  const themes = [...uses.keys()]
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((id) => {
      const code = codeOf.get(id);
      const use = uses.get(id)!;
      return {
        code: id,
        label: labelOf(id),
        category: code?.parent ? labelOf(code.parent) : null,
        definition: code?.definition ?? null,
        turns: use.turns,
        sourceTypes: SOURCE_TYPES.filter((type) => use.types.has(type)),
      };
    });
  return { language: input.language, participant: input.participant, project: input.project, sources, themes };
}
