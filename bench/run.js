// `npm run bench`: ingest throughput and memory on a synthetic corpus (>= 200 MB by default, BENCH_MB to
// change), beside sqlite3's own `.import` of the same segments as CSV; auto-coding speed; then the project
// is auto-coded and every analysis command is timed on it (seconds and peak RSS, one process each), and
// the thematic report on it and on the demo project (bench/report.js).
// BENCH_ONLY=analysis re-times the analysis commands and the report on the project an earlier run left in bench/out.
// Prints one JSON document.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { parse as parseYaml } from 'yaml';
import { addBenchCoder, HUMAN } from './bench-project.js';
import { makeCorpus } from './make-corpus.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', 'out');
const samples = join(root, 'samples', 'bpjs-medan');
const targetMb = Number(process.env.BENCH_MB ?? 200);
const telaah = join(root, 'bin', 'telaah.js');

mkdirSync(out, { recursive: true });
const corpusDir = join(out, 'corpus');
const project = join(out, 'project');
const codebookPath = join(root, 'codebooks', 'bpjs-social-work.yaml');

if (process.env.BENCH_ONLY === 'analysis') {
  if (!existsSync(join(project, 'telaah.db'))) {
    process.stderr.write('bench: no project in bench/out/project yet; run `npm run bench` once first\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify({ machine: machine(), analysis: timeAnalysis(), report: timeReport(), targets: { analysisSeconds: 2, analysisPeakRssMb: 400 } }, null, 2)}\n`);
  process.exit(0);
}

const corpus = makeCorpus(corpusDir, [samples, join(root, 'test', 'fixtures')], targetMb * 1024 * 1024);

rmSync(project, { recursive: true, force: true });
execFileSync(process.execPath, [telaah, 'init', project], { stdio: 'ignore' });
execFileSync(process.execPath, [telaah, 'participants', 'import', join(samples, 'participants.csv'), '--project', project], { stdio: 'ignore' });

settle();
const child = spawnSync(process.execPath, [join(root, 'bench', 'ingest-child.js'), project, corpusDir, join(samples, 'pseudonyms.csv')], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (child.status !== 0) {
  process.stderr.write(child.stderr);
  process.exit(1);
}
const ingest = JSON.parse(child.stdout);
const mb = corpus.bytes / (1024 * 1024);

// The same segments, as sqlite3 would take them from a CSV file.
const csvPath = join(out, 'segments.csv');
await exportSegments(join(project, 'telaah.db'), csvPath);
const csvMb = statSync(csvPath).size / (1024 * 1024);
const importDb = join(out, 'import.db');
rmSync(importDb, { force: true });
let sqlite = null;
const probe = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
if (probe.status === 0) {
  const started = process.hrtime.bigint();
  const run = spawnSync('sqlite3', [importDb, '-cmd', '.mode csv', '.import ' + csvPath + ' segments'], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status === 0) sqlite = { version: probe.stdout.split(' ')[0], seconds, csvMb: round(csvMb), mbPerSecond: round(csvMb / seconds) };
}

// Auto-coding: the coder over every sentence of the ingested corpus, beside grep -c -i -F over the
// same files with every pattern word of the codebook.
const codingRun = spawnSync(process.execPath, [join(root, 'bench', 'coding-child.js'), join(project, 'telaah.db'), codebookPath], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (codingRun.status !== 0) {
  process.stderr.write(codingRun.stderr);
  process.exit(1);
}
const coding = JSON.parse(codingRun.stdout);
const patternWords = join(out, 'pattern-words.txt');
writeFileSync(patternWords, `${patternWordsOf(readFileSync(codebookPath, 'utf8')).join('\n')}\n`);
const grepFiles = listFiles(corpusDir).filter((f) => !f.endsWith('.docx'));
const grepStarted = process.hrtime.bigint();
const grep = spawnSync('sh', ['-c', `find "${corpusDir}" -type f ! -name '*.docx' -print0 | xargs -0 grep -c -i -F -f "${patternWords}" > /dev/null`], { encoding: 'utf8' });
const grepSeconds = Number(process.hrtime.bigint() - grepStarted) / 1e9;
const warm = coding.passes[1];
const autoCoding = {
  units: coding.units,
  tokens: coding.tokens,
  codings: warm.codings,
  firstPassTokensPerSecond: Math.round(coding.tokens / coding.passes[0].seconds),
  tokensPerSecond: Math.round(coding.tokens / warm.seconds),
  megabytesPerSecond: round(coding.megabytes / warm.seconds),
  grep: grep.status === 0 || grep.status === 123 ? { files: grepFiles.length, seconds: round(grepSeconds), megabytesPerSecond: round(mb / grepSeconds) } : null,
  ratio: { coderSecondsOverGrepSeconds: round(warm.seconds / grepSeconds) },
};

// Search: the first search builds the project's index (once), later ones only query it. BENCH_SEARCH=0 skips.
let search = null;
if (process.env.BENCH_SEARCH !== '0') {
  const searchRun = (...words) => {
    const run = spawnSync(process.execPath, [join(root, 'bench', 'command-child.js'), project, 'search', ...words, '--limit', '50'], { encoding: 'utf8' });
    const r = JSON.parse(run.stdout || '{}');
    if (run.status !== 0 || r.code !== 0) {
      process.stderr.write(`${run.stderr}${r.stderr ?? ''}`);
      process.exit(1);
    }
    const hits = Number(/^([\d,]+) hits?/m.exec(r.stderr)?.[1]?.replaceAll(',', '') ?? 0);
    return { seconds: round(r.seconds), hits, peakRssMb: round(r.maxRssKb / 1024) };
  };
  const first = searchRun('daftar');
  search = { firstSearchWithIndexBuild: first, stemmed: searchRun('daftar'), phrase: searchRun('kartu keluarga'), exact: searchRun('--exact', 'iuran') };
}

// Start-up: `telaah --help` and `--version` must not load heavy modules (target: within 2x `node -e 0`).
const startup = {
  nodeMs: medianMs([process.execPath, '-e', '0']),
  versionMs: medianMs([process.execPath, telaah, '--version']),
  helpMs: medianMs([process.execPath, telaah, '--help']),
};
startup.helpOverNode = round(startup.helpMs / startup.nodeMs);

// The project auto-coded and stored (as a researcher would run it), then every analysis command on it.
const stored = timeCommand(['code', 'auto', '--codebook', codebookPath, '--json']);
// End to end: the tokens `code auto` codes over its wall time (reading, matching, storing), beside grep's.
autoCoding.endToEnd = stored.seconds
  ? { seconds: stored.seconds, cpuSeconds: stored.cpuSeconds, peakRssMb: stored.peakRssMb, tokens: coding.codedTokens, tokensPerSecond: Math.round(coding.codedTokens / stored.seconds), overGrepSeconds: round(stored.seconds / grepSeconds) }
  : null;
const analysis = { codeAuto: stored, ...timeAnalysis() };
const report = timeReport();

const result = {
  machine: machine(),
  corpus: { files: ingest.counts.added + ingest.counts.unchanged + ingest.counts.skipped, megabytes: round(mb), templates: corpus.templates },
  ingest: {
    seconds: round(ingest.seconds),
    megabytesPerSecond: round(mb / ingest.seconds),
    segments: ingest.counts.segments,
    segmentsPerSecond: Math.round(ingest.counts.segments / ingest.seconds),
    turns: ingest.counts.turns,
    peakRssMb: round(ingest.maxRssKb / 1024),
    cpuUserSeconds: round(ingest.cpuUserSeconds),
    failed: ingest.counts.failed,
  },
  sqlite3Import: sqlite,
  autoCoding,
  search,
  // The same segments per second as sqlite3's own .import, as a fraction of it (goal: >= 0.5).
  ratio: sqlite ? { ingestSpeedOverSqliteImport: round(sqlite.seconds / ingest.seconds), ingestSecondsOverSqliteImportSeconds: round(ingest.seconds / sqlite.seconds) } : null,
  startup,
  analysis,
  report,
  targets: { megabytesPerSecond: 30, peakRssMb: 400, ingestSpeedOverSqliteImport: 0.5, helpOverNode: 2, codingTokensPerSecond: 2_000_000, codeAutoTokensPerSecond: 5_000_000, analysisSeconds: 2, analysisPeakRssMb: 400 },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

/** What the figures were measured on: they mean little without the core count. */
function machine() {
  const all = cpus();
  return { cores: all.length, cpu: all[0]?.model.trim() ?? null, memoryGb: round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` };
}

/** Runs `telaah <args>` on the bench project in its own process: seconds, peak RSS, bytes printed. */
function timeCommand(args) {
  settle();
  const run = spawnSync(process.execPath, [join(root, 'bench', 'command-child.js'), project, ...args, '--project', project], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) return { args: args.join(' '), error: (run.stderr || run.stdout).slice(0, 500) };
  const r = JSON.parse(run.stdout);
  return { args: args.join(' '), code: r.code, seconds: round(r.seconds), cpuSeconds: round(r.cpuSeconds), peakRssMb: round(r.maxRssKb / 1024), outputKb: round(r.outBytes / 1024), ...(r.code !== 0 ? { stderr: r.stderr } : {}) };
}

/**
 * Writes the page cache's dirty pages out before a timed step: the corpus just made (200 MB) or the
 * project just written would otherwise be flushed by the kernel during the next step and counted in its time.
 */
function settle() {
  spawnSync('sync');
}

/**
 * The analysis commands a researcher runs on a coded project, each timed on the bench project (a stand-in
 * human coder is added first, for agreement; the search index is built by the first search, timed apart).
 */
function timeAnalysis() {
  addBenchCoder(join(project, 'telaah.db'));
  const commands = {
    searchIndexBuild: ['search', 'daftar', '--limit', '50'],
    search: ['search', 'daftar', '--limit', '50'],
    searchPhrase: ['search', 'kartu keluarga', '--limit', '50'],
    query: ['query', 'barrier/distrust AND role/educator', '--json'],
    queryNear: ['query', 'barrier/distrust NEAR/2 strategy/peer-agents', '--json'],
    matrixCooccurrence: ['matrix', 'cooccurrence', '--json'],
    matrixAttributes: ['matrix', 'attributes', '--by', 'group', '--json'],
    stats: ['stats', '--json'],
    statsWords: ['stats', 'words', '--json'],
    agree: ['agree', '--coders', `${HUMAN},auto`, '--json'],
    agreeSentence: ['agree', '--coders', `${HUMAN},auto`, '--unit', 'sentence', '--json'],
    codebookShow: ['codebook', 'show', '--json'],
    codingsListCode: ['codings', 'list', '--code', 'barrier/distrust', '--json'],
    codingsListJson: ['codings', 'list', '--json'],
    codingsListCsv: ['codings', 'list', '--csv'],
    triangulate: ['triangulate', '--json'],
  };
  return Object.fromEntries(Object.entries(commands).map(([name, args]) => [name, timeCommand(args)]));
}

/** `telaah report` (Markdown, Word) and `triangulate` on the bench project and the report on the demo project: bench/report.js, with its targets. */
function timeReport() {
  const run = spawnSync(process.execPath, [join(root, 'bench', 'report.js'), project], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) return { error: (run.stderr || run.stdout).slice(0, 500) };
  return JSON.parse(run.stdout);
}

/** Every pattern word of a codebook (terms without quotes or *), for grep -F. */
function patternWordsOf(yamlText) {
  const words = new Set();
  const doc = parseYaml(yamlText);
  const visit = (codes) => {
    for (const code of codes ?? []) {
      const p = code.patterns ?? {};
      const terms = [...(p.id ?? []), ...(p.en ?? []), ...(p.all ?? []).flat(), ...(p.near ?? []).flatMap((n) => n.terms), ...(p.not ?? [])];
      for (const t of terms) words.add(String(t).replace(/^"|"$/g, '').replace(/\*$/, '').toLowerCase());
      visit(code.children);
    }
  };
  visit(doc.codes);
  return [...words].filter(Boolean).sort();
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

function medianMs(argv, runs = 15) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(runs / 2)]);
}

function round(x) {
  return Math.round(x * 100) / 100;
}

async function exportSegments(dbPath, csv) {
  const db = new Database(dbPath, { readonly: true });
  const stream = createWriteStream(csv);
  const field = (v) => (v === null ? '' : /[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  stream.write('source,turn,sentence,speaker,start,end,text\n');
  const sources = db.prepare('SELECT id, name, text, first_segment, last_segment FROM sources').all();
  const segs = db.prepare('SELECT turn, sentence, speaker, start, end FROM segments WHERE id BETWEEN ? AND ? ORDER BY id');
  for (const s of sources) {
    const points = Array.from(s.text);
    let chunk = '';
    for (const g of segs.iterate(s.first_segment, s.last_segment)) {
      chunk += [s.name, g.turn, g.sentence, g.speaker, g.start, g.end, points.slice(g.start, g.end).join('')].map(field).join(',') + '\n';
    }
    if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
  }
  await new Promise((r) => stream.end(r));
  db.close();
}
