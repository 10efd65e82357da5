/** The thematic report's fixed words in Indonesian (the study's language and the default). */
import type { TriangulationFlag } from '../../../core/analysis/triangulation-types.js';
import type { TriangulationStatus } from '../../../core/config.js';
import { formatMediaTime } from '../../../core/transcript/build-source.js';
import type { SourceType } from '../../../core/transcript/types.js';
import { DASH, joinList, numberFormat } from '../../language-format.js';
import type { CodingOrigin, CountNoun, ReportLabels } from '../labels.js';

const { number, group } = numberFormat('id');

const SOURCE_TYPES: Record<SourceType, string> = { interview: 'wawancara', fgd: 'FGD', observation: 'observasi', document: 'dokumen' };
const STATUSES: Record<TriangulationStatus, string> = { convergent: 'konvergen', corroborated: 'terkonfirmasi', 'single-source': 'satu jenis sumber', absent: 'tanpa bukti' };
const FLAGS: Record<TriangulationFlag, string> = {
  'participant-concentrated': 'terpusat pada satu partisipan',
  'not-observed': 'tidak terlihat dalam observasi',
  'observed-only': 'hanya dari observasi',
  'one-sided': 'hanya dari satu kelompok',
  contrasted: 'ada kode pembanding di lokasi yang sama',
};
const ORIGINS: Record<CodingOrigin, string> = { auto: 'otomatis', manual: 'manual', suggested: 'saran', accepted: 'usulan diterima', imported: 'diimpor' };
// Indonesian nouns do not change with the count.
const NOUNS: Record<CountNoun, string> = {
  source: 'sumber', segment: 'segmen', participant: 'partisipan', group: 'kelompok', code: 'kode', coder: 'pengode',
  turn: 'giliran bicara', sentence: 'kalimat', proposal: 'usulan',
};

const origin = (o: string): string => ORIGINS[o as CodingOrigin] ?? o;
const countOf = (n: number, noun: CountNoun): string => `${number(n)} ${NOUNS[noun]}`;
const percent = (share: number | null): string => (share === null ? DASH : `${number(share * 100, 1)}%`);
const coefficient = (x: number | null): string => (x === null ? 'tidak terdefinisi' : number(x, 2));

