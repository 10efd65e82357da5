import { describe, expect, it } from 'vitest';
import type { ReviewItem } from './review-item.js';
import { ReviewSession } from './review-session.js';

function item(segmentId: number, code?: string): ReviewItem {
  const unit = { segmentId, source: 's', turn: segmentId, sentence: 1, unitStart: 0, unitEnd: 5 };
  return code === undefined ? { kind: 'uncoded', ...unit } : { kind: 'proposal', ...unit, code, origin: 'auto', start: 0, end: 3, confidence: null, codebookId: 1 };
}

const at = (s: ReviewSession<string>): string => {
  const c = s.current();
  return c ? `${c.segmentId}${c.kind === 'proposal' ? c.code : '-'}` : 'end';
};

describe('ReviewSession', () => {
  it('moves on after accept and reject, and undo goes back and hands the receipt over', () => {
    const s = new ReviewSession<string>([item(1, 'x'), item(2, 'x'), item(3, 'y')]);
    expect(at(s)).toBe('1x');
    s.record('accept', 'stored-1');
    expect(at(s)).toBe('2x');
    s.record('reject', 'stored-2');
    expect(at(s)).toBe('3y');
    expect(s.counts()).toMatchObject({ accepted: 1, rejected: 1, decided: 2, remaining: 1 });
    expect(s.undo()).toMatchObject({ index: 1, kind: 'reject', receipt: 'stored-2' });
    expect(at(s)).toBe('2x');
    expect(s.counts()).toMatchObject({ accepted: 1, rejected: 0, decided: 1, remaining: 2 });
    expect(s.undo()).toMatchObject({ index: 0, kind: 'accept', receipt: 'stored-1' });
    expect(at(s)).toBe('1x');
    expect(s.undo()).toBeUndefined();
    expect(s.counts()).toMatchObject({ decided: 0, remaining: 3 });
  });

  it('steps over items settled before an undo', () => {
    const s = new ReviewSession<string>([item(1, 'x'), item(2, 'x'), item(3, 'x')]);
    s.record('accept', 'a');
    s.record('accept', 'b');
    s.undo();
    s.undo();
    s.record('reject', 'c');
    expect(at(s)).toBe('2x');
    s.record('accept', 'd');
    expect(at(s)).toBe('3x');
  });

  it('keeps skipped items undecided and can come back to them at the end', () => {
    const s = new ReviewSession<string>([item(1, 'x'), item(2, 'x')]);
    s.skip();
    s.record('accept', 'a');
    expect(at(s)).toBe('end');
    expect(s.counts()).toMatchObject({ decided: 1, skipped: 1, remaining: 1 });
    expect(s.revisitSkipped()).toBe(true);
    expect(at(s)).toBe('1x');
    s.record('reject', 'r');
    expect(s.counts()).toMatchObject({ decided: 2, skipped: 0, remaining: 0 });
    expect(s.revisitSkipped()).toBe(false);
  });

  it('adding codes settles an uncoded unit but stays on a proposal; undo takes the codes back', () => {
    const s = new ReviewSession<string>([item(1, 'x'), item(2)]);
    s.record('add', 'add-1', ['y', 'z']);
    expect(at(s)).toBe('1x');
    expect(s.addedCodes()).toEqual(['y', 'z']);
    s.record('accept', 'acc');
    expect(at(s)).toBe('2-');
    expect(s.allows('accept')).toBe(false);
    expect(s.allows('none')).toBe(true);
    s.record('add', 'add-2', ['q']);
    expect(at(s)).toBe('end');
    expect(s.counts()).toMatchObject({ accepted: 1, added: 3, decided: 2, remaining: 0 });
    s.undo();
    expect(at(s)).toBe('2-');
    expect(s.addedCodes()).toEqual([]);
    s.undo();
    expect(at(s)).toBe('1x');
    expect(s.addedCodes()).toEqual(['y', 'z']);
    expect(s.undo()).toMatchObject({ kind: 'add', codes: ['y', 'z'], receipt: 'add-1' });
    expect(s.addedCodes()).toEqual([]);
  });

  it('marks an uncoded unit as needing no code, and refuses decisions that do not fit', () => {
    const s = new ReviewSession<string>([item(1), item(2, 'x')]);
    expect(() => s.record('accept', 'a')).toThrow(/does not fit/);
    s.record('none', 'n');
    expect(s.allows('none')).toBe(false);
    expect(s.counts()).toMatchObject({ noCode: 1, decided: 1 });
  });

  it('an empty queue is at its end at once', () => {
    const s = new ReviewSession<string>([]);
    expect(s.current()).toBeUndefined();
    s.skip();
    expect(s.counts()).toMatchObject({ decided: 0, remaining: 0 });
  });
});
