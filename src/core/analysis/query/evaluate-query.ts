/**
 * Evaluating a query over sets of units. NOT is kept as a complement (the units *not* in a set) for as
 * long as it can be, so that `a AND NOT b` is a difference and never reads the units of every code;
 * the set of every coded unit is asked for only when a complement has to be listed.
 */
import { intersectSets, subtractSets, unionSets, unitSetOf, type UnitSet } from '../unit-sets.js';
import type { CodeTerm, QueryNode } from './query-ast.js';

/** Where units sit, for proximity: per unit of a set, in the set's order. */
export interface UnitPlaces {
  /** A number for the unit's source: same source, same number. */
  source: Float64Array;
  /** The unit's place among its source's units (sentences or turns, interviewer's included), up to a constant per source. */
  position: Float64Array;
  /** The id of the unit's turn (the unit itself at the turn level). */
  turn: Float64Array;
}

/** What a query reads: the units of each code term, every coded unit, and where units sit. */
export interface QueryInput {
  /** The units carrying the term's code or a code below it. */
  unitsOf(term: CodeTerm): UnitSet;
  /** Every unit the query ranges over (those carrying any code); asked for only when a NOT has to be listed. */
  universe(): UnitSet;
  /** Where the units sit; asked for only by NEAR/n and SAME-TURN. */
  places(units: UnitSet): UnitPlaces;
}

/** A set, or the complement of one. */
interface Partial {
  units: UnitSet;
  negated: boolean;
}

/** The units matching the query, in id order. */
export function evaluateQuery(node: QueryNode, input: QueryInput): UnitSet {
  return list(evaluate(node, input), input);
}

/**
 * Whether evaluating the query will ask for every coded unit: a complement is listed when the whole query,
 * or an operand of NEAR/n or SAME-TURN, comes out as one (`NOT a`, `NOT a OR b`), not for `a AND NOT b`.
 */
export function needsUniverse(node: QueryNode): boolean {
  const walk = (n: QueryNode): { negated: boolean; lists: boolean } => {
    switch (n.kind) {
      case 'code':
        return { negated: false, lists: false };
      case 'not': {
        const inner = walk(n.operand);
        return { negated: !inner.negated, lists: inner.lists };
      }
      case 'and':
      case 'or': {
        const [a, b] = [walk(n.left), walk(n.right)];
        return { negated: n.kind === 'and' ? a.negated && b.negated : a.negated || b.negated, lists: a.lists || b.lists };
      }
      default: {
        const [a, b] = [walk(n.left), walk(n.right)];
        return { negated: false, lists: a.lists || b.lists || a.negated || b.negated };
      }
    }
  };
  const result = walk(node);
  return result.lists || result.negated;
}

function list(p: Partial, input: QueryInput): UnitSet {
  return p.negated ? subtractSets(input.universe(), p.units) : p.units;
}

function evaluate(node: QueryNode, input: QueryInput): Partial {
  switch (node.kind) {
    case 'code':
      return { units: input.unitsOf(node), negated: false };
    case 'not': {
      const inner = evaluate(node.operand, input);
      return { units: inner.units, negated: !inner.negated };
    }
    case 'and':
      return and(evaluate(node.left, input), evaluate(node.right, input));
    case 'or':
      return or(evaluate(node.left, input), evaluate(node.right, input));
    case 'near':
      return { units: near(list(evaluate(node.left, input), input), list(evaluate(node.right, input), input), node.distance, input), negated: false };
    case 'same-turn':
      return { units: sameTurn(list(evaluate(node.left, input), input), list(evaluate(node.right, input), input), input), negated: false };
  }
}

function and(a: Partial, b: Partial): Partial {
  if (!a.negated && !b.negated) return { units: intersectSets(a.units, b.units), negated: false };
  if (a.negated && b.negated) return { units: unionSets(a.units, b.units), negated: true };
  const [kept, dropped] = a.negated ? [b, a] : [a, b];
  return { units: subtractSets(kept.units, dropped.units), negated: false };
}

function or(a: Partial, b: Partial): Partial {
  if (!a.negated && !b.negated) return { units: unionSets(a.units, b.units), negated: false };
  if (a.negated && b.negated) return { units: intersectSets(a.units, b.units), negated: true };
  const [complement, plain] = a.negated ? [a, b] : [b, a];
  return { units: subtractSets(complement.units, plain.units), negated: true };
}

/**
 * Units of either side with a unit of the other side at most `distance` units away in the same source
 * (a unit on both sides is at distance 0): a sort of each side, then one pass.
 */
export function near(left: UnitSet, right: UnitSet, distance: number, input: Pick<QueryInput, 'places'>): UnitSet {
  const l = input.places(left);
  const r = input.places(right);
  return unionSets(withNeighbour(left, l, r, distance), withNeighbour(right, r, l, distance));
}

function withNeighbour(units: UnitSet, own: UnitPlaces, other: UnitPlaces, distance: number): UnitSet {
  const mine = byPlace(own);
  const theirs = byPlace(other);
  const kept: number[] = [];
  let j = 0;
  // Both sides in (source, position) order: the window on the other side only moves forward, so one
  // pass over each side finds every pair.
  for (const i of mine) {
    const source = own.source[i]!;
    const from = own.position[i]! - distance;
    while (j < theirs.length && (other.source[theirs[j]!]! < source || (other.source[theirs[j]!] === source && other.position[theirs[j]!]! < from))) j += 1;
    if (j < theirs.length && other.source[theirs[j]!] === source && other.position[theirs[j]!]! <= own.position[i]! + distance) kept.push(units[i]!);
  }
  return unitSetOf(kept);
}

/** Indexes of the places in (source, position) order. */
function byPlace(places: UnitPlaces): Uint32Array {
  return Uint32Array.from(places.source, (_, i) => i).sort((a, b) => places.source[a]! - places.source[b]! || places.position[a]! - places.position[b]!);
}

/** Units of either side whose turn also holds a unit of the other side. */
export function sameTurn(left: UnitSet, right: UnitSet, input: Pick<QueryInput, 'places'>): UnitSet {
  const leftPlaces = input.places(left);
  const rightPlaces = input.places(right);
  const leftTurns = new Set(leftPlaces.turn);
  const shared = new Set<number>();
  for (const turn of rightPlaces.turn) if (leftTurns.has(turn)) shared.add(turn);
  const keep = (units: UnitSet, turns: Float64Array): UnitSet => units.filter((_, i) => shared.has(turns[i]!));
  return unionSets(keep(left, leftPlaces.turn), keep(right, rightPlaces.turn));
}