export const INDONESIAN: ReportLabels = {
  language: 'id',

  title: 'Laporan analisis tematik',
  codebookLine: (name, version) => `Buku kode: ${name} (versi ${version})`,
  dateLine: (date) => `Tanggal: ${date}`,
  countedLine: (origins) =>
    `Koding yang dihitung: ${origins ? joinList(origins.map(origin), 'dan') : 'semua, kecuali usulan yang ditolak dan saran yang belum diterima'}`,
  codesLine: (codes) => `Kode yang dilaporkan: ${codes.join(', ')} (beserta kode di bawahnya)`,
  madeWith: 'Dibuat dengan telaah',
  contents: 'Daftar isi',

  overview: 'Gambaran studi',
  sources: 'Sumber data',
  participants: 'Partisipan',
  method: 'Catatan metode',
  coders: 'Pengode',
  agreement: 'Kesepakatan antarpengode',
  automaticCoding: 'Pengodean otomatis dan peninjauan',
  themes: 'Tema dan kode',
  figures: 'Gambar',
  cooccurrence: 'Ko-okurensi kode',
  byGroup: 'Kode menurut kelompok partisipan',
  jointDisplay: 'Tampilan gabungan menurut hasil',
  appendix: 'Lampiran',
  codebook: 'Buku kode',
  audit: 'Ringkasan jejak audit',

  column: {
    sourceType: 'Jenis sumber', sources: 'Sumber', turns: 'Giliran bicara', words: 'Kata', mediaMinutes: 'Menit rekaman', total: 'Jumlah',
    group: 'Kelompok', category: 'Kategori', participants: 'Partisipan',
    name: 'Nama', version: 'Versi', codes: 'Kode', categories: 'Kategori', coder: 'Pengode', coders: 'Pengode', codings: 'Koding', origins: 'Asal',
    unit: 'Unit', units: 'Jumlah unit', proposals: 'Usulan', reviewed: 'Ditinjau', accepted: 'Diterima', rejected: 'Ditolak', unreviewed: 'Belum ditinjau',
    code: 'Kode', label: 'Label', definition: 'Definisi', parent: 'Induk', segments: 'Segmen', groups: 'Kelompok',
    command: 'Perintah', times: 'Kali', first: 'Pertama', last: 'Terakhir',
  },

  definition: 'Definisi',
  counts: 'Frekuensi',
  byCoder: 'Per pengode',
  triangulation: 'Triangulasi',
  quotes: 'Kutipan',
  memos: 'Memo',
  categoryTag: 'kategori',
  memoOn: (target) => `pada ${target}`,

  noValue: '(tanpa nilai)',
  noThemes: 'Tidak ada kode dalam laporan ini.',
  noQuotes: 'Belum ada bukti yang dapat dikutip.',
  noFlags: 'tanpa catatan',
  noAudit: 'Tidak ada perintah yang tercatat.',
  noData: 'Tidak ada data',
  agreementNone: 'Kesepakatan antarpengode tidak dihitung: kurang dari dua pengode manusia mengode sumber yang sama.',

  filterQuotes: 'Saring kutipan',
  all: 'Semua',
  reset: 'Atur ulang',
  quotesShown: (shown, total) => `${shown} dari ${total} kutipan ditampilkan`,
  noQuotesMatch: 'Tidak ada kutipan yang cocok dengan saringan.',
  pageOf: { before: 'Halaman ', between: ' dari ' },

  sourceType: (type) => SOURCE_TYPES[type],
  status: (s) => STATUSES[s],
  flag: (f) => FLAGS[f],
  origin,
  unitName: (unit) => NOUNS[unit],
  percentAgreement: 'persentase kesepakatan',
  kappa: 'kappa Cohen',
  alpha: 'alfa Krippendorff',

  number,
  digitGroup: group,
  percent,
  statistic: (x) => (x === null ? DASH : number(x, 2)),
  minutes: (m) => (m === null ? DASH : number(Math.round(m))),
  mediaTime: formatMediaTime,
  countOf,

  methodCodebook: (m) => `Koding memakai buku kode "${m.codebook.name}" versi ${m.codebook.version}: ${countOf(m.codebook.codes, 'code')}, ${number(m.codebook.categories)} di antaranya kategori.`,
  methodCoders: (m) =>
    m.coders.length === 0
      ? 'Belum ada koding yang dihitung.'
      : `Koding yang dihitung berasal dari ${countOf(m.coders.length, 'coder')}: ${joinList(
          m.coders.map((c) => `${c.coder} (${number(c.codings)}: ${Object.entries(c.origins).map(([o, n]) => `${origin(o)} ${number(n)}`).join(', ')})`),
          'dan',
        )}.`,
  methodAgreement: (a) =>
    a === null
      ? INDONESIAN.agreementNone
      : `Kesepakatan ${joinList(a.coders, 'dan')} pada ${countOf(a.units, a.unit)} dari sumber yang dikode lebih dari satu di antara mereka: ` +
        `${INDONESIAN.percentAgreement} ${percent(a.percentAgreement)}${a.kappa === null ? '' : `, ${INDONESIAN.kappa} ${coefficient(a.kappa)}`}, ${INDONESIAN.alpha} ${coefficient(a.alpha)} (gabungan semua kode).`,
  methodAutomatic: ({ automatic: a }) =>
    a.proposals === 0
      ? 'Tidak ada koding otomatis.'
      : `Pengode otomatis mengusulkan ${countOf(a.proposals, 'proposal')}; ${number(a.reviewed)} sudah ditinjau peneliti (${number(a.accepted)} diterima, ${number(a.rejected)} ditolak) dan ${number(a.unreviewed)} belum ditinjau.`,
  countingRule:
    'Setiap segmen dihitung sekali per kode; giliran bicara yang dikode mencakup kalimat-kalimatnya; kategori menghitung setiap segmen sekali, apa pun kode di bawahnya. Usulan yang ditolak tidak pernah dihitung.',
  triangulationRule: (t) =>
    `Status triangulasi: ${STATUSES.convergent} bila bukti datang dari sedikitnya ${t.convergent} jenis sumber (${Object.values(SOURCE_TYPES).join(', ')}), ` +
    `${STATUSES.corroborated} bila dari ${t.corroborated}, ${STATUSES['single-source']} bila dari satu.`,
  countsLine: (c) => `${countOf(c.segments, 'segment')} dari ${countOf(c.sources, 'source')}, ${countOf(c.participants, 'participant')}, ${countOf(c.groups, 'group')}.`,
  triangulationLine: (status, types, flags) =>
    `${STATUSES[status]} (${(Object.keys(types) as SourceType[]).map((t) => `${SOURCE_TYPES[t]} ${number(types[t])}`).join(', ')})${flags.length ? `; ${flags.map((f) => FLAGS[f]).join('; ')}` : ''}.`,

  cooccurrenceNote: 'Jumlah unit yang dikode dengan kedua kode (diagonal: unit yang dikode dengan kode itu), seperti `telaah matrix cooccurrence`.',
  cooccurrenceCaption: 'Jumlah unit yang dikode dengan kedua kode; diagonal (abu-abu): unit yang dikode dengan kode itu.',
  cooccurrenceLegend: 'Unit',
  byGroupNote: 'Jumlah partisipan yang menyuarakan tiap kode, per kelompok.',
  jointDisplayNote: (attribute) => `Tema yang disuarakan partisipan menurut atribut hasil "${attribute}": partisipan dan segmen per nilai, dengan satu kutipan.`,
  jointCell: (participants, segments) => `${countOf(participants, 'participant')}, ${countOf(segments, 'segment')}`,
  auditNote: 'Perintah yang mengubah proyek, berapa kali dijalankan, dan kapan pertama dan terakhir (UTC).',
};
