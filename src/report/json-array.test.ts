import { describe, expect, it } from 'vitest';
import { jsonArrayEnd, jsonArrayJoint, jsonElement } from './json-array.js';

const streamed = (items: readonly unknown[]): string => items.map((item, i) => jsonArrayJoint(i) + jsonElement(item)).join('') + jsonArrayEnd(items.length);

describe('a JSON array written element by element', () => {
  it('is what JSON.stringify(array, null, 2) writes, empty, flat or nested', () => {
    const cases: unknown[][] = [[], [1], ['a\nb', null], [{ source: 'w01', codes: ['a', 'b'], memo: { text: 'x\ny', tags: [] } }, { codes: [] }]];
    for (const items of cases) expect(streamed(items)).toBe(`${JSON.stringify(items, null, 2)}\n`);
  });
});
