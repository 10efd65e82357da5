/**
 * What `query` and `matrix` share: the coding unit, the evidence rules under --coder and --origin, the
 * filters (--type, --source, --where) checked with did-you-mean, and reading the units of codes through
 * those filters.
 */
import { allKnownCodes, codeFamily, isKnownCode, type KnownCodes } from '../../core/analysis/code-family.js';
import { unionAll, type UnitSet } from '../../core/analysis/unit-sets.js';
import type { CodebookCode } from '../../core/analysis/matrix-codes.js';
import type { CodingUnit } from '../../core/config.js';
import type { SourceType } from '../../core/transcript/types.js';
import { InputError } from '../../errors.js';
import type { EvidenceScope } from '../../store/coded-segments.js';
import { listCodedCodes, listCurrentCodes, listParticipantAttributes, listSourceRefs, type ParticipantAttributes, type SourceRef, type UnitNames } from '../../store/coded-units.js';
import type { Db } from '../../store/open.js';
import { lazyAttributeValues, listCoders, type AttributeFilter, type AttributeValues } from '../../store/filter-values.js';
import { readUnitIds, readUnitTriples, type UnitIds, type UnitTriples } from '../../store/unit-ids.js';
import { checkCoder, hintFor, resolveWhere } from '../coding-filters.js';
import type { WhereOption } from '../flags.js';
import type { Project } from '../open-project.js';

/** The options every analysis command takes. */
export interface AnalysisOptions {
  type?: SourceType;
  source?: string;
  coder?: string;
  origin?: string[];
  where?: WhereOption;
  unit?: CodingUnit;
}

/** The units an analysis ranges over, and how to read them. */
export interface AnalysisScope {
  unit: CodingUnit;
  evidence: EvidenceScope;
  /** The current codebook's codes (null: no codebook yet). */
  codebook: CodebookCode[] | null;
  known: KnownCodes;
  /** Every source, by name (read when first asked for). */
  sources: () => SourceRef[];
  /** Whether sources() has been read. */
  sourcesRead: () => boolean;
  /** The sources the filters keep (null: every source). */
  keptSources: number[] | null;
  participants: ParticipantAttributes[];
  /** The participants a --where on a participant attribute keeps (null: no such filter). */
  keptParticipants: number[] | null;
  /** The --where, resolved. */
  where: AttributeFilter | null;
  /** The values participants' and sources' attributes take (read when first asked for). */
  values: AttributeValues;
}

/** Reads and checks the filters (a typo is an InputError naming the nearest values). */
export function openAnalysisScope(project: Project, opts: AnalysisOptions): AnalysisScope {
  const { db } = project;
  const values = lazyAttributeValues(db);
  // Labels in the project's first language (telaah.yaml languages:).
  const codebook = listCurrentCodes(db, project.config.languages[0] ?? 'id');
  let refs: SourceRef[] | undefined;
  const sources = (): SourceRef[] => (refs ??= listSourceRefs(db));
  const participants = listParticipantAttributes(db);
  if (opts.source !== undefined && !sources().some((s) => s.name === opts.source)) {
    throw new InputError(`no source named "${opts.source}"`, { hint: hintFor(opts.source, sources().map((s) => s.name), 'see `telaah sources list`') });
  }
  if (opts.coder !== undefined) checkCoder(opts.coder, listCoders(db));
  const where = opts.where ? resolveWhere(opts.where, values) : null;
  let keptSources: number[] | null = null;
  if (opts.type !== undefined || opts.source !== undefined || where?.on === 'source') {
    const byId = where?.on === 'source' ? values.sourceValueById(where.key) : null;
    keptSources = sources()
      .filter((s) => (opts.type === undefined || s.type === opts.type) && (opts.source === undefined || s.name === opts.source) && (where === null || byId === null || byId.get(s.id) === where.value))
      .map((s) => s.id);
  }
  const keptParticipants = where?.on === 'participant' ? participants.filter((p) => participantValue(p, where.key) === where.value).map((p) => p.id) : null;
  return {
    unit: opts.unit ?? project.config.codingUnit,
    evidence: { coder: opts.coder, origins: opts.origin },
    codebook,
    known: { codebook: codebook ?? [], coded: listCodedCodes(db) },
    sources,
    sourcesRead: () => refs !== undefined,
    keptSources,
    participants,
    keptParticipants,
    where,
    values,
  };
}

/**
 * Names for units' sources and participants (see iterateUnitRows): from the list of sources when it has
 * been read, else looked up one source at a time (a few quotes need not read every source).
 */
export function unitNames(scope: AnalysisScope, db: Db): UnitNames {
  const participants = new Map(scope.participants.map((p) => [p.id, p.pseudonym]));
  const one = db.prepare<[number], SourceRef>('SELECT id, name, type FROM sources WHERE id = ?');
  const known = new Map<number, SourceRef>();
  let listed = false;
  return {
    source: (id) => {
      if (!listed && scope.sourcesRead()) {
        for (const s of scope.sources()) known.set(s.id, s);
        listed = true;
      }
      let source = known.get(id);
      if (!source) known.set(id, (source = one.get(id)!));
      return source;
    },
    participant: (id) => participants.get(id) ?? null,
  };
}

/** A participant's value for a key (`group` or an attribute), or null. */
export function participantValue(p: ParticipantAttributes, key: string): string | null {
  const value = key === 'group' ? p.group : p.attributes[key];
  return value === undefined || value === null ? null : String(value);
}

/** Checks a code id against the codebook and the codings; `at` places the error (a query's column). */
export function checkCode(scope: AnalysisScope, id: string, at?: { col: number }): void {
  if (isKnownCode(id, scope.known)) return;
  const where = at ? { file: 'query', line: 1, col: at.col } : {};
  throw new InputError(`unknown code "${id}"`, { ...where, hint: hintFor(id, allKnownCodes(scope.known), 'see `telaah codebook show`') });
}

/** The code with every code below it (see codeFamily). */
export function familyOf(scope: AnalysisScope, id: string): string[] {
  return codeFamily(id, scope.known);
}

/** The reading options the filters give; interviewer turns are never units. */
function readOptions(scope: AnalysisScope, codes: readonly string[] | undefined, member: 'participant' | 'source' | 'none') {
  return { codes, skipInterviewer: true, sourceIds: scope.keptSources ?? undefined, participantIds: scope.keptParticipants ?? undefined, member };
}

/**
 * The units carrying each of the codes (exactly, not their descendants) within the filters, by
 * participant, or all together with `byParticipant` false (faster). Codes omitted: every code.
 */
export function readScopedUnitIds(project: Project, scope: AnalysisScope, codes: readonly string[] | undefined, byParticipant: boolean): UnitIds[] {
  return readUnitIds(project.db, scope.unit, { evidence: scope.evidence }, readOptions(scope, codes, byParticipant ? 'participant' : 'none'));
}

/** Every (unit, code, participant or source) of the codes within the filters, with the units' lengths when asked. */
export function readScopedTriples(project: Project, scope: AnalysisScope, codes: readonly string[], member: 'participant' | 'source', lengths: boolean): UnitTriples {
  return readUnitTriples(project.db, scope.unit, { evidence: scope.evidence }, { ...readOptions(scope, codes, member), lengths });
}

/** The units per code, all participants together. */
export function unitsByCode(rows: readonly UnitIds[]): Map<string, UnitSet> {
  const lists = new Map<string, UnitSet[]>();
  for (const r of rows) {
    const list = lists.get(r.code);
    if (list) list.push(r.ids);
    else lists.set(r.code, [r.ids]);
  }
  return new Map([...lists].map(([code, sets]) => [code, unionAll(sets)]));
}
