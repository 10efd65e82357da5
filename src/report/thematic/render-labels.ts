/**
 * The fixed headings and phrases the Word and HTML renderers print, in Indonesian and English (the quotes
 * stay as spoken). One plain object per language with the same keys, so a missing translation is a type
 * error; numbers are formatted the way each language writes them (1.234,5 against 1,234.5).
 */
import type { TriangulationFlag } from '../../core/analysis/triangulation-types.js';
import type { TriangulationStatus } from '../../core/config.js';
import type { ReportLanguage } from '../../core/report/report-model.js';
import type { SourceType } from '../../core/transcript/types.js';

/** Every fixed string of the rendered report. */
export interface RenderLabels {
  lang: ReportLanguage;
  reportTitle: string;
  codebookLine: (name: string, version: string) => string;
  originsLine: (origins: string[] | null) => string;
  codesLine: (codes: string[]) => string;
  madeWith: string;
  contents: string;
  overview: string;
  sources: string;
  sourceType: string;
  turns: string;
  words: string;
  mediaMinutes: string;
  total: string;
  participants: string;
  participantsByGroup: string;
  participantsByCategory: string;
  group: string;
  category: string;
  noValue: string;
  sourceTypeName: Record<SourceType, string>;
  method: string;
  codebook: string;
  codebookName: string;
  codebookVersion: string;
  codes: string;
  categories: string;
  coders: string;
  coder: string;
  codings: string;
  origins: string;
  originName: (origin: string) => string;
  agreement: string;
  agreementNone: string;
  agreementUnit: string;
  agreementUnitName: Record<'turn' | 'sentence', string>;
  units: string;
  percentAgreement: string;
  kappa: string;
  alpha: string;
  automaticCoding: string;
  proposals: string;
  reviewed: string;
  accepted: string;
  rejected: string;
  unreviewed: string;
  themes: string;
  noThemes: string;
  categoryTag: string;
  definition: string;
  segments: string;
  groups: string;
  byCoder: string;
  triangulation: string;
  statusName: Record<TriangulationStatus, string>;
  flagName: Record<TriangulationFlag, string>;
  noFlags: string;
  quotes: string;
  noQuotes: string;
  memos: string;
  memoOn: (target: string) => string;
  figures: string;
  cooccurrenceTitle: string;
  cooccurrenceCaption: string;
  cooccurrenceLegend: string;
  byGroupTitle: string;
  byGroupCaption: string;
  noData: string;
  jointDisplay: string;
  jointIntro: (attribute: string) => string;
  jointCell: (participants: number, segments: number) => string;
  appendix: string;
  parent: string;
  label: string;
  code: string;
  auditSummary: string;
  noAudit: string;
  command: string;
  times: string;
  first: string;
  last: string;
  filterQuotes: string;
  all: string;
  reset: string;
  /** Takes numbers already formatted (the HTML filter fills them in in the browser). */
  quotesShown: (shown: string, total: string) => string;
  noQuotesMatch: string;
  pageOf: { before: string; between: string };
  /** The locale numbers are written in (id-ID, en-GB). */
  locale: string;
  count: (n: number) => string;
  decimal: (n: number, digits: number) => string;
}

const ID_NUMBER = new Intl.NumberFormat('id-ID');
const EN_NUMBER = new Intl.NumberFormat('en-GB');

