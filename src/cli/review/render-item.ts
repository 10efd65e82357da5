/**
 * The review screen for one item: header, the unit in its turn between the turns before and after,
 * the proposed code with why it was proposed, and the key legend (or the add-code prompt).
 */
import type { TextRange } from '../../core/review/find-term-ranges.js';
import { displayWidth } from '../output.js';
import { wrapText } from '../../report/text-layout.js';
import type { FocusView, ItemView, ProposalView, TurnView } from './item-view.js';
import { fillRows, fit, paintRuns, renderHeader, renderLegend, renderRule, usableWidth, type ScreenSize, type ScreenStyle } from './screen-parts.js';
import { wrapRuns, type Run } from './wrap-runs.js';

/** A line under the legend: what the last key did, or why it did nothing. */
export interface StatusMessage {
  text: string;
  tone: 'info' | 'warn';
}

/** The add-code prompt: what has been typed and the codes that fit the word being typed. */
export interface CodePrompt {
  input: string;
  candidates: { id: string; label: string }[];
}

/** Session facts the item screen shows around the view. */
export interface ItemScreenState {
  /** 1-based place of the item in the queue. */
  position: number;
  total: number;
  reviewer: string;
  message: StatusMessage | null;
  prompt: CodePrompt | null;
}

/** Lines above the turns (header, rule) and below them (rule, 5-line block, rule, legend, message). */
const TOP = 2;
const BOTTOM = 9;
const BLOCK = 5;
/** Columns before the text of a turn: the gutter, the turn or unit number, a space (more for long addresses). */
const INDENT = 8;

const PROPOSAL_KEYS = [['a', 'accept'], ['r', 'reject'], ['c', 'add code'], ['s', 'skip'], ['u', 'undo'], ['q', 'quit'], ['?', 'help']] as const;
const UNCODED_KEYS = [['c', 'add code'], ['r', 'no code fits'], ['s', 'skip'], ['u', 'undo'], ['q', 'quit'], ['?', 'help']] as const;

/** The screen for `view`, exactly `size.rows` lines, none wider than the terminal. */
export function renderItemScreen(view: ItemView, state: ItemScreenState, size: ScreenSize, style: ScreenStyle): string[] {
  const width = usableWidth(size);
  const { c } = style;
  const about = [view.source.name, view.source.type, view.source.date, view.source.site].filter(Boolean).join(' · ');
  const lines = [renderHeader(about, `${view.address} · ${state.position}/${state.total} · ${state.reviewer}`, width, style), renderRule(width, style)];
  lines.push(...renderTurns(view, Math.max(3, size.rows - TOP - BOTTOM), width, style));
  lines.push(renderRule(width, style));
  if (state.prompt) {
    lines.push(...renderPrompt(view, state.prompt, width, style));
  } else {
    lines.push(...(view.proposal ? renderProposal(view.proposal, view.yours, width, style) : renderUncoded(width, style)));
    lines.push(renderRule(width, style), renderLegend(view.proposal ? PROPOSAL_KEYS : UNCODED_KEYS, width, style));
  }
  const message = state.message ? fit(` ${state.message.text}`, width) : '';
  lines.push(state.message?.tone === 'warn' ? c.yellow(message) : c.green(message));
  return fillRows(lines, size.rows);
}

