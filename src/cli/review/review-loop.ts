/**
 * The review's event loop: draw the screen, read a key, act. Every decision is stored as soon as it is
 * made (so quitting at any moment loses nothing) and kept on the session's undo stack with what it stored.
 */
import { nearestCodeIds } from '../../core/codebook/code-tree.js';
import type { Codebook } from '../../core/codebook/types.js';
import { candidatesFor, completeCodeInput, parseCodeInput } from '../../core/review/complete-code-id.js';
import type { ProposedCoding, ReviewItem } from '../../core/review/review-item.js';
import type { ReviewSession, SessionDecision } from '../../core/review/review-session.js';
import { formatSegment } from '../../core/segment-address.js';
import type { ReviewChange } from '../../store/review.js';
import type { ItemViews } from './item-view.js';
import { promptCommandOf, reviewCommandOf } from './key-commands.js';
import { renderItemScreen, type StatusMessage } from './render-item.js';
import { renderEndScreen, renderHelpScreen } from './render-pages.js';
import type { ScreenStyle } from './screen-parts.js';
import { frameOf, type Terminal } from './terminal.js';

/** The writes a decision makes, each returning what it stored. */
export interface ReviewStore {
  accept(proposal: ProposedCoding): ReviewChange;
  /** Rejects a proposal, or records that an uncoded unit needs no code. */
  reject(item: ReviewItem): ReviewChange;
  addCodes(item: ReviewItem, codes: readonly string[]): ReviewChange;
  revert(change: ReviewChange): void;
}

/** What the loop works with. */
export interface ReviewLoopOptions {
  terminal: Terminal;
  style: ScreenStyle;
  session: ReviewSession<ReviewChange>;
  views: ItemViews;
  codebook: Codebook;
  reviewer: string;
  store: ReviewStore;
}

/** Runs the review until the reviewer quits (`quit`) or presses Ctrl-C (`interrupted`). */
export async function runReviewLoop(options: ReviewLoopOptions): Promise<'quit' | 'interrupted'> {
  const { terminal, style, session, views, codebook, reviewer, store } = options;
  const ids = codebook.codes.map((c) => c.id);
  let mode: 'review' | 'prompt' | 'help' = 'review';
  let input = '';
  let message: StatusMessage | null = null;
  const info = (text: string): void => void (message = { text, tone: 'info' });
  const warn = (text: string): void => void (message = { text, tone: 'warn' });

  const draw = (): void => {
    const size = terminal.size();
    const item = session.current();
    let lines: string[];
    if (mode === 'help') lines = renderHelpScreen(reviewer, size, style);
    else if (!item) lines = renderEndScreen(reviewer, session.counts(), size, style);
    else {
      const prompt = mode === 'prompt' ? { input, candidates: candidatesFor(input, ids).map((id) => ({ id, label: views.labelOf(id) })) } : null;
      lines = renderItemScreen(views.viewOf(item), { position: session.index() + 1, total: session.items.length, reviewer, message, prompt }, size, style);
    }
    terminal.write(frameOf(lines));
  };
  terminal.onResize(draw);

  const addCodes = (item: ReviewItem): void => {
    const codes = parseCodeInput(input);
    if (codes.length === 0) {
      mode = 'review';
      info('No code added');
      return;
    }
    const known = new Set(ids);
    const unknown = codes.find((code) => !known.has(code));
    if (unknown !== undefined) {
      const near = nearestCodeIds(codebook, unknown, 3);
      warn(`Unknown code "${unknown}"${near.length ? `: did you mean ${near.join(', ')}?` : ': Tab lists the codes'}`);
      return;
    }
    const change = store.addCodes(item, codes);
    const added = change.codings.map((c) => c.code);
    mode = 'review';
    input = '';
    if (added.length === 0 && item.kind === 'proposal') {
      info(`You already have ${codes.join(', ')} on ${where(item)}`);
      return;
    }
    session.record('add', change, added);
    info(added.length ? `Added ${added.join(', ')} to ${where(item)}` : `You already have ${codes.join(', ')} on ${where(item)}`);
  };

  for (;;) {
    draw();
    const key = await terminal.nextKey();
    const item = session.current();
    if (mode === 'help') {
      if (key.ctrl && key.name === 'c') return 'interrupted';
      mode = 'review';
      continue;
    }
    if (mode === 'prompt' && item) {
      const command = promptCommandOf(key);
      switch (command.type) {
        case 'interrupt':
          return 'interrupted';
        case 'type':
          input += command.text;
          break;
        case 'erase':
          input = [...input].slice(0, -1).join('');
          break;
        case 'erase-word':
          input = input.replace(/[^\s,]*[\s,]*$/, '');
          break;
        case 'clear':
          input = '';
          break;
        case 'complete':
          input = completeCodeInput(input, ids).input;
          break;
        case 'cancel':
          mode = 'review';
          input = '';
          info('No code added');
          break;
        case 'submit':
          addCodes(item);
          break;
        case 'ignore':
          break;
      }
      continue;
    }
    message = null;
    const command = reviewCommandOf(key);
    if (command === 'interrupt') return 'interrupted';
    if (command === 'quit') return 'quit';
    if (command === 'help') mode = 'help';
    else if (command === 'redraw') terminal.write('\x1b[2J');
    else if (command === 'undo') {
      const undone = session.undo();
      if (!undone) warn('Nothing to undo in this session');
      else {
        store.revert(undone.receipt);
        info(`Undone: ${describeDecision(undone, session.items[undone.index]!)}`);
      }
    } else if (!item) {
      if (command === 'skip' && session.revisitSkipped()) info('Back to the first item you skipped');
      else warn('The queue is done: u undoes the last decision, q quits');
    } else if (command === 'accept') {
      if (item.kind !== 'proposal') warn('Nothing is proposed here: c adds a code, r records that no code fits');
      else {
        session.record('accept', store.accept(item));
        info(`Accepted ${item.code} on ${where(item)}`);
      }
    } else if (command === 'reject') {
      session.record(item.kind === 'proposal' ? 'reject' : 'none', store.reject(item));
      info(item.kind === 'proposal' ? `Rejected ${item.code} on ${where(item)}` : `Recorded that no code fits ${where(item)}`);
    } else if (command === 'add') {
      mode = 'prompt';
      input = '';
    } else if (command === 'skip') {
      session.skip();
      info(`Skipped ${where(item)}: it stays in the queue`);
    } else warn(`The key ${command.unknown} does nothing here: press ? for help`);
  }
}

function where(item: ReviewItem): string {
  return `${item.source} ${formatSegment(item.turn, item.sentence)}`;
}

function describeDecision(decision: SessionDecision<ReviewChange>, item: ReviewItem): string {
  const code = item.kind === 'proposal' ? item.code : '';
  switch (decision.kind) {
    case 'accept':
      return `accepting ${code} on ${where(item)}`;
    case 'reject':
      return `rejecting ${code} on ${where(item)}`;
    case 'none':
      return `no code fits ${where(item)}`;
    case 'add':
      return `adding ${decision.codes.join(', ') || 'codes'} to ${where(item)}`;
  }
}
