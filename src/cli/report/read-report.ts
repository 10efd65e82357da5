/**
 * `telaah report`'s reading: everything the report is built from, read through the same functions
 * `stats`, `triangulate`, `matrix cooccurrence` and `agree` use, then handed to buildReport.
 */
import { chooseSources } from '../../core/analysis/agreement-scope.js';
import { summarizeProject } from '../../core/analysis/project-overview.js';
import type { Codebook } from '../../core/codebook/types.js';
import { buildReport, type ReportCode } from '../../core/report/build-report.js';
import type { MethodAgreement, ReportLanguage, ThematicReport } from '../../core/report/report-model.js';
import { tallyProposals } from '../../core/report/proposal-tally.js';
import { reportScope } from '../../core/report/report-scope.js';
import { SOURCE_TYPES } from '../../core/transcript/types.js';
import { InputError } from '../../errors.js';
import { listSourceCoders, MACHINE_CODERS } from '../../store/agreement-units.js';
import { listParticipantAttributes } from '../../store/coded-units.js';
import { readCodingColumns } from '../../store/coding-columns.js';
import { countParticipantGroups, readEvidenceTable } from '../../store/evidence.js';
import { listParticipantValues } from '../../store/filter-values.js';
import { listMemos } from '../../store/memos.js';
import type { Db } from '../../store/open.js';
import { listAcceptedDecisions, summarizeAudit } from '../../store/report-data.js';
import { readOverviewParticipants, readOverviewSources, readRejections, readTurnGroups } from '../../store/stats.js';
import { compareCoders } from '../agreement/compare-coders.js';
import { codeUnits, readMatrixUnits } from '../analysis/read-matrix.js';
import { openAnalysisScope } from '../analysis/scope.js';
import { hintFor } from '../coding-filters.js';
import { checkCodeIds, currentCodebook } from '../known-codes.js';
import type { Project } from '../open-project.js';

/** What the report is asked for. */
export interface ReportRequest {
  codes?: string[];
  origins?: string[];
  language?: ReportLanguage;
  date?: string;
  /** `--outcome`; else telaah.yaml's report.outcome. */
  outcome?: string;
}

/** Reads the project and assembles its report (an InputError for an unknown code or outcome attribute). */
export function readReport(project: Project, request: ReportRequest): ThematicReport {
  const { db, config } = project;
  const { codebook } = currentCodebook(project);
  if (request.codes) checkCodeIds(codebook, request.codes);
  const outcome = checkOutcome(db, request.outcome ?? config.report.outcome, request.outcome === undefined);
  const language = request.language ?? defaultLanguage(codebook);
  const codes: ReportCode[] = codebook.codes.map((c) => ({
    id: c.id,
    parent: c.parent,
    label: c.label[language] ?? Object.values(c.label)[0] ?? c.id,
    definition: c.definition.trim() || null,
    required: c.required,
    contrasts: c.contrasts,
  }));
  const selection = request.codes ?? null;
  const evidenceScope = { origins: request.origins };
  // Every coding with its place: the overview and method count them, the evidence table is made of them.
  const columns = readCodingColumns(db, evidenceScope, undefined, true);
  // The figures' rows, read as `matrix cooccurrence --codes …` reads them.
  const analysis = openAnalysisScope(project, { origin: request.origins });
  const matrix = readMatrixUnits(project, analysis, { codes: reportScope(codes, selection).leaves }, false);
  return buildReport({
    language,
    project: config.name,
    date: request.date ?? null,
    origins: request.origins ?? null,
    selection,
    codebook: { name: codebook.name, version: codebook.version, codes },
    overview: summarizeProject({
      types: SOURCE_TYPES,
      sources: readOverviewSources(db),
      turnGroups: readTurnGroups(db),
      participants: readOverviewParticipants(db),
      codings: columns,
      rejections: readRejections(db),
    }),
    columns,
    evidence: readEvidenceTable(db, columns),
    triangulation: { convergent: config.triangulation.convergent, corroborated: config.triangulation.corroborated, projectGroups: countParticipantGroups(db) },
    units: codeUnits(matrix.codes, matrix.rows),
    participants: listParticipantAttributes(db),
    outcome,
    agreement: humanAgreement(db, codebook, columns.coders, selection),
    proposals: tallyProposals(columns, listAcceptedDecisions(db)),
    memos: listMemos(db),
    audit: summarizeAudit(db),
  });
}

/** The codebook's first language when the report has headings in it, else Indonesian. */
function defaultLanguage(codebook: Codebook): ReportLanguage {
  const first = codebook.languages[0];
  return first === 'en' || first === 'id' ? first : 'id';
}

/** The outcome attribute, checked against the participants' attributes (and `group`). */
function checkOutcome(db: Db, outcome: string | null | undefined, fromSettings: boolean): string | null {
  if (outcome === null || outcome === undefined) return null;
  const keys = [...listParticipantValues(db).keys()];
  if (keys.includes(outcome)) return outcome;
  const where = fromSettings ? 'telaah.yaml report.outcome' : '--outcome';
  const near = hintFor(outcome, keys, 'see `telaah participants list`');
  throw new InputError(`${where}: no participant attribute "${outcome}"`, {
    hint: `${near.startsWith('Did you mean') ? `${near} ` : ''}Participants have: ${keys.join(', ')}`,
  });
}

/**
 * The human coders' pooled agreement at the turn, as `telaah agree --coders …` gives it: every coder with
 * codings but the auto-coder and the suggester, on the sources they all coded; when they coded none in common (a
 * third person who only reviewed elsewhere), on every source two or more of them coded, as `agree
 * --all-sources` compares them. Null when no source has two human coders. `units` counts the units two
 * or more of them judged, which the figures rest on.
 */
function humanAgreement(db: Db, codebook: Codebook, coders: readonly string[], codes: string[] | null): MethodAgreement | null {
  // Coders with codings: a reviewer who only rejected proposals coded nothing to compare.
  const humans = coders.filter((c) => !MACHINE_CODERS.includes(c)).sort();
  // `agree` compares at most 20 coders at a time.
  if (humans.length < 2 || humans.length > 20) return null;
  const sources = listSourceCoders(db, humans);
  if (!sources.some((s) => s.coders.length >= 2)) return null;
  const allSources = chooseSources(sources, humans, false).compared.length === 0;
  const request = { coders: humans, unit: 'turn' as const, allSources, excludeUncoded: false, disagreements: false, codes: codes ?? undefined };
  const { summary } = compareCoders(db, codebook, request);
  return {
    coders: summary.coders,
    unit: 'turn',
    units: summary.pairable,
    percentAgreement: summary.pooled.percentAgreement,
    kappa: summary.coders.length === 2 ? summary.pooled.kappa : null,
    alpha: summary.pooled.alpha,
  };
}
