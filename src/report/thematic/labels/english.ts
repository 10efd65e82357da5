/** The thematic report's fixed words in English (`--lang en`). */
import type { TriangulationFlag } from '../../../core/analysis/triangulation-types.js';
import type { TriangulationStatus } from '../../../core/config.js';
import { formatMediaTime } from '../../../core/transcript/build-source.js';
import type { SourceType } from '../../../core/transcript/types.js';
import { DASH, joinList, numberFormat } from '../../language-format.js';
import type { CodingOrigin, CountNoun, ReportLabels } from '../labels.js';

const { number, group } = numberFormat('en');

const SOURCE_TYPES: Record<SourceType, string> = { interview: 'interview', fgd: 'focus group', observation: 'observation', document: 'document' };
const STATUSES: Record<TriangulationStatus, string> = { convergent: 'convergent', corroborated: 'corroborated', 'single-source': 'single source type', absent: 'absent' };
const FLAGS: Record<TriangulationFlag, string> = {
  'participant-concentrated': 'concentrated in one participant',
  'not-observed': 'not seen in observations',
  'observed-only': 'observed only',
  'one-sided': 'voiced by one group only',
  contrasted: 'a contrasting code at the same site',
};
const ORIGINS: Record<CodingOrigin, string> = { auto: 'automatic', manual: 'manual', suggested: 'suggested', accepted: 'accepted proposal', imported: 'imported' };
/** Singular and plural. */
const NOUNS: Record<CountNoun, [string, string]> = {
  source: ['source', 'sources'], segment: ['segment', 'segments'], participant: ['participant', 'participants'], group: ['group', 'groups'],
  code: ['code', 'codes'], coder: ['coder', 'coders'], turn: ['turn', 'turns'], sentence: ['sentence', 'sentences'], proposal: ['proposal', 'proposals'],
};

const origin = (o: string): string => ORIGINS[o as CodingOrigin] ?? o;
const countOf = (n: number, noun: CountNoun): string => `${number(n)} ${NOUNS[noun][n === 1 ? 0 : 1]}`;
const percent = (share: number | null): string => (share === null ? DASH : `${number(share * 100, 1)}%`);
const coefficient = (x: number | null): string => (x === null ? 'undefined' : number(x, 2));

