import { InputError } from '../errors.js';

/** A parsed segment address: a turn, a sentence of a turn, or a range of either. */
export interface SegmentAddress {
  from: { turn: number; sentence: number };
  to: { turn: number; sentence: number };
}

const POINT = /^(\d+)(?:\.(\d+))?$/;

/** Parses `T`, `T.S`, `T-U` or `T.S-U.V` (sentence 0 means the whole turn). */
export function parseSegmentAddress(text: string): SegmentAddress {
  const [a, b, ...rest] = text.trim().split('-');
  const parse = (part: string | undefined): { turn: number; sentence: number } | undefined => {
    const m = POINT.exec(part ?? '');
    if (!m) return undefined;
    return { turn: Number(m[1]), sentence: m[2] === undefined ? 0 : Number(m[2]) };
  };
  const from = parse(a);
  const to = b === undefined ? from : parse(b);
  if (!from || !to || rest.length > 0 || from.turn < 1 || to.turn < 1 || (from.sentence === 0) !== (to.sentence === 0)) {
    throw new InputError(`"${text}" is not a segment address`, {
      hint: 'Write T (turn), T.S (sentence S of turn T), or a range T-U or T.S-U.V, e.g. 12, 12.3, 4-6',
    });
  }
  if (to.turn < from.turn || (to.turn === from.turn && to.sentence < from.sentence)) {
    throw new InputError(`the range "${text}" runs backwards`, { hint: 'Write the earlier segment first' });
  }
  return { from, to };
}

/** `T` or `T.S` as telaah prints segment addresses. */
export function formatSegment(turn: number, sentence: number): string {
  return sentence === 0 ? String(turn) : `${turn}.${sentence}`;
}
