/**
 * The fixed words of a thematic report in Indonesian and English, in one place for every renderer
 * (Markdown, Word, HTML): headings, column names, the names of source types, statuses, flags and
 * origins, and small functions that format numbers, media times, counts and the report's stock sentences.
 * Quotes, labels and memos stay as written.
 */
import type { TriangulationFlag } from '../../core/analysis/triangulation-types.js';
import type { TriangulationStatus } from '../../core/config.js';
import type { MethodAgreement, MethodNote, ReportLanguage, ReportQuote, ThemeCounts } from '../../core/report/report-model.js';
import type { SourceType } from '../../core/transcript/types.js';

/** Things a report counts, each with its noun (countOf). */
export type CountNoun = 'source' | 'segment' | 'participant' | 'group' | 'code' | 'category' | 'coder' | 'unit' | 'turn' | 'word' | 'minute' | 'time' | 'proposal' | 'memo' | 'quote';

/** The words of one language. */
export interface ReportLabels {
  language: ReportLanguage;
  /** Headings. */
  title: string;
  contents: string;
  overview: string;
  sources: string;
  participants: string;
  method: string;
  themes: string;
  cooccurrence: string;
  byGroup: string;
  jointDisplay: string;
  appendix: string;
  codebook: string;
  audit: string;
  /** Column names. */
  column: {
    type: string;
    sources: string;
    turns: string;
    words: string;
    mediaMinutes: string;
    group: string;
    category: string;
    participants: string;
    code: string;
    label: string;
    definition: string;
    parent: string;
    command: string;
    times: string;
    first: string;
    last: string;
    coder: string;
    codings: string;
    segments: string;
    origins: string;
  };
  /** Words inside sections. */
  total: string;
  definition: string;
  counts: string;
  triangulation: string;
  flags: string;
  quotes: string;
  memos: string;
  /** A value that is missing (a participant without a group). */
  none: string;
  /** Shown for a dash-like "nothing" (no media time, no agreement figure). */
  dash: string;
  noQuotes: string;
  /** For interactive and paged renderers: the quote filter's title, its "any value" choice, a page number's word. */
  filterQuotes: string;
  all: string;
  page: string;
  /** The line under the title saying which codings count. */
  scope(origins: readonly string[] | null, codes: readonly string[] | null): string;
  dateLine(date: string): string;
  sourceType(type: SourceType): string;
  status(status: TriangulationStatus): string;
  flag(flag: TriangulationFlag): string;
  origin(origin: string): string;
  /** A whole number or a decimal with this language's separators (1.178,1 / 1,178.1). */
  number(n: number, digits?: number): string;
  /** A share 0–1 as a percentage (87,5% / 87.5%). */
  percent(share: number | null): string;
  /** Media time in ms as 12:05 or 1:02:03. */
  mediaTime(ms: number): string;
  /** A count with its noun: 3 segmen / 3 segments / 1 segment. */
  countOf(n: number, noun: CountNoun): string;
  /** "— Sumiati (wawancara, 09-sumiati 4.2, 12:05)": who said a quote, and where. */
  attribution(quote: ReportQuote): string;
  /** The sentences of the method note, one string each. */
  methodCodebook(method: MethodNote): string;
  methodCoders(method: MethodNote): string;
  methodAgreement(agreement: MethodAgreement | null): string;
  methodAutomatic(method: MethodNote): string;
  /** How counts are made (the evidence rules). */
  countingRule: string;
  /** How the triangulation status is reached. */
  triangulationRule(thresholds: { convergent: number; corroborated: number }): string;
  /** A code's counts in one sentence. */
  countsLine(counts: ThemeCounts): string;
  /** A code's triangulation in one sentence: status, then units per source type, then flags. */
  triangulationLine(status: TriangulationStatus, sourceTypes: Record<SourceType, number>, flags: readonly TriangulationFlag[]): string;
  cooccurrenceNote: string;
  byGroupNote: string;
  jointDisplayNote(attribute: string): string;
  auditNote: string;
}