export const ENGLISH: ReportLabels = {
  language: 'en',

  title: 'Thematic analysis report',
  codebookLine: (name, version) => `Codebook: ${name} (version ${version})`,
  dateLine: (date) => `Date: ${date}`,
  countedLine: (origins) => `Codings counted: ${origins ? joinList(origins.map(origin), 'and') : 'all but rejected proposals and suggestions not yet accepted'}`,
  codesLine: (codes) => `Codes reported: ${codes.join(', ')} (with the codes below them)`,
  madeWith: 'Made with telaah',
  contents: 'Contents',

  overview: 'Study overview',
  sources: 'Sources',
  participants: 'Participants',
  method: 'Method note',
  coders: 'Coders',
  agreement: 'Inter-coder agreement',
  automaticCoding: 'Automatic coding and review',
  themes: 'Themes and codes',
  figures: 'Figures',
  cooccurrence: 'Code co-occurrence',
  byGroup: 'Codes by participant group',
  jointDisplay: 'Joint display by outcome',
  appendix: 'Appendix',
  codebook: 'Codebook',
  audit: 'Audit summary',

  column: {
    sourceType: 'Source type', sources: 'Sources', turns: 'Turns', words: 'Words', mediaMinutes: 'Media minutes', total: 'Total',
    group: 'Group', category: 'Category', participants: 'Participants',
    name: 'Name', version: 'Version', codes: 'Codes', categories: 'Categories', coder: 'Coder', coders: 'Coders', codings: 'Codings', origins: 'Origins',
    unit: 'Unit', units: 'Units', proposals: 'Proposals', reviewed: 'Reviewed', accepted: 'Accepted', rejected: 'Rejected', unreviewed: 'Unreviewed',
    code: 'Code', label: 'Label', definition: 'Definition', parent: 'Parent', segments: 'Segments', groups: 'Groups',
    command: 'Command', times: 'Times', first: 'First', last: 'Last',
  },

  definition: 'Definition',
  counts: 'Frequency',
  byCoder: 'By coder',
  triangulation: 'Triangulation',
  quotes: 'Quotes',
  memos: 'Memos',
  categoryTag: 'category',
  memoOn: (target) => `on ${target}`,

  noValue: '(none)',
  noThemes: 'This report holds no codes.',
  noQuotes: 'No evidence to quote yet.',
  noFlags: 'no flags',
  noAudit: 'No commands recorded.',
  noData: 'No data',
  agreementNone: 'Inter-coder agreement is not computed: fewer than two human coders coded the same sources.',

  filterQuotes: 'Filter quotes',
  all: 'All',
  reset: 'Reset',
  quotesShown: (shown, total) => `${shown} of ${total} quotes shown`,
  noQuotesMatch: 'No quote matches the filter.',
  pageOf: { before: 'Page ', between: ' of ' },

  sourceType: (type) => SOURCE_TYPES[type],
  status: (s) => STATUSES[s],
  flag: (f) => FLAGS[f],
  origin,
  unitName: (unit) => NOUNS[unit][0],
  percentAgreement: 'percent agreement',
  kappa: "Cohen's kappa",
  alpha: "Krippendorff's alpha",

  number,
  digitGroup: group,
  percent,
  statistic: (x) => (x === null ? DASH : number(x, 2)),
  minutes: (m) => (m === null ? DASH : number(Math.round(m))),
  mediaTime: formatMediaTime,
  countOf,

  methodCodebook: (m) =>
    `Coding used the codebook "${m.codebook.name}" version ${m.codebook.version}: ${countOf(m.codebook.codes, 'code')}, ${number(m.codebook.categories)} of them ${m.codebook.categories === 1 ? 'a category' : 'categories'}.`,
  methodCoders: (m) =>
    m.coders.length === 0
      ? 'No coding counts yet.'
      : `The codings counted come from ${countOf(m.coders.length, 'coder')}: ${joinList(
          m.coders.map((c) => `${c.coder} (${number(c.codings)}: ${Object.entries(c.origins).map(([o, n]) => `${origin(o)} ${number(n)}`).join(', ')})`),
          'and',
        )}.`,
  methodAgreement: (a) =>
    a === null
      ? ENGLISH.agreementNone
      : `Agreement of ${joinList(a.coders, 'and')} on ${countOf(a.units, a.unit)} of sources more than one of them coded: ` +
        `${ENGLISH.percentAgreement} ${percent(a.percentAgreement)}${a.kappa === null ? '' : `, ${ENGLISH.kappa} ${coefficient(a.kappa)}`}, ${ENGLISH.alpha} ${coefficient(a.alpha)} (pooled over codes).`,
  methodAutomatic: ({ automatic: a }) =>
    a.proposals === 0
      ? 'Nothing was coded automatically.'
      : `The auto-coder proposed ${countOf(a.proposals, 'proposal')}; researchers reviewed ${number(a.reviewed)} (${number(a.accepted)} accepted, ${number(a.rejected)} rejected) and ${number(a.unreviewed)} are not yet reviewed.`,
  countingRule:
    'Each segment counts once per code; a coded turn covers its own sentences; a category counts each segment once, whichever of its codes it carries. Rejected proposals never count.',
  triangulationRule: (t) =>
    `Triangulation status: ${STATUSES.convergent} when the evidence comes from at least ${t.convergent} kinds of source (${Object.values(SOURCE_TYPES).join(', ')}), ` +
    `${STATUSES.corroborated} from ${t.corroborated}, ${STATUSES['single-source']} from one.`,
  countsLine: (c) => `${countOf(c.segments, 'segment')} from ${countOf(c.sources, 'source')}, ${countOf(c.participants, 'participant')}, ${countOf(c.groups, 'group')}.`,
  triangulationLine: (status, types, flags) =>
    `${STATUSES[status]} (${(Object.keys(types) as SourceType[]).map((t) => `${SOURCE_TYPES[t]} ${number(types[t])}`).join(', ')})${flags.length ? `; ${flags.map((f) => FLAGS[f]).join('; ')}` : ''}.`,

  cooccurrenceNote: 'Units coded with both codes (the diagonal: units coded with the code), as `telaah matrix cooccurrence` counts them.',
  cooccurrenceCaption: 'Units coded with both codes; the diagonal (grey): units coded with the code.',
  cooccurrenceLegend: 'Units',
  byGroupNote: 'Participants voicing each code, per group.',
  jointDisplayNote: (attribute) => `Themes voiced by participants by the outcome attribute "${attribute}": participants and segments per value, with one quote.`,
  jointCell: (participants, segments) => `${countOf(participants, 'participant')}, ${countOf(segments, 'segment')}`,
  auditNote: 'Commands that changed the project, how often they ran, and when first and last (UTC).',
};