const ID: RenderLabels = {
  lang: 'id',
  reportTitle: 'Laporan tematik',
  codebookLine: (name, version) => `Buku kode: ${name} (versi ${version})`,
  originsLine: (origins) =>
    `Pengodean yang dihitung: ${origins ? origins.map((o) => ID.originName(o)).join(', ') : 'semua asal, kecuali saran yang belum diterima'}`,
  codesLine: (codes) => `Kode yang dilaporkan: ${codes.join(', ')}`,
  madeWith: 'Dibuat dengan telaah',
  contents: 'Daftar isi',
  overview: 'Gambaran studi',
  sources: 'Sumber',
  sourceType: 'Jenis sumber',
  turns: 'Giliran bicara',
  words: 'Kata',
  mediaMinutes: 'Menit rekaman',
  total: 'Jumlah',
  participants: 'Partisipan',
  participantsByGroup: 'Partisipan menurut kelompok',
  participantsByCategory: 'Partisipan menurut kategori',
  group: 'Kelompok',
  category: 'Kategori',
  noValue: '(tanpa nilai)',
  sourceTypeName: { interview: 'Wawancara', fgd: 'FGD', observation: 'Observasi', document: 'Dokumen' },
  method: 'Catatan metode',
  codebook: 'Buku kode',
  codebookName: 'Nama',
  codebookVersion: 'Versi',
  codes: 'Kode',
  categories: 'Kategori',
  coders: 'Pengode',
  coder: 'Pengode',
  codings: 'Pengodean',
  origins: 'Asal',
  originName: (o) => ({ auto: 'otomatis', manual: 'manual', suggested: 'saran', accepted: 'saran diterima', imported: 'impor' })[o] ?? o,
  agreement: 'Kesepakatan antarpengode',
  agreementNone: 'Kurang dari dua pengode manusia mengode sumber yang sama; kesepakatan tidak dihitung.',
  agreementUnit: 'Unit',
  agreementUnitName: { turn: 'giliran bicara', sentence: 'kalimat' },
  units: 'Jumlah unit',
  percentAgreement: 'Persentase kesepakatan',
  kappa: 'Kappa Cohen',
  alpha: 'Alfa Krippendorff',
  automaticCoding: 'Pengodean otomatis dan peninjauan',
  proposals: 'Usulan',
  reviewed: 'Ditinjau',
  accepted: 'Diterima',
  rejected: 'Ditolak',
  unreviewed: 'Belum ditinjau',
  themes: 'Tema dan kode',
  noThemes: 'Tidak ada kode dalam laporan ini.',
  categoryTag: 'kategori',
  definition: 'Definisi',
  segments: 'Segmen',
  groups: 'Kelompok',
  byCoder: 'Per pengode',
  triangulation: 'Triangulasi',
  statusName: { convergent: 'konvergen', corroborated: 'terkonfirmasi', 'single-source': 'satu jenis sumber', absent: 'tanpa bukti' },
  flagName: {
    'participant-concentrated': 'terpusat pada satu partisipan',
    'not-observed': 'tidak teramati',
    'observed-only': 'hanya teramati',
    'one-sided': 'hanya satu kelompok',
    contrasted: 'ada kode pembanding di lokasi yang sama',
  },
  noFlags: 'tanpa catatan',
  quotes: 'Kutipan',
  noQuotes: 'Belum ada kutipan.',
  memos: 'Memo',
  memoOn: (target) => `pada ${target}`,
  figures: 'Gambar',
  cooccurrenceTitle: 'Ko-okurensi kode',
  cooccurrenceCaption: 'Jumlah unit yang dikodekan dengan kedua kode; diagonal (abu-abu): unit per kode.',
  cooccurrenceLegend: 'Unit',
  byGroupTitle: 'Kode menurut kelompok partisipan',
  byGroupCaption: 'Jumlah partisipan yang menyuarakan tiap kode, per kelompok.',
  noData: 'Tidak ada data',
  jointDisplay: 'Tampilan gabungan',
  jointIntro: (attribute) => `Tema yang disuarakan tiap kelompok hasil (${attribute}), berdampingan.`,
  jointCell: (participants, segments) => `${ID.count(participants)} partisipan · ${ID.count(segments)} segmen`,
  appendix: 'Lampiran',
  parent: 'Induk',
  label: 'Label',
  code: 'Kode',
  auditSummary: 'Ringkasan audit',
  noAudit: 'Tidak ada perintah yang tercatat.',
  command: 'Perintah',
  times: 'Kali',
  first: 'Pertama',
  last: 'Terakhir',
  filterQuotes: 'Saring kutipan',
  all: 'Semua',
  reset: 'Atur ulang',
  quotesShown: (shown, total) => `${shown} dari ${total} kutipan ditampilkan`,
  noQuotesMatch: 'Tidak ada kutipan yang cocok dengan saringan.',
  pageOf: { before: 'Halaman ', between: ' dari ' },
  locale: 'id-ID',
  count: (n) => ID_NUMBER.format(n),
  decimal: (n, digits) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n),
};

