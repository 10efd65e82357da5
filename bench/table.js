// `node bench/table.js bench.json` (the JSON `npm run bench` printed; stdin when no file): the README's
// benchmark table, so the figures there are the ones a run printed and nothing is copied by hand.
import { readFileSync } from 'node:fs';

// `npm run bench > out.json` puts npm's own lines before the JSON: it starts at the first line that is "{".
const text = readFileSync(process.argv[2] ?? 0, 'utf8');
const run = JSON.parse(text.startsWith('{') ? text : text.slice(text.indexOf('\n{') + 1));
const rows = [];
const row = (what, figure, target = '') => rows.push(`| ${what} | ${figure} | ${target} |`);
const mb = (x) => `${Math.round(x)} MB`;
const number = (x) => Math.round(x).toLocaleString('en');
const millions = (x) => `${(x / 1e6).toFixed(1)} M`;

const { machine, corpus, ingest, sqlite3Import, ratio, autoCoding, startup, analysis, report } = run;
const targets = { analysisSeconds: 2, analysisPeakRssMb: 400, ...run.targets };
if (ingest) {
  row(`ingest ${number(corpus.megabytes)} MB (${number(corpus.files)} files, ${millions(ingest.segments)} segments)`, `${ingest.megabytesPerSecond} MB/s, ${ingest.seconds} s, peak RSS ${mb(ingest.peakRssMb)}`, `${targets.megabytesPerSecond} MB/s, ${targets.peakRssMb} MB`);
  if (sqlite3Import) row(`sqlite3 \`.import\` of the same segments (${mb(sqlite3Import.csvMb)} CSV)`, `${sqlite3Import.seconds.toFixed(1)} s: ingest runs at ${ratio.ingestSpeedOverSqliteImport}× its speed`, `${targets.ingestSpeedOverSqliteImport}×`);
}
if (autoCoding) {
  row(`auto-coding ${millions(autoCoding.tokens)} tokens, the coder alone (warm)`, `${millions(autoCoding.tokensPerSecond)} tokens/s`, '');
  if (autoCoding.endToEnd) row('`code auto` end to end (read, match, store)', `${millions(autoCoding.endToEnd.tokensPerSecond)} tokens/s, ${autoCoding.endToEnd.seconds} s${autoCoding.endToEnd.overGrepSeconds ? ` (${autoCoding.endToEnd.overGrepSeconds}× grep's time)` : ''}, peak RSS ${mb(autoCoding.endToEnd.peakRssMb)}`, `${millions(targets.codeAutoTokensPerSecond)} tokens/s`);
  if (autoCoding.grep) row('`grep -c -i -F` of the pattern words over the same files', `${autoCoding.grep.seconds} s (${autoCoding.grep.megabytesPerSecond} MB/s); the coder alone takes ${autoCoding.ratio.coderSecondsOverGrepSeconds}× its time`, '');
}
if (startup) row('`telaah --help` / `--version` start-up', `${startup.helpMs} / ${startup.versionMs} ms (${startup.helpOverNode}× \`node -e 0\`)`, `${targets.helpOverNode}×`);
const first = run.search?.firstSearchWithIndexBuild;
if (first) row('`search daftar`, the first search (builds the search index)', `${first.seconds} s, peak RSS ${mb(first.peakRssMb)}`, '');
// Listing every coding writes ~100 MB: its target is memory that does not grow with the project (issue 12).
const LISTINGS = new Set(['codingsListJson', 'codingsListCsv']);
for (const [name, r] of Object.entries(analysis ?? {})) {
  // code auto has its row above; the index build is the first search's.
  if (name === 'codeAuto' || name === 'searchIndexBuild') continue;
  const target = LISTINGS.has(name) ? '200 MB' : `${targets.analysisSeconds} s, ${targets.analysisPeakRssMb} MB`;
  const printed = r.outputKb > 1024 ? `, ${mb(r.outputKb / 1024)} printed` : '';
  if (r.error) row(`\`${r.args}\``, `failed: ${r.error.split('\n')[0]}`, target);
  else row(`\`${r.args.replace(/ --json$/, '')}\``, `${r.seconds} s (CPU ${r.cpuSeconds} s), peak RSS ${mb(r.peakRssMb)}${printed}`, target);
}
if (report?.bench) {
  for (const [name, r] of Object.entries(report.bench)) row(`\`${name === 'triangulate' ? 'triangulate --json' : `report -o ${name === 'reportMd' ? 'report.md' : 'report.docx'}`}\``, `${r.seconds} s, peak RSS ${mb(r.peakRssMb)}`, name === 'triangulate' ? '' : `${report.targets.benchReportSeconds} s, ${report.targets.benchReportPeakRssMb} MB`);
}

const on = machine ? `${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}` : 'an unrecorded machine';
process.stdout.write(`Measured on ${on}.\n\n| what | measured | target |\n| --- | --- | --- |\n${rows.join('\n')}\n`);