/** The turn before, the focus turn with its unit marked, the turn after, fitted into `rows` lines. */
function renderTurns(view: ItemView, rows: number, width: number, style: ScreenStyle): string[] {
  const { c } = style;
  const indent = Math.max(INDENT, view.address.length + 4);
  const textWidth = width - indent;
  const focus = view.focus;
  const before = focus.before.trim() ? wrapText(focus.before.trim(), textWidth) : [];
  const after = focus.after.trim() ? wrapText(focus.after.trim(), textWidth) : [];
  const unit = wrapRuns(unitRuns(focus, style), textWidth);
  const previous = view.previous ? wrapText(view.previous.text, textWidth) : [];
  const next = view.next ? wrapText(view.next.text, textWidth) : [];

  // The unit first; then context, a line at a time, nearest first: its own turn, then the neighbours.
  const unitShown = Math.min(unit.length, Math.max(1, rows - 1));
  let free = rows - 1 - unitShown;
  const shown = { before: 0, after: 0, previous: 0, next: 0 };
  const grow = (key: keyof typeof shown, available: number, cap: number): boolean => {
    const limit = Math.min(available, cap);
    if (shown[key] >= limit) return false;
    // A neighbour needs its header line with its first text line.
    const cost = (key === 'previous' || key === 'next') && shown[key] === 0 ? 2 : 1;
    if (cost > free) return false;
    shown[key] += 1;
    free -= cost;
    return true;
  };
  for (const [contextCap, neighbourCap] of [[2, 2], [Infinity, 4]] as const) {
    let grew = true;
    while (grew && free > 0) {
      grew = false;
      grew = grow('before', before.length, contextCap) || grew;
      grew = grow('after', after.length, contextCap) || grew;
      grew = grow('previous', previous.length, neighbourCap) || grew;
      grew = grow('next', next.length, neighbourCap) || grew;
    }
  }

  const pad = ' '.repeat(indent);
  const out: string[] = [];
  // Spare lines go between the turns, so the focus turn stands apart from its neighbours.
  const spaceAbove = shown.previous > 0 && free > 0 ? (free--, 1) : 0;
  const spaceBelow = shown.next > 0 && free > 0 ? (free--, 1) : 0;
  if (view.previous && shown.previous > 0) out.push(...neighbourLines(view.previous, previous, shown.previous, indent, width, style));
  if (spaceAbove) out.push('');
  out.push(turnHeader(focus, indent, width, style, false));
  // Cut context is marked with …, so it is wrapped two columns narrower to leave room for the mark.
  const cutBefore = shown.before < before.length ? wrapText(focus.before.trim(), textWidth - 2) : before;
  const beforeShown = cutBefore.slice(cutBefore.length - shown.before);
  if (shown.before < before.length && beforeShown.length > 0) beforeShown[0] = `… ${beforeShown[0]}`;
  for (const line of beforeShown) out.push(pad + c.dim(fit(line, textWidth)));
  const gutter = c.cyan('▌');
  // A unit too long for the screen ends in a note of how much is not shown.
  const unitLines: Run[][] = unitShown < unit.length ? [...unit.slice(0, unitShown - 1), [{ text: `… ${unit.length - unitShown + 1} more lines`, tone: 'dim' }]] : unit;
  unitLines.forEach((runs, i) => {
    const label = i === 0 ? view.address.padStart(indent - 3) : ' '.repeat(indent - 3);
    out.push(` ${gutter}${c.bold(label)} ${paintRuns(runs, style)}`);
  });
  const afterShown = (shown.after < after.length ? wrapText(focus.after.trim(), textWidth - 2) : after).slice(0, shown.after);
  if (shown.after < after.length && afterShown.length > 0) afterShown[afterShown.length - 1] = `${afterShown[afterShown.length - 1]} …`;
  for (const line of afterShown) out.push(pad + c.dim(fit(line, textWidth)));
  if (spaceBelow) out.push('');
  if (view.next && shown.next > 0) out.push(...neighbourLines(view.next, next, shown.next, indent, width, style));
  return fillRows(out, rows);
}

/** The unit's text as runs: matched stretches as `match` (in «» when there is no colour). */
function unitRuns(focus: FocusView, style: ScreenStyle): Run[] {
  const runs: Run[] = [];
  let at = 0;
  const marks: TextRange[] = focus.marks;
  for (const m of marks) {
    if (m.start > at) runs.push({ text: focus.unit.slice(at, m.start), tone: 'plain' });
    const text = focus.unit.slice(m.start, m.end);
    runs.push({ text: style.color ? text : `«${text}»`, tone: 'match' });
    at = m.end;
  }
  if (at < focus.unit.length) runs.push({ text: focus.unit.slice(at), tone: 'plain' });
  return runs;
}

function neighbourLines(turn: TurnView, text: string[], count: number, indent: number, width: number, style: ScreenStyle): string[] {
  const shown = count < text.length ? wrapText(turn.text, width - indent - 2).slice(0, count) : text.slice(0, count);
  if (count < text.length && shown.length > 0) shown[shown.length - 1] = `${shown[shown.length - 1]} …`;
  return [turnHeader(turn, indent, width, style, true), ...shown.map((line) => style.c.dim(' '.repeat(indent) + fit(line, width - indent)))];
}