const EN: RenderLabels = {
  lang: 'en',
  reportTitle: 'Thematic report',
  codebookLine: (name, version) => `Codebook: ${name} (version ${version})`,
  originsLine: (origins) => `Codings counted: ${origins ? origins.map((o) => EN.originName(o)).join(', ') : 'every origin but unaccepted suggestions'}`,
  codesLine: (codes) => `Codes reported: ${codes.join(', ')}`,
  madeWith: 'Made with telaah',
  contents: 'Contents',
  overview: 'Study overview',
  sources: 'Sources',
  sourceType: 'Source type',
  turns: 'Turns',
  words: 'Words',
  mediaMinutes: 'Media minutes',
  total: 'Total',
  participants: 'Participants',
  participantsByGroup: 'Participants by group',
  participantsByCategory: 'Participants by category',
  group: 'Group',
  category: 'Category',
  noValue: '(none)',
  sourceTypeName: { interview: 'Interview', fgd: 'Focus group', observation: 'Observation', document: 'Document' },
  method: 'Method note',
  codebook: 'Codebook',
  codebookName: 'Name',
  codebookVersion: 'Version',
  codes: 'Codes',
  categories: 'Categories',
  coders: 'Coders',
  coder: 'Coder',
  codings: 'Codings',
  origins: 'Origins',
  originName: (o) => ({ auto: 'automatic', manual: 'manual', suggested: 'suggested', accepted: 'accepted suggestion', imported: 'imported' })[o] ?? o,
  agreement: 'Agreement between coders',
  agreementNone: 'Fewer than two human coders coded the same sources; agreement is not computed.',
  agreementUnit: 'Unit',
  agreementUnitName: { turn: 'turn', sentence: 'sentence' },
  units: 'Units',
  percentAgreement: 'Percent agreement',
  kappa: "Cohen's kappa",
  alpha: "Krippendorff's alpha",
  automaticCoding: 'Automatic coding and review',
  proposals: 'Proposals',
  reviewed: 'Reviewed',
  accepted: 'Accepted',
  rejected: 'Rejected',
  unreviewed: 'Unreviewed',
  themes: 'Themes and codes',
  noThemes: 'This report holds no codes.',
  categoryTag: 'category',
  definition: 'Definition',
  segments: 'Segments',
  groups: 'Groups',
  byCoder: 'By coder',
  triangulation: 'Triangulation',
  statusName: { convergent: 'convergent', corroborated: 'corroborated', 'single-source': 'single source type', absent: 'absent' },
  flagName: {
    'participant-concentrated': 'concentrated on one participant',
    'not-observed': 'not observed',
    'observed-only': 'observed only',
    'one-sided': 'one group only',
    contrasted: 'a contrasting code at the same site',
  },
  noFlags: 'no flags',
  quotes: 'Quotes',
  noQuotes: 'No quotes yet.',
  memos: 'Memos',
  memoOn: (target) => `on ${target}`,
  figures: 'Figures',
  cooccurrenceTitle: 'Code co-occurrence',
  cooccurrenceCaption: 'Units coded with both codes; the diagonal (grey): units per code.',
  cooccurrenceLegend: 'Units',
  byGroupTitle: 'Codes by participant group',
  byGroupCaption: 'Participants voicing each code, per group.',
  noData: 'No data',
  jointDisplay: 'Joint display',
  jointIntro: (attribute) => `Themes voiced by each outcome group (${attribute}), side by side.`,
  jointCell: (participants, segments) => `${EN.count(participants)} participant${participants === 1 ? '' : 's'} · ${EN.count(segments)} segment${segments === 1 ? '' : 's'}`,
  appendix: 'Appendix',
  parent: 'Parent',
  label: 'Label',
  code: 'Code',
  auditSummary: 'Audit summary',
  noAudit: 'No commands recorded.',
  command: 'Command',
  times: 'Times',
  first: 'First',
  last: 'Last',
  filterQuotes: 'Filter quotes',
  all: 'All',
  reset: 'Reset',
  quotesShown: (shown, total) => `${shown} of ${total} quotes shown`,
  noQuotesMatch: 'No quote matches the filter.',
  pageOf: { before: 'Page ', between: ' of ' },
  locale: 'en-GB',
  count: (n) => EN_NUMBER.format(n),
  decimal: (n, digits) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n),
};

/** The fixed strings of the rendered report in one language. */
export function renderLabels(lang: ReportLanguage): RenderLabels {
  return lang === 'en' ? EN : ID;
}
