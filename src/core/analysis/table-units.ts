/**
 * The evidence units of each code over an evidence table: its own places and those of every code below
 * it, folded by the rule of evidence-units.ts (foldEvidenceBy: a segment once, a coded turn absorbing its
 * own coded sentences), with round-numbered marks instead of sets of strings.
 */
import { descendantsIn } from '../codebook/code-tree.js';
import type { CodePlaces, EvidenceTable } from './evidence-table.js';
import { foldEvidenceBy, type KeySet, type PlaceKeys } from './evidence-units.js';

/** Places marked with the current round's number: a KeySet that is emptied by starting a new round. */
class PlaceMarks implements KeySet<number> {
  constructor(
    private readonly marks: Uint32Array,
    private readonly round: number,
  ) {}

  has(place: number): boolean {
    // -1: a sentence whose turn carries no evidence at all.
    return place >= 0 && this.marks[place] === this.round;
  }

  add(place: number): void {
    this.marks[place] = this.round;
  }
}

/**
 * Each code's units (memoized): in reading order, each marked as coded by a person when a person coded
 * it with the code or a code below it. With `keep`, only the places where keep[place] is 1 (one site's
 * or one group's evidence).
 */
export class TableUnits {
  private readonly codeIndex: Map<string, number>;
  private readonly memo = new Map<string, CodePlaces>();
  private readonly seen: Uint32Array;
  private readonly turns: Uint32Array;
  private readonly human: Uint32Array;
  private round = 0;
  private readonly keys: PlaceKeys<number, number>;

  constructor(
    private readonly table: EvidenceTable,
    private readonly children: ReadonlyMap<string, readonly string[]>,
    private readonly keep?: Uint8Array,
  ) {
    this.codeIndex = new Map(table.codes.map((code, i) => [code, i]));
    this.seen = new Uint32Array(table.size);
    this.turns = new Uint32Array(table.size);
    this.human = new Uint32Array(table.size);
    this.keys = { segment: (place) => place, turn: (place) => (table.sentence[place] === 0 ? null : table.turnPlace[place]!) };
  }

  /** The units of `id` and every code below it. */
  of(id: string): CodePlaces {
    let units = this.memo.get(id);
    if (!units) this.memo.set(id, (units = this.fold(descendantsIn(this.children, id))));
    return units;
  }

  private fold(codes: readonly string[]): CodePlaces {
    const round = ++this.round;
    const rows: number[] = [];
    for (const code of codes) {
      const index = this.codeIndex.get(code);
      if (index === undefined) continue;
      const { places, human } = this.table.byCode[index]!;
      for (let j = 0; j < places.length; j++) {
        const place = places[j]!;
        if (this.keep && this.keep[place] !== 1) continue;
        rows.push(place);
        if (human[j] === 1) this.human[place] = round;
      }
    }
    const kept = foldEvidenceBy(rows, this.keys, { turns: new PlaceMarks(this.turns, round), seen: new PlaceMarks(this.seen, round) });
    const places = Int32Array.from(kept).sort();
    return { places, human: Uint8Array.from(places, (place) => (this.human[place] === round ? 1 : 0)) };
  }
}
