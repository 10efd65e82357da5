/**
 * `telaah search` for people: keyword in context, one line per hit (source, segment, speaker, then the
 * unit cut around its first match to fit the terminal), and the count line. Pure: colours come in as a
 * chalk instance, which colours nothing when colour is off; then matches are marked «like this».
 */
import type { ChalkInstance } from 'chalk';
import { visibleText } from '../core/text/visible-text.js';
import { displayWidth, truncate } from './text-layout.js';

/** What a line shows of a hit (a SearchHit of the store, or anything shaped like it). */
export interface KwicHit {
  source: string;
  segment: string;
  speaker: string | null;
  role: 'participant' | 'interviewer' | null;
  /** Offsets of `text` and of its matches, in code points of the same source text. */
  start: number;
  text: string;
  matches: readonly { start: number; end: number }[];
}

/** Widths of the columns before the text, the same for every line of a listing. */
export interface KwicLayout {
  source: number;
  segment: number;
  speaker: number;
}

const MAX_SOURCE = 28;
const MAX_SPEAKER = 16;
/** The text keeps at least this many columns, or half the width; the source and speaker columns narrow first. */
const MIN_TEXT = 24;

/** The speaker as a line shows it: an interviewer's label in brackets, nothing for notes and documents. */
export function speakerLabel(hit: Pick<KwicHit, 'speaker' | 'role'>): string {
  if (hit.speaker === null) return '';
  return hit.role === 'interviewer' ? `[${hit.speaker}]` : hit.speaker;
}

/** Column widths that fit these hits in `columns`. */
export function kwicLayout(hits: readonly KwicHit[], columns: number): KwicLayout {
  const widest = (values: string[], max: number): number => Math.min(max, Math.max(0, ...values.map(displayWidth)));
  const layout = {
    source: widest(hits.map((h) => h.source), MAX_SOURCE),
    segment: widest(hits.map((h) => h.segment), Number.MAX_SAFE_INTEGER),
    speaker: widest(hits.map(speakerLabel), MAX_SPEAKER),
  };
  // Narrow the source and speaker columns (down to 8) before the text gets less than its share, or
  // than the longest text needs (with room for its «» marks).
  const needed = Math.max(0, ...hits.map((h) => displayWidth(h.text.trim().replace(/\s+/g, ' ')) + 2 * h.matches.length));
  let excess = layout.source + layout.segment + layout.speaker + 6 + Math.min(needed, Math.max(MIN_TEXT, Math.floor(columns / 2))) - columns;
  for (const key of ['source', 'speaker'] as const) {
    const cut = Math.max(0, Math.min(excess, layout[key] - 8));
    layout[key] -= cut;
    excess -= cut;
  }
  return layout;
}

/** One character of the text as shown: its width and whether it lies in a match. */
interface Cell {
  ch: string;
  width: number;
  match: boolean;
}

/** The unit's characters with whitespace runs as one space, marking those inside matches. */
function cellsOf(hit: KwicHit, marks: boolean): { cells: Cell[]; firstMatch: number } {
  const cells: Cell[] = [];
  let firstMatch = -1;
  let m = 0;
  let offset = hit.start;
  let inside = false;
  const push = (ch: string, match: boolean): void => void cells.push({ ch, width: displayWidth(ch), match });
  for (const ch of hit.text) {
    while (m < hit.matches.length && offset >= hit.matches[m]!.end) {
      if (inside && marks) push('»', false);
      inside = false;
      m += 1;
    }
    const match = m < hit.matches.length && offset >= hit.matches[m]!.start;
    if (match && !inside) {
      if (firstMatch < 0) firstMatch = cells.length;
      if (marks) push('«', false);
      inside = true;
    }
    offset += 1;
    if (/\s/.test(ch)) {
      const last = cells[cells.length - 1];
      if (last && last.ch !== ' ') push(' ', match);
    } else push(ch, match);
  }
  if (inside && marks) push('»', false);
  while (cells.length > 0 && cells[cells.length - 1]!.ch === ' ') cells.pop();
  return { cells, firstMatch: Math.max(0, firstMatch) };
}

