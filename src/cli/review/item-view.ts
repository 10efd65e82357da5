/**
 * What the screen shows for one queue item, gathered from the store and the codebook: the unit inside
 * its turn, the turns before and after, the proposed code and why the auto-coder proposed it.
 */
import type { AutoCoder } from '../../core/coding/auto-coder.js';
import type { Codebook, CodeDef } from '../../core/codebook/types.js';
import type { Stemmers } from '../../core/coding/stemmers.js';
import { findTermRanges, type TextRange } from '../../core/review/find-term-ranges.js';
import type { ReviewItem } from '../../core/review/review-item.js';
import { formatSegment } from '../../core/segment-address.js';
import { CodePointSlicer } from '../../core/text/code-point-slicer.js';
import { formatMediaTime } from '../../core/transcript/build-source.js';
import type { Turn } from '../../core/model.js';
import type { Db } from '../../store/open.js';
import { listCoderCodesOn } from '../../store/review.js';
import { loadSource, type StoredSource } from '../../store/sources.js';
import { ProjectError } from '../../errors.js';

/** A turn as the screen shows it. */
export interface TurnView {
  index: number;
  time: string | null;
  speaker: string | null;
  participant: string | null;
  role: 'participant' | 'interviewer' | null;
  text: string;
}

/** The turn holding the unit, split around it, with the marked stretches of the unit (UTF-16 offsets into `unit`). */
export interface FocusView extends TurnView {
  before: string;
  unit: string;
  after: string;
  marks: TextRange[];
}

/** The proposal's code and the reason it was proposed. */
export interface ProposalView {
  code: string;
  origin: 'auto' | 'suggested';
  confidence: number | null;
  label: string;
  definition: string;
  /** Terms the current codebook's coder found for this code in the unit; empty when it finds none now. */
  terms: string[];
  /** The stored evidence text. */
  evidence: string;
}

/** Everything on screen for one item. */
export interface ItemView {
  source: { name: string; type: string; date: string | null; site: string | null };
  address: string;
  previous: TurnView | null;
  focus: FocusView;
  next: TurnView | null;
  proposal: ProposalView | null;
  /** Codes the reviewer has on this unit. */
  yours: string[];
}

/** Builds item views, keeping the last source loaded (the queue is in source order). */
export class ItemViews {
  private cached: { source: StoredSource; slicer: CodePointSlicer } | null = null;
  private readonly codes: Map<string, CodeDef>;

  constructor(
    private readonly db: Db,
    codebook: Codebook,
    private readonly coder: AutoCoder,
    private readonly stemmers: Stemmers,
    private readonly reviewer: string,
  ) {
    this.codes = new Map(codebook.codes.map((c) => [c.id, c]));
  }

  /** The view of `item` as the store holds it now. */
  viewOf(item: ReviewItem): ItemView {
    const { source, slicer } = this.sourceOf(item.source);
    const at = source.turns.findIndex((t) => t.index === item.turn);
    const turn = source.turns[at];
    if (!turn) throw vanished(item.source);
    const turnView = (t: Turn | undefined): TurnView | null =>
      t ? { index: t.index, time: t.startMs === null ? null : formatMediaTime(t.startMs), speaker: t.speaker, participant: t.participant, role: t.role, text: slicer.slice(t.start, t.end) } : null;
    const unit = slicer.slice(item.unitStart, item.unitEnd);
    const focus: FocusView = {
      ...turnView(turn)!,
      before: slicer.slice(turn.start, item.unitStart),
      unit,
      after: slicer.slice(item.unitEnd, turn.end),
      marks: [],
    };
    let proposal: ProposalView | null = null;
    if (item.kind === 'proposal') {
      const def = this.codes.get(item.code);
      const match = this.coder.code(unit).find((m) => m.code === item.code);
      const unitSlicer = new CodePointSlicer(unit);
      const stored = { start: unitSlicer.toUtf16(item.start - item.unitStart), end: unitSlicer.toUtf16(item.end - item.unitStart) };
      focus.marks = match ? findTermRanges(unit, match.terms, this.stemmers, match) : findTermRanges(unit, [], this.stemmers, stored);
      proposal = {
        code: item.code,
        origin: item.origin,
        confidence: item.confidence,
        label: this.labelOf(item.code),
        definition: def ? (def.definition.trim().split('\n')[0] ?? '') : '',
        terms: match?.terms ?? [],
        evidence: slicer.slice(item.start, item.end),
      };
    }
    return {
      source: { name: source.name, type: source.type, date: source.date, site: source.site },
      address: formatSegment(item.turn, item.sentence),
      previous: turnView(source.turns[at - 1]),
      focus,
      next: turnView(source.turns[at + 1]),
      proposal,
      yours: listCoderCodesOn(this.db, item.segmentId, this.reviewer),
    };
  }

  /** The label of a code in the codebook, or '' when it is not there. */
  labelOf(code: string): string {
    const def = this.codes.get(code);
    // A plain-string label is stored once per language; show it once.
    return def ? [...new Set(Object.values(def.label).filter(Boolean))].join(' · ') : '';
  }

  private sourceOf(name: string): { source: StoredSource; slicer: CodePointSlicer } {
    if (this.cached?.source.name !== name) {
      const source = loadSource(this.db, name);
      if (!source) throw vanished(name);
      this.cached = { source, slicer: new CodePointSlicer(source.text) };
    }
    return this.cached;
  }
}

function vanished(source: string): ProjectError {
  return new ProjectError(`the source ${source} was replaced or removed while you were reviewing it`, {
    hint: 'Your decisions so far are saved; start `telaah review` again to go on',
  });
}