const TYPES_ID: Record<SourceType, string> = { interview: 'wawancara', fgd: 'FGD', observation: 'observasi', document: 'dokumen' };
const TYPES_EN: Record<SourceType, string> = { interview: 'interview', fgd: 'FGD', observation: 'observation', document: 'document' };

const STATUS_ID: Record<TriangulationStatus, string> = { convergent: 'konvergen', corroborated: 'terkonfirmasi', 'single-source': 'satu jenis sumber', absent: 'tidak ada bukti' };
const STATUS_EN: Record<TriangulationStatus, string> = { convergent: 'convergent', corroborated: 'corroborated', 'single-source': 'single source', absent: 'absent' };

const FLAGS_ID: Record<TriangulationFlag, string> = {
  'participant-concentrated': 'terpusat pada satu partisipan',
  'not-observed': 'tidak terlihat dalam observasi',
  'observed-only': 'hanya dari observasi',
  'one-sided': 'hanya dari satu kelompok',
  contrasted: 'berkontras dengan kode lawannya',
};
const FLAGS_EN: Record<TriangulationFlag, string> = {
  'participant-concentrated': 'concentrated in one participant',
  'not-observed': 'not seen in observations',
  'observed-only': 'observed only',
  'one-sided': 'voiced by one group only',
  contrasted: 'contrasted with its counterpart',
};

const ORIGINS_ID: Record<string, string> = { auto: 'otomatis', manual: 'manual', accepted: 'diterima', imported: 'diimpor', suggested: 'saran' };
const ORIGINS_EN: Record<string, string> = { auto: 'automatic', manual: 'manual', accepted: 'accepted', imported: 'imported', suggested: 'suggested' };

const NOUNS_ID: Record<CountNoun, string> = {
  source: 'sumber', segment: 'segmen', participant: 'partisipan', group: 'kelompok', code: 'kode', category: 'kategori', coder: 'pengode',
  unit: 'unit', turn: 'giliran bicara', word: 'kata', minute: 'menit', time: 'kali', proposal: 'usulan', memo: 'memo', quote: 'kutipan',
};
const NOUNS_EN: Record<CountNoun, [string, string]> = {
  source: ['source', 'sources'], segment: ['segment', 'segments'], participant: ['participant', 'participants'], group: ['group', 'groups'],
  code: ['code', 'codes'], category: ['category', 'categories'], coder: ['coder', 'coders'], unit: ['unit', 'units'], turn: ['turn', 'turns'],
  word: ['word', 'words'], minute: ['minute', 'minutes'], time: ['time', 'times'], proposal: ['proposal', 'proposals'], memo: ['memo', 'memos'], quote: ['quote', 'quotes'],
};

