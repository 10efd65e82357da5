import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitSetOf, type UnitSet } from '../unit-sets.js';
import { evaluateQuery, needsUniverse, type QueryInput } from './evaluate-query.js';
import { parseQuery } from './parse-query.js';
import type { QueryNode } from './query-ast.js';

/** A unit of a made-up project: its id, source, position in the source, turn and codes. */
interface Unit {
  id: number;
  source: number;
  position: number;
  turn: number;
  codes: string[];
}

/** Units laid out as a store lays them out: ids rise through each source, then the next source. */
function layout(sources: { turns: string[][][] }[]): Unit[] {
  const units: Unit[] = [];
  let id = 1;
  for (const source of sources) {
    let position = 0;
    const first = id;
    for (const sentences of source.turns) {
      const turnId = id++;
      for (const codes of sentences) units.push({ id: id++, source: first, position: position++, turn: turnId, codes });
    }
  }
  return units;
}

function inputFor(units: readonly Unit[]): QueryInput & { universeAsked: () => boolean } {
  const byId = new Map(units.map((u) => [u.id, u]));
  let asked = false;
  return {
    unitsOf: (term) => unitSetOf(units.filter((u) => u.codes.some((c) => c === term.code || c.startsWith(`${term.code}/`))).map((u) => u.id)),
    universe: () => {
      asked = true;
      return unitSetOf(units.filter((u) => u.codes.length > 0).map((u) => u.id));
    },
    places: (set: UnitSet) => ({
      source: Float64Array.from(set, (id) => byId.get(id)!.source),
      position: Float64Array.from(set, (id) => byId.get(id)!.position),
      turn: Float64Array.from(set, (id) => byId.get(id)!.turn),
    }),
    universeAsked: () => asked,
  };
}

/** The meaning of a query, unit by unit, as README states it. */
function reference(node: QueryNode, units: readonly Unit[]): Set<number> {
  const coded = units.filter((u) => u.codes.length > 0);
  switch (node.kind) {
    case 'code':
      return new Set(coded.filter((u) => u.codes.some((c) => c === node.code || c.startsWith(`${node.code}/`))).map((u) => u.id));
    case 'not': {
      const inner = reference(node.operand, units);
      return new Set(coded.filter((u) => !inner.has(u.id)).map((u) => u.id));
    }
    case 'and': {
      const [a, b] = [reference(node.left, units), reference(node.right, units)];
      return new Set([...a].filter((id) => b.has(id)));
    }
    case 'or':
      return new Set([...reference(node.left, units), ...reference(node.right, units)]);
    case 'near':
    case 'same-turn': {
      const [left, right] = [reference(node.left, units), reference(node.right, units)];
      const a = coded.filter((u) => left.has(u.id));
      const b = coded.filter((u) => right.has(u.id));
      const close = (u: Unit, v: Unit): boolean =>
        node.kind === 'near' ? u.source === v.source && Math.abs(u.position - v.position) <= node.distance : u.turn === v.turn;
      return new Set([...a.filter((u) => b.some((v) => close(u, v))), ...b.filter((v) => a.some((u) => close(u, v)))].map((u) => u.id));
    }
  }
}

const run = (query: string, units: readonly Unit[]): number[] => [...evaluateQuery(parseQuery(query), inputFor(units))];

describe('evaluateQuery', () => {
  // Source 1: turn [a] [a b] | turn [] [c] ; source 2: turn [b] | turn [a/x].
  const units = layout([{ turns: [[['a'], ['a', 'b']], [[], ['c']]] }, { turns: [[['b']], [['a/x']]] }]);
  const ids = (...positions: [number, number][]): number[] =>
    positions.map(([source, position]) => units.find((u) => u.source === [...new Set(units.map((x) => x.source))][source] && u.position === position)!.id);

  it('takes a code with the codes below it', () => {
    expect(run('a', units)).toEqual(ids([0, 0], [0, 1], [1, 1]));
  });

  it('combines with AND, OR and NOT over the coded units', () => {
    expect(run('a AND b', units)).toEqual(ids([0, 1]));
    expect(run('b OR c', units)).toEqual(ids([0, 1], [0, 3], [1, 0]));
    expect(run('NOT a', units)).toEqual(ids([0, 3], [1, 0]));
  });

  it('reads NEAR/n within a source only, returning the units of both sides', () => {
    expect(run('a NEAR/2 c', units)).toEqual(ids([0, 1], [0, 3]));
    expect(run('a NEAR/3 c', units)).toEqual(ids([0, 0], [0, 1], [0, 3]));
    // b in source 2 sits next to a/x, but source 1's b is not near source 2's a.
    expect(run('b NEAR/1 a', units)).toEqual(ids([0, 0], [0, 1], [1, 0], [1, 1]));
    expect(run('c NEAR/0 c', units)).toEqual(ids([0, 3]));
  });

  it('reads SAME-TURN as both in one turn, returning the units of both sides', () => {
    expect(run('a SAME-TURN b', units)).toEqual(ids([0, 0], [0, 1]));
    expect(run('a SAME-TURN c', units)).toEqual([]);
  });

  it('keeps NOT as a difference when it can, without listing every coded unit', () => {
    const input = inputFor(units);
    expect([...evaluateQuery(parseQuery('a AND NOT b'), input)]).toEqual(ids([0, 0], [1, 1]));
    expect(input.universeAsked()).toBe(false);
    const alone = inputFor(units);
    evaluateQuery(parseQuery('NOT a OR NOT b'), alone);
    expect(alone.universeAsked()).toBe(true);
  });

  it('knows beforehand whether a query will list every coded unit', () => {
    for (const [query, expected] of [
      ['a AND NOT b', false],
      ['NOT a AND NOT b', true],
      ['NOT a OR b', true],
      ['NOT (NOT a)', false],
      ['a NEAR/2 NOT b', true],
      ['a SAME-TURN (b AND NOT c)', false],
    ] as const) {
      const input = inputFor(units);
      evaluateQuery(parseQuery(query), input);
      expect(needsUniverse(parseQuery(query)), query).toBe(expected);
      expect(input.universeAsked(), query).toBe(expected);
    }
  });

  it('agrees with the unit-by-unit meaning on any query and project', () => {
    const code = fc.constantFrom('a', 'b', 'c', 'a/x');
    const project = fc.array(fc.record({ turns: fc.array(fc.array(fc.subarray(['a', 'b', 'c', 'a/x']), { maxLength: 4 }), { minLength: 1, maxLength: 5 }) }), { minLength: 1, maxLength: 4 });
    const tree = fc.letrec<{ node: QueryNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        code.map((c): QueryNode => ({ kind: 'code', code: c })),
        tie('node').map((operand): QueryNode => ({ kind: 'not', operand })),
        fc.record({ kind: fc.constantFrom('and' as const, 'or' as const, 'same-turn' as const), left: tie('node'), right: tie('node') }),
        fc.record({ kind: fc.constant('near' as const), distance: fc.nat({ max: 4 }), left: tie('node'), right: tie('node') }),
      ),
    })).node;
    fc.assert(
      fc.property(project, tree, (sources, node) => {
        const all = layout(sources);
        const input = inputFor(all);
        expect([...evaluateQuery(node, input)]).toEqual([...reference(node, all)].sort((x, y) => x - y));
        // Callers read every code only when this says so: it must say so whenever the universe is asked for.
        if (input.universeAsked()) expect(needsUniverse(node)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
