/**
 * The overview `telaah stats` opens with: sources per type (turns, words, media time), turns by who
 * speaks, participants per group and category, and codings per origin and coder. Pure: the store reads
 * the rows, this adds them up.
 */
import { SOURCE_TYPES, type SourceType } from '../transcript/types.js';
import { compareOrigins, type CodingColumns } from './coding-columns.js';

/** A source as the overview needs it. */
export interface OverviewSource {
  id: number;
  type: SourceType;
  turns: number;
  words: number;
}

/** Turns of one source spoken in one role by one participant (null: no participant), with the latest media time among them. */
export interface TurnGroup {
  source: number;
  role: 'participant' | 'interviewer' | null;
  participant: number | null;
  turns: number;
  /** The latest end (or start, where no end is known) in ms; null when none of these turns has a time. */
  lastMs: number | null;
}

/** A participant with the two attributes the overview groups by. */
export interface OverviewParticipant {
  id: number;
  group: string | null;
  category: string | null;
}

/** Sources of one type (or of all, for the totals). */
export interface SourceTypeSummary {
  type: SourceType | 'total';
  sources: number;
  turns: number;
  words: number;
  /** Media minutes, each timed source counted from 0 to its last time stamp; null when no source has times. */
  mediaMinutes: number | null;
  /** Sources without any time stamp, whose length is unknown. */
  untimed: number;
}

/** Turns by who speaks them. */
export interface TurnSummary {
  total: number;
  participant: number;
  interviewer: number;
  /** Units of notes and documents, which have no speaker. */
  noSpeaker: number;
}

/** Participants with one group or category value. */
export interface PeopleRow {
  /** The group or category; null for participants without one. */
  value: string | null;
  participants: number;
  /** Those who speak at least one turn. */
  speaking: number;
  sources: number;
  turns: number;
}

/** Stored codings of one origin: those that stand, and the proposals a reviewer rejected. */
export interface OriginRow {
  origin: string;
  codings: number;
  rejected: number;
}

/** One coder's codings (rejected proposals left out) by origin, and the proposals they rejected in review. */
export interface CoderRow {
  coder: string;
  codings: number;
  origins: Record<string, number>;
  rejections: number;
}

/** What `telaah stats` says before the code table. */
export interface ProjectOverview {
  sources: SourceTypeSummary[];
  totals: SourceTypeSummary;
  turns: TurnSummary;
  participants: { total: number; groups: PeopleRow[]; categories: PeopleRow[] };
  codings: { origins: OriginRow[]; coders: CoderRow[] };
}

/** Everything the overview is made from. */
export interface OverviewInput {
  /** Source types to show (every type, or the one asked for). */
  types: readonly SourceType[];
  sources: readonly OverviewSource[];
  turnGroups: readonly TurnGroup[];
  participants: readonly OverviewParticipant[];
  codings: CodingColumns;
  /** Proposals each reviewer rejected. */
  rejections: ReadonlyMap<string, number>;
}

/** Adds up the overview. */
export function summarizeProject(input: OverviewInput): ProjectOverview {
  const lastMs = new Map<number, number>();
  const turns: TurnSummary = { total: 0, participant: 0, interviewer: 0, noSpeaker: 0 };
  for (const g of input.turnGroups) {
    if (g.lastMs !== null) lastMs.set(g.source, Math.max(lastMs.get(g.source) ?? 0, g.lastMs));
    turns.total += g.turns;
    if (g.role === 'participant') turns.participant += g.turns;
    else if (g.role === 'interviewer') turns.interviewer += g.turns;
    else turns.noSpeaker += g.turns;
  }
  const summary = (type: SourceType | 'total', sources: readonly OverviewSource[]): SourceTypeSummary => {
    const timed = sources.filter((s) => lastMs.has(s.id));
    const ms = timed.reduce((n, s) => n + lastMs.get(s.id)!, 0);
    return {
      type,
      sources: sources.length,
      turns: sources.reduce((n, s) => n + s.turns, 0),
      words: sources.reduce((n, s) => n + s.words, 0),
      mediaMinutes: timed.length ? Math.round(ms / 6000) / 10 : null,
      untimed: sources.length - timed.length,
    };
  };
  const shown = input.sources.filter((s) => input.types.includes(s.type));
  return {
    sources: SOURCE_TYPES.filter((t) => input.types.includes(t)).map((t) => summary(t, shown.filter((s) => s.type === t))),
    totals: summary('total', shown),
    turns,
    participants: {
      total: input.participants.length,
      groups: peopleBy(input.participants, input.turnGroups, (p) => p.group),
      categories: input.participants.some((p) => p.category !== null) ? peopleBy(input.participants, input.turnGroups, (p) => p.category) : [],
    },
    codings: tallyCodings(input.codings, input.rejections),
  };
}

/** Participants per value of `key`, with how much they speak; values in order, participants without one last. */
function peopleBy(participants: readonly OverviewParticipant[], turnGroups: readonly TurnGroup[], key: (p: OverviewParticipant) => string | null): PeopleRow[] {
  const valueOf = new Map(participants.map((p) => [p.id, key(p)]));
  const rows = new Map<string | null, { participants: number; speaking: Set<number>; sources: Set<number>; turns: number }>();
  const row = (value: string | null) => {
    let r = rows.get(value);
    if (!r) rows.set(value, (r = { participants: 0, speaking: new Set(), sources: new Set(), turns: 0 }));
    return r;
  };
  for (const p of participants) row(key(p)).participants++;
  for (const g of turnGroups) {
    if (g.participant === null || !valueOf.has(g.participant)) continue;
    const r = row(valueOf.get(g.participant)!);
    r.speaking.add(g.participant);
    r.sources.add(g.source);
    r.turns += g.turns;
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
    .map(([value, r]) => ({ value, participants: r.participants, speaking: r.speaking.size, sources: r.sources.size, turns: r.turns }));
}

/** Stored codings per origin and per coder. */
function tallyCodings(columns: CodingColumns, rejections: ReadonlyMap<string, number>): ProjectOverview['codings'] {
  const origins = columns.origins.map((origin) => ({ origin, codings: 0, rejected: 0 }));
  const coders = columns.coders.map((coder) => ({ coder, codings: 0, origins: {} as Record<string, number>, rejections: rejections.get(coder) ?? 0 }));
  for (let i = 0; i < columns.length; i++) {
    const origin = origins[columns.origin[i]!]!;
    if (columns.rejected[i] === 1) {
      origin.rejected++;
      continue;
    }
    origin.codings++;
    const coder = coders[columns.coder[i]!]!;
    coder.codings++;
    coder.origins[origin.origin] = (coder.origins[origin.origin] ?? 0) + 1;
  }
  for (const [coder, n] of rejections) if (!columns.coders.includes(coder)) coders.push({ coder, codings: 0, origins: {}, rejections: n });
  return {
    origins: origins.sort((a, b) => compareOrigins(a.origin, b.origin)),
    coders: coders.sort((a, b) => (a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : 0)),
  };
}