/** `   12  [00:01:02] Sumiati · participant Sumiati`; a neighbour's all dim. */
function turnHeader(turn: TurnView, indent: number, width: number, style: ScreenStyle, dim: boolean): string {
  const { c } = style;
  const time = turn.time ? `[${turn.time}] ` : '';
  let who: string;
  let role = '';
  if (turn.speaker === null) who = 'paragraph';
  else {
    who = turn.speaker;
    if (turn.role === 'interviewer') role = ' · interviewer';
    else if (turn.participant !== null) role = ` · participant ${turn.participant}`;
    else if (turn.role === 'participant') role = ' · not a known participant';
  }
  const number = String(turn.index).padStart(indent - 3);
  const plain = fit(`${time}${who}${role}`, width - indent);
  if (dim) return c.dim(`${number}   ${plain}`);
  // Colour only the parts that fit; the cut (if any) falls in the role, which comes last.
  const whoShown = plain.slice(time.length, time.length + who.length);
  const rest = plain.slice(time.length + whoShown.length);
  return `${c.dim(number)}   ${c.dim(time)}${turn.speaker === null ? c.dim(whoShown) : c.cyan(whoShown)}${c.dim(rest)}`;
}

/** The five lines about a proposed code. */
function renderProposal(p: ProposalView, yours: readonly string[], width: number, style: ScreenStyle): string[] {
  const { c } = style;
  const origin = p.origin === 'suggested' && p.confidence !== null ? `suggested ${p.confidence.toFixed(2)}` : p.origin;
  const room = width - 7 - displayWidth(origin) - 2;
  const code = fit(p.code, room);
  const codeLine = ` ${c.dim('code')}  ${c.bold.cyan(code)}${' '.repeat(Math.max(1, width - 7 - displayWidth(code) - displayWidth(origin)))}${c.dim(origin)}`;
  const body = width - 7;
  return [
    codeLine,
    `       ${fit(p.label || '(not in the current codebook)', body)}`,
    `       ${c.dim(fit(p.definition, body))}`,
    ` ${c.dim('why')}   ${fit(whyOf(p), body)}`,
    yours.length ? ` ${c.dim('yours')} ${fit(yours.join(', '), body)}` : '',
  ];
}

/** Why the code was proposed: the terms found, and the evidence when it is not just the term. */
function whyOf(p: ProposalView): string {
  const evidence = `“${p.evidence.replace(/\s+/g, ' ')}”`;
  const parts: string[] = [];
  if (p.origin === 'suggested') parts.push(p.confidence === null ? 'suggested' : `suggested (confidence ${p.confidence.toFixed(2)})`);
  if (p.terms.length > 0) {
    parts.push(`${p.terms.length === 1 ? 'term' : 'terms'} ${p.terms.join(', ')}`);
    const bare = p.terms.map((t) => t.replace(/^"|"$/g, '').toLowerCase());
    if (!bare.includes(p.evidence.toLowerCase())) parts.push(`evidence ${evidence}`);
  } else if (p.origin === 'auto') {
    parts.push(`evidence ${evidence} (the current codebook no longer finds it here)`);
  } else parts.push(`evidence ${evidence}`);
  return parts.join(' · ');
}

function renderUncoded(width: number, style: ScreenStyle): string[] {
  const { c } = style;
  const body = width - 7;
  return [
    ` ${c.dim('code')}  ${fit('none yet: nobody has coded this unit', body)}`,
    `       ${c.dim(fit('c adds codes to it, r records that no code fits,', body))}`,
    `       ${c.dim(fit('s leaves it for later', body))}`,
    '',
    '',
  ];
}

/** The add-code prompt in place of the proposal block and legend: candidates, a rule, the input line. */
function renderPrompt(view: ItemView, prompt: CodePrompt, width: number, style: ScreenStyle): string[] {
  const { c } = style;
  const lines = [fit(` add codes to ${view.source.name} ${view.address}: Tab completes, Enter adds, Esc cancels`, width)];
  const room = BLOCK - 1;
  const list = prompt.candidates.length > room ? prompt.candidates.slice(0, room - 1) : prompt.candidates;
  const idWidth = Math.max(0, ...list.map((k) => displayWidth(k.id)));
  for (const k of list) {
    const line = fit(`   ${k.id.padEnd(idWidth)}  ${k.label}`, width);
    lines.push(k.label && line.endsWith(k.label) ? line.slice(0, -k.label.length) + c.dim(k.label) : line);
  }
  if (list.length < prompt.candidates.length) lines.push(c.dim(fit(`   … ${prompt.candidates.length - list.length} more: keep typing`, width)));
  if (prompt.candidates.length === 0) lines.push(c.yellow(fit('   no code id fits what you typed', width)));
  const input = ` code> ${prompt.input}`;
  const shown = displayWidth(input) + 1 > width ? `…${input.slice(input.length - width + 2)}` : input;
  return [...fillRows(lines, BLOCK), renderRule(width, style), `${shown}${style.color ? c.inverse(' ') : '█'}`];
}