/** Digits grouped by three with `group`, decimals after `point`; no locale data needed, so every machine prints the same. */
function formatNumber(n: number, digits: number, group: string, point: string): string {
  const fixed = Math.abs(n).toFixed(digits);
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? point + fraction : ''}`;
}

/** Media time as m:ss or h:mm:ss. */
function formatMediaTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (x: number): string => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** A list read aloud: a, b dan c / a, b and c. */
function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** The labels of a report in `language`. */
export function labels(language: ReportLanguage): ReportLabels {
  return language === 'en' ? english() : indonesian();
}

function indonesian(): ReportLabels {
  const number = (n: number, digits = 0): string => formatNumber(n, digits, '.', ',');
  const countOf = (n: number, noun: CountNoun): string => `${number(n)} ${NOUNS_ID[noun]}`;
  const sourceType = (type: SourceType): string => TYPES_ID[type];
  const percent = (share: number | null): string => (share === null ? '—' : `${number(share * 100, 1)}%`);
  const coefficient = (x: number | null): string => (x === null ? 'tidak terdefinisi' : number(x, 2));
  return {
    language: 'id',
    title: 'Laporan analisis tematik',
    contents: 'Daftar isi',
    overview: 'Gambaran studi',
    sources: 'Sumber data',
    participants: 'Partisipan',
    method: 'Catatan metode',
    themes: 'Tema dan kode',
    cooccurrence: 'Ko-okurensi kode',
    byGroup: 'Kode menurut kelompok partisipan',
    jointDisplay: 'Tampilan gabungan menurut hasil',
    appendix: 'Lampiran',
    codebook: 'Buku kode',
    audit: 'Ringkasan jejak audit',
    column: {
      type: 'Jenis', sources: 'Sumber', turns: 'Giliran', words: 'Kata', mediaMinutes: 'Menit rekaman', group: 'Kelompok', category: 'Kategori',
      participants: 'Partisipan', code: 'Kode', label: 'Label', definition: 'Definisi', parent: 'Induk', command: 'Perintah', times: 'Kali',
      first: 'Pertama', last: 'Terakhir', coder: 'Pengode', codings: 'Koding', segments: 'Segmen', origins: 'Asal',
    },
    total: 'Total',
    definition: 'Definisi',
    counts: 'Frekuensi',
    triangulation: 'Triangulasi',
    flags: 'Catatan',
    quotes: 'Kutipan',
    memos: 'Memo',
    none: '(tanpa nilai)',
    dash: '—',
    noQuotes: 'Belum ada bukti yang dapat dikutip.',
    filterQuotes: 'Saring kutipan',
    all: 'semua',
    page: 'Halaman',
    scope: (origins, codes) =>
      `Dihitung: ${origins ? `koding berasal ${joinList(origins.map((o) => ORIGINS_ID[o] ?? o), 'dan')}` : 'semua koding kecuali usulan yang ditolak atau saran yang belum diterima'}` +
      `${codes ? `; kode: ${codes.join(', ')} (beserta kode di bawahnya)` : ''}.`,
    dateLine: (date) => `Tanggal: ${date}`,
    sourceType,
    status: (s) => STATUS_ID[s],
    flag: (f) => FLAGS_ID[f],
    origin: (o) => ORIGINS_ID[o] ?? o,
    number,
    percent,
    mediaTime: formatMediaTime,
    countOf,
    attribution: (q) => `— ${q.participant ?? q.source} (${[sourceType(q.sourceType), `${q.source} ${q.segment}`, ...(q.startMs === null ? [] : [formatMediaTime(q.startMs)])].join(', ')})`,
    methodCodebook: (m) => `Koding memakai buku kode "${m.codebook.name}" versi ${m.codebook.version}: ${countOf(m.codebook.codes, 'code')}, ${number(m.codebook.categories)} di antaranya kategori.`,
    methodCoders: (m) =>
      m.coders.length === 0
        ? 'Belum ada koding yang dihitung.'
        : `Koding yang dihitung berasal dari ${countOf(m.coders.length, 'coder')}: ${joinList(
            m.coders.map((c) => `${c.coder} (${number(c.codings)}: ${Object.entries(c.origins).map(([o, n]) => `${ORIGINS_ID[o] ?? o} ${number(n)}`).join(', ')})`),
            'dan',
          )}.`,
    methodAgreement: (a) =>
      a === null
        ? 'Kesepakatan antarpengode tidak dihitung: kurang dari dua pengode manusia mengode sumber yang sama.'
        : `Kesepakatan ${joinList(a.coders, 'dan')} pada ${countOf(a.units, 'turn')} dari sumber yang dikode lebih dari satu di antara mereka: ` +
          `persentase kesepakatan ${percent(a.percentAgreement)}${a.kappa === null ? '' : `, kappa Cohen ${coefficient(a.kappa)}`}, alpha Krippendorff ${coefficient(a.alpha)} (gabungan semua kode).`,
    methodAutomatic: ({ automatic: a }) =>
      a.proposals === 0
        ? 'Tidak ada koding otomatis.'
        : `Pengode otomatis mengusulkan ${countOf(a.proposals, 'proposal')}; ${number(a.reviewed)} sudah ditinjau peneliti (${number(a.accepted)} diterima, ${number(a.rejected)} ditolak) dan ${number(a.unreviewed)} belum ditinjau.`,
    countingRule:
      'Setiap segmen dihitung sekali per kode; giliran bicara yang dikode mencakup kalimat-kalimatnya; kategori menghitung setiap segmen sekali, apa pun kode di bawahnya. Usulan yang ditolak tidak pernah dihitung.',
    triangulationRule: (t) =>
      `Status triangulasi: konvergen bila bukti datang dari sedikitnya ${t.convergent} jenis sumber (wawancara, FGD, observasi, dokumen), terkonfirmasi bila dari ${t.corroborated}, satu jenis sumber bila dari satu.`,
    countsLine: (c) => `${countOf(c.segments, 'segment')} dari ${countOf(c.sources, 'source')}, ${countOf(c.participants, 'participant')}, ${countOf(c.groups, 'group')}.`,
    triangulationLine: (status, types, flags) =>
      `${STATUS_ID[status]} (${(Object.keys(types) as SourceType[]).map((t) => `${TYPES_ID[t]} ${number(types[t])}`).join(', ')})${flags.length ? `; ${flags.map((f) => FLAGS_ID[f]).join('; ')}` : ''}.`,
    cooccurrenceNote: 'Jumlah unit yang dikode dengan kedua kode (diagonal: unit yang dikode dengan kode itu), seperti `telaah matrix cooccurrence`.',
    byGroupNote: 'Jumlah partisipan tiap kelompok yang menyuarakan kode itu.',
    jointDisplayNote: (attribute) => `Tema yang disuarakan partisipan menurut atribut hasil "${attribute}": partisipan dan segmen per nilai, dengan satu kutipan.`,
    auditNote: 'Perintah yang mengubah proyek, berapa kali dijalankan, dan kapan pertama dan terakhir (UTC).',
  };
}

function english(): ReportLabels {
  const number = (n: number, digits = 0): string => formatNumber(n, digits, ',', '.');
  const countOf = (n: number, noun: CountNoun): string => `${number(n)} ${NOUNS_EN[noun][n === 1 ? 0 : 1]}`;
  const sourceType = (type: SourceType): string => TYPES_EN[type];
  const percent = (share: number | null): string => (share === null ? '—' : `${number(share * 100, 1)}%`);
  const coefficient = (x: number | null): string => (x === null ? 'undefined' : number(x, 2));
  return {
    language: 'en',
    title: 'Thematic analysis report',
    contents: 'Contents',
    overview: 'Study overview',
    sources: 'Sources',
    participants: 'Participants',
    method: 'Method note',
    themes: 'Themes and codes',
    cooccurrence: 'Code co-occurrence',
    byGroup: 'Codes by participant group',
    jointDisplay: 'Joint display by outcome',
    appendix: 'Appendix',
    codebook: 'Codebook',
    audit: 'Audit summary',
    column: {
      type: 'Type', sources: 'Sources', turns: 'Turns', words: 'Words', mediaMinutes: 'Media minutes', group: 'Group', category: 'Category',
      participants: 'Participants', code: 'Code', label: 'Label', definition: 'Definition', parent: 'Parent', command: 'Command', times: 'Times',
      first: 'First', last: 'Last', coder: 'Coder', codings: 'Codings', segments: 'Segments', origins: 'Origins',
    },
    total: 'Total',
    definition: 'Definition',
    counts: 'Frequency',
    triangulation: 'Triangulation',
    flags: 'Flags',
    quotes: 'Quotes',
    memos: 'Memos',
    none: '(none)',
    dash: '—',
    noQuotes: 'No evidence to quote yet.',
    filterQuotes: 'Filter quotes',
    all: 'all',
    page: 'Page',
    scope: (origins, codes) =>
      `Counted: ${origins ? `codings of origin ${joinList(origins.map((o) => ORIGINS_EN[o] ?? o), 'and')}` : 'every coding but rejected proposals and suggestions not yet accepted'}` +
      `${codes ? `; codes: ${codes.join(', ')} (with the codes below them)` : ''}.`,
    dateLine: (date) => `Date: ${date}`,
    sourceType,
    status: (s) => STATUS_EN[s],
    flag: (f) => FLAGS_EN[f],
    origin: (o) => ORIGINS_EN[o] ?? o,
    number,
    percent,
    mediaTime: formatMediaTime,
    countOf,
    attribution: (q) => `— ${q.participant ?? q.source} (${[sourceType(q.sourceType), `${q.source} ${q.segment}`, ...(q.startMs === null ? [] : [formatMediaTime(q.startMs)])].join(', ')})`,
    methodCodebook: (m) => `Coding used the codebook "${m.codebook.name}" version ${m.codebook.version}: ${countOf(m.codebook.codes, 'code')}, ${number(m.codebook.categories)} of them ${m.codebook.categories === 1 ? 'a category' : 'categories'}.`,
    methodCoders: (m) =>
      m.coders.length === 0
        ? 'No coding counts yet.'
        : `The codings counted come from ${countOf(m.coders.length, 'coder')}: ${joinList(
            m.coders.map((c) => `${c.coder} (${number(c.codings)}: ${Object.entries(c.origins).map(([o, n]) => `${ORIGINS_EN[o] ?? o} ${number(n)}`).join(', ')})`),
            'and',
          )}.`,
    methodAgreement: (a) =>
      a === null
        ? 'Inter-coder agreement is not reported: fewer than two human coders coded the same sources.'
        : `Agreement of ${joinList(a.coders, 'and')} on ${countOf(a.units, 'turn')} of sources more than one of them coded: ` +
          `percent agreement ${percent(a.percentAgreement)}${a.kappa === null ? '' : `, Cohen's kappa ${coefficient(a.kappa)}`}, Krippendorff's alpha ${coefficient(a.alpha)} (pooled over codes).`,
    methodAutomatic: ({ automatic: a }) =>
      a.proposals === 0
        ? 'Nothing was coded automatically.'
        : `The auto-coder proposed ${countOf(a.proposals, 'proposal')}; researchers reviewed ${number(a.reviewed)} (${number(a.accepted)} accepted, ${number(a.rejected)} rejected) and ${number(a.unreviewed)} are not yet reviewed.`,
    countingRule:
      'Each segment counts once per code; a coded turn covers its own sentences; a category counts each segment once, whichever of its codes it carries. Rejected proposals never count.',
    triangulationRule: (t) =>
      `Triangulation status: convergent when the evidence comes from at least ${t.convergent} kinds of source (interview, FGD, observation, document), corroborated from ${t.corroborated}, single source from one.`,
    countsLine: (c) => `${countOf(c.segments, 'segment')} from ${countOf(c.sources, 'source')}, ${countOf(c.participants, 'participant')}, ${countOf(c.groups, 'group')}.`,
    triangulationLine: (status, types, flags) =>
      `${STATUS_EN[status]} (${(Object.keys(types) as SourceType[]).map((t) => `${TYPES_EN[t]} ${number(types[t])}`).join(', ')})${flags.length ? `; ${flags.map((f) => FLAGS_EN[f]).join('; ')}` : ''}.`,
    cooccurrenceNote: 'Units coded with both codes (the diagonal: units coded with the code), as `telaah matrix cooccurrence` counts them.',
    byGroupNote: 'Participants of each group who voice the code.',
    jointDisplayNote: (attribute) => `Themes voiced by participants by the outcome attribute "${attribute}": participants and segments per value, with one quote.`,
    auditNote: 'Commands that changed the project, how often they ran, and when first and last (UTC).',
  };
}
