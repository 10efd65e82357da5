// `node bench/report-render.js [codes] [quotes]`: time and peak RSS of rendering a thematic report of
// `codes` codes (default 60, in categories of ten) with `quotes` quotes each (default 5) as Word and as
// HTML, each in a fresh process (charts included; the report's data is made up here, not read from a
// project). Needs `npm run build`. Prints JSON.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [mode, format] = process.argv.slice(2);

if (mode === '--child') {
  const codes = Number(process.argv[4]);
  const quotes = Number(process.argv[5]);
  const report = makeReport(codes, quotes);
  const started = process.hrtime.bigint();
  const bytes =
    format === 'docx'
      ? (await (await import(`${root}dist/report/thematic/docx.js`)).renderReportDocx(report)).length
      : Buffer.byteLength(await (await import(`${root}dist/report/thematic/html.js`)).renderReportHtml(report));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, bytes, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const codes = Number(process.argv[2] ?? 60);
  const quotes = Number(process.argv[3] ?? 5);
  const runs = ['docx', 'html'].map((f) => {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', f, String(codes), String(quotes)], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${f}: ${child.stderr}`);
    const r = JSON.parse(child.stdout);
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    return { format: f, renderSeconds: round(r.seconds), processSeconds: round(wall), peakRssMb: round(r.peakRssMb), megabytes: round(r.bytes / 1048576) };
  });
  process.stdout.write(`${JSON.stringify({ report: { codes, quotesPerCode: quotes }, runs }, null, 2)}\n`);
}

function round(x) {
  return Math.round(x * 100) / 100;
}

/** A made-up ThematicReport (core/report/report-model.ts) of the size asked for; deterministic. */
function makeReport(codes, quotes) {
  const words = ['pendampingan', 'iuran', 'kader', 'kelurahan', 'pemulung', 'nelayan', 'ojek', 'klaim', 'kartu', 'arisan'];
  const types = ['interview', 'fgd', 'observation', 'document'];
  const groups = ['pekerja-rentan', 'pekerja-sosial', 'kader'];
  let seed = 7;
  const rand = (n) => Math.floor(((seed = (seed * 48271) % 2147483647) / 2147483647) * n);
  const leaves = Array.from({ length: codes }, (_, k) => {
    const w = words[k % words.length];
    return {
      code: `kategori-${Math.floor(k / 10) + 1}/kode-${k + 1}-${w}`,
      label: k % 3 === 0 ? `${w} dan hambatan administratif yang dialami pekerja rentan nomor ${k + 1}` : `${w} ${k + 1}`,
      definition: `Setiap penyebutan ${w} dalam konteks pendaftaran BPJS Ketenagakerjaan.`,
      category: false,
      depth: 1,
      counts: { segments: 5 + rand(60), sources: 2 + rand(20), participants: 1 + rand(20), groups: 1 + rand(3), byCoder: { 'auto:telaah': 10 + rand(40), nadia: rand(10) } },
      triangulation: { status: 'corroborated', flags: k % 4 === 0 ? ['participant-concentrated'] : [], sourceTypes: { interview: rand(30), fgd: rand(10), observation: rand(6), document: rand(3) } },
      quotes: Array.from({ length: quotes }, (_, i) => ({
        source: `src-${i + 1}`,
        sourceType: types[(k + i) % 4],
        segment: `${1 + rand(80)}.${1 + rand(5)}`,
        participant: (k + i) % 4 >= 2 ? null : `Peserta${1 + rand(28)}`,
        group: (k + i) % 4 >= 2 ? null : groups[rand(2)],
        startMs: (k + i) % 4 >= 2 ? null : rand(5400000),
        text: `Waktu itu soal ${w} memang bikin repot, apalagi kalau harus bolak-balik ke kantor cabang dua kali seminggu sambil tetap jualan di pasar (kutipan ${i + 1}).`,
      })),
      memos: k % 5 === 0 ? [{ author: 'nadia', target: `code kode-${k + 1}`, text: `Catatan analitis untuk ${w}.` }] : [],
      children: [],
    };
  });
  const themes = [];
  for (let c = 0; c * 10 < codes; c++) {
    const children = leaves.slice(c * 10, c * 10 + 10);
    themes.push({ ...children[0], code: `kategori-${c + 1}`, label: `Kategori ${c + 1}`, category: true, depth: 0, quotes: [], memos: [], children });
  }
  const cells = leaves.map((_, i) => leaves.map((__, j) => (i === j ? leaves[i].counts.segments : 0)));
  for (let i = 0; i < codes; i++) for (let j = 0; j < i; j++) cells[i][j] = cells[j][i] = rand(4) === 0 ? rand(15) : 0;
  return {
    schema: 1,
    language: 'id',
    title: { project: 'bench', codebook: { name: 'bench', version: '1' }, date: null, origins: null, codes: null },
    overview: { sources: [{ type: 'interview', sources: 28, turns: 1104, words: 98420, mediaMinutes: 1932 }], totals: { sources: 28, turns: 1104, words: 98420, mediaMinutes: 1932 }, participants: { total: 28, groups: [{ value: 'pekerja-rentan', participants: 20 }], categories: [] } },
    method: { codebook: { name: 'bench', version: '1', codes, categories: themes.length }, coders: [{ coder: 'auto:telaah', codings: 1830, origins: { auto: 1830 } }], agreement: null, automatic: { proposals: 1830, reviewed: 0, accepted: 0, rejected: 0, unreviewed: 1830 } },
    themes,
    cooccurrence: { codes: leaves.map((l) => ({ code: l.code, label: l.label })), cells },
    byGroup: { groups, codes: leaves.map((l) => ({ code: l.code, label: l.label, participants: { 'pekerja-rentan': rand(15), 'pekerja-sosial': rand(8), kader: rand(4) } })) },
    jointDisplay: null,
    appendix: { codebook: [...themes, ...leaves].map((t) => ({ code: t.code, label: t.label, definition: t.definition, parent: t.category ? null : t.code.split('/')[0] })), audit: [] },
  };
}