/** Cells [from, to) as text, matches painted. */
function paintCells(cells: readonly Cell[], from: number, to: number, paint: ChalkInstance): string {
  let out = '';
  let run = '';
  let runMatch = false;
  const flush = (): void => {
    out += runMatch ? paint.bold.red(run) : run;
    run = '';
  };
  for (let i = from; i < to; i++) {
    const cell = cells[i]!;
    if (cell.match !== runMatch) {
      flush();
      runMatch = cell.match;
    }
    run += cell.ch;
  }
  flush();
  return out;
}

/**
 * The unit's text in `width` columns, whitespace runs as one space, matches painted (or marked «»
 * without colour). When it does not fit, it is cut around its first match, with up to a third of the
 * width of context before it, and … where text was left out.
 */
export function kwicText(hit: KwicHit, width: number, paint: ChalkInstance): string {
  const { cells, firstMatch } = cellsOf(hit, paint.level === 0);
  const total = cells.reduce((n, c) => n + c.width, 0);
  if (total <= width) return paintCells(cells, 0, cells.length, paint);
  // Start so that the first match has context before it, at a word when one begins close by.
  let before = 0;
  let from = firstMatch;
  const lead = Math.floor(width / 3);
  while (from > 0 && before + cells[from - 1]!.width <= lead) before += cells[--from]!.width;
  // Near the end, more context before fills the width.
  let tail = 0;
  for (let i = from; i < cells.length; i++) tail += cells[i]!.width;
  while (from > 0 && tail + cells[from - 1]!.width + 1 <= width) tail += cells[--from]!.width;
  if (from > 0) {
    for (let i = from; i < firstMatch && i < from + 12; i++) {
      if (cells[i - 1]!.ch === ' ') {
        from = i;
        break;
      }
    }
    while (from < firstMatch && cells[from]!.width === 0) from += 1;
  }
  const room = width - (from > 0 ? 1 : 0);
  let used = 0;
  let to = from;
  while (to < cells.length && used + cells[to]!.width <= room) used += cells[to++]!.width;
  if (to < cells.length) {
    // Leave a column for the closing …
    while (to > from && used + 1 > room) used -= cells[--to]!.width;
  }
  return `${from > 0 ? '…' : ''}${paintCells(cells, from, to, paint)}${to < cells.length ? '…' : ''}`;
}

/** One line of the listing for a terminal: source, segment, speaker, then the text, fitted to `columns`. */
export function kwicLine(hit: KwicHit, layout: KwicLayout, columns: number, paint: ChalkInstance): string {
  const cell = (text: string, width: number): string => {
    const cut = truncate(text, width);
    return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
  };
  const speaker = speakerLabel(hit);
  const head = [
    paint.magenta(cell(hit.source, layout.source)),
    paint.green(cell(hit.segment, layout.segment)),
    ...(layout.speaker > 0 ? [hit.role === 'interviewer' ? paint.dim(cell(speaker, layout.speaker)) : paint.cyan(cell(speaker, layout.speaker))] : []),
  ].join('  ');
  const headWidth = layout.source + layout.segment + (layout.speaker > 0 ? layout.speaker + 2 : 0) + 4;
  // One column is kept free: writing into the last one makes some terminals wrap.
  return `${head}  ${kwicText(hit, Math.max(10, columns - headWidth - 1), paint)}`;
}

/** One line for a pipe: source, segment, speaker and the whole text (matches «marked»), tab-separated. */
export function kwicTsvLine(hit: KwicHit): string {
  const { cells } = cellsOf(hit, true);
  // Each field escaped: a tab or newline in a name or a quote must not add a column or a line.
  return [hit.source, hit.segment, speakerLabel(hit), cells.map((c) => c.ch).join('')].map((field) => visibleText(field)).join('\t');
}

/** "37 hits in 12 sources", and what was left out under a limit. */
export function hitCountLine(hits: number, sources: number, shown: number): string {
  const count = `${hits.toLocaleString('en-US')} ${hits === 1 ? 'hit' : 'hits'} in ${sources.toLocaleString('en-US')} ${sources === 1 ? 'source' : 'sources'}`;
  if (hits === 0) return 'No hits';
  return shown < hits ? `${count}; showing the first ${shown.toLocaleString('en-US')} (--limit N shows more)` : count;
}
