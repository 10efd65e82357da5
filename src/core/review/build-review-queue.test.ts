import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReviewQueue } from './build-review-queue.js';
import { NO_CODE, type ProposedCoding, type ReviewUnit } from './review-item.js';

function unit(source: string, segmentId: number, turn = segmentId, sentence = 1): ReviewUnit {
  return { segmentId, source, turn, sentence, unitStart: segmentId * 10, unitEnd: segmentId * 10 + 9 };
}

function proposal(source: string, segmentId: number, code: string, origin: 'auto' | 'suggested' = 'auto'): ProposedCoding {
  return { ...unit(source, segmentId), code, origin, start: segmentId * 10, end: segmentId * 10 + 3, confidence: origin === 'suggested' ? 0.7 : null, codebookId: 1 };
}

const where = (items: ReturnType<typeof buildReviewQueue>): string[] =>
  items.map((i) => `${i.source}#${i.segmentId} ${i.kind === 'proposal' ? `${i.code}(${i.origin})` : '-'}`);

describe('buildReviewQueue', () => {
  it('orders by source name, then segment, then codebook order of the codes', () => {
    const items = buildReviewQueue({
      proposals: [proposal('w01-sumiati', 12, 'barrier/economic'), proposal('fgd-pasar', 7, 'strategy/b'), proposal('fgd-pasar', 7, 'strategy/a'), proposal('fgd-pasar', 3, 'zeta')],
      decided: [],
      codeOrder: ['strategy/b', 'strategy/a', 'barrier/economic'],
    });
    expect(where(items)).toEqual(['fgd-pasar#3 zeta(auto)', 'fgd-pasar#7 strategy/b(auto)', 'fgd-pasar#7 strategy/a(auto)', 'w01-sumiati#12 barrier/economic(auto)']);
  });

  it('leaves out what the reviewer decided or coded, and asks a doubly proposed code once, as the auto coding', () => {
    const items = buildReviewQueue({
      proposals: [proposal('a', 1, 'x'), proposal('a', 1, 'y', 'suggested'), proposal('a', 2, 'x', 'suggested'), proposal('a', 2, 'x'), proposal('a', 3, 'x')],
      decided: [{ segmentId: 1, code: 'x' }, { segmentId: 3, code: 'y' }],
    });
    expect(where(items)).toEqual(['a#1 y(suggested)', 'a#2 x(auto)', 'a#3 x(auto)']);
  });

  it('puts uncoded units in segment order among the proposals, unless judged to need no code', () => {
    const items = buildReviewQueue({
      proposals: [proposal('a', 2, 'x'), proposal('b', 1, 'x')],
      uncoded: [unit('a', 1), unit('a', 3), unit('b', 4), unit('a', 5)],
      decided: [{ segmentId: 5, code: NO_CODE }, { segmentId: 2, code: NO_CODE }],
    });
    expect(where(items)).toEqual(['a#1 -', 'a#2 x(auto)', 'a#3 -', 'b#1 x(auto)', 'b#4 -']);
  });

  it('never lists a settled pair and always comes out sorted (property)', () => {
    const arbProposal = fc.record({
      source: fc.constantFrom('a', 'b', 'c'),
      segmentId: fc.integer({ min: 1, max: 20 }),
      code: fc.constantFrom('x', 'y', 'z'),
      origin: fc.constantFrom('auto' as const, 'suggested' as const),
    });
    fc.assert(
      fc.property(fc.array(arbProposal), fc.array(fc.record({ segmentId: fc.integer({ min: 1, max: 20 }), code: fc.constantFrom('x', 'y', 'z') })), (raw, decided) => {
        const items = buildReviewQueue({ proposals: raw.map((p) => proposal(p.source, p.segmentId, p.code, p.origin)), decided, codeOrder: ['z', 'y', 'x'] });
        const keys = items.map((i) => `${i.segmentId} ${i.kind === 'proposal' ? i.code : ''}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const d of decided) expect(keys).not.toContain(`${d.segmentId} ${d.code}`);
        const wanted = new Set(raw.map((p) => `${p.segmentId} ${p.code}`).filter((k) => !decided.some((d) => `${d.segmentId} ${d.code}` === k)));
        expect(new Set(keys)).toEqual(wanted);
        for (let i = 1; i < items.length; i++) {
          const [p, q] = [items[i - 1]!, items[i]!];
          expect(p.source < q.source || (p.source === q.source && p.segmentId <= q.segmentId)).toBe(true);
        }
      }),
    );
  });
});
