// `node bench/table.js bench.json` (the JSON `npm run bench` printed; stdin when no file): the README's
// benchmark table, so the figures there are the ones a run printed and nothing is copied by hand.
import { readFileSync } from 'node:fs';

const run = JSON.parse(readFileSync(process.argv[2] ?? 0, 'utf8'));
const rows = [];
const row = (what, figure, target = '') => rows.push(`| ${what} | ${figure} | ${target} |`);
const mb = (x) => `${Math.round(x)} MB`;
const number = (x) => Math.round(x).toLocaleString('en');
const millions = (x) => `${(x / 1e6).toFixed(1)} M`;

const { machine, corpus, ingest, sqlite3Import, ratio, autoCoding, startup, analysis, report, targets } = run;
if (ingest) {
  row(`ingest ${number(corpus.megabytes)} MB (${number(corpus.files)} files, ${millions(ingest.segments)} segments)`, `${ingest.megabytesPerSecond} MB/s, ${ingest.seconds} s, peak RSS ${mb(ingest.peakRssMb)}`, `${targets.megabytesPerSecond} MB/s, ${targets.peakRssMb} MB`);
  if (sqlite3Import) row(`sqlite3 \`.import\` of the same segments (${mb(sqlite3Import.csvMb)} CSV)`, `${sqlite3Import.seconds.toFixed(1)} s: ingest runs at ${ratio.ingestSpeedOverSqliteImport}× its speed`, `${targets.ingestSpeedOverSqliteImport}×`);
}
if (autoCoding) {
  row(`auto-coding ${millions(autoCoding.tokens)} tokens, the coder alone (warm)`, `${millions(autoCoding.tokensPerSecond)} tokens/s`, '');
  if (autoCoding.endToEnd) row('`code auto` end to end (read, match, store)', `${millions(autoCoding.endToEnd.tokensPerSecond)} tokens/s, ${autoCoding.endToEnd.seconds} s${autoCoding.endToEnd.secondsOverGrepSeconds ? ` (${autoCoding.endToEnd.secondsOverGrepSeconds}× grep's time)` : ''}, peak RSS ${mb(autoCoding.endToEnd.peakRssMb)}`, `${millions(targets.codingTokensPerSecond)} tokens/s`);
  if (autoCoding.grep) row('`grep -c -i -F` of the pattern words over the same files', `${autoCoding.grep.seconds} s (${autoCoding.grep.megabytesPerSecond} MB/s); the coder alone takes ${autoCoding.ratio.coderSecondsOverGrepSeconds}× its time`, '');
}
if (startup) row('`telaah --help` / `--version` start-up', `${startup.helpMs} / ${startup.versionMs} ms (${startup.helpOverNode}× \`node -e 0\`)`, `${targets.helpOverNode}×`);
for (const [name, r] of Object.entries(analysis ?? {})) {
  if (r.error) row(`\`${r.args}\``, `failed: ${r.error.split('\n')[0]}`, '');
  else row(`\`${r.args.replace(/ --json$/, '')}\`${name === 'searchIndexBuild' ? ' (builds the search index)' : ''}`, `${r.seconds} s (CPU ${r.cpuSeconds} s), peak RSS ${mb(r.peakRssMb)}`, name === 'searchIndexBuild' || name === 'codeAuto' ? '' : `${run.targets.analysisSeconds} s, ${run.targets.analysisPeakRssMb} MB`);
}
if (report?.bench) {
  for (const [name, r] of Object.entries(report.bench)) row(`\`${name === 'triangulate' ? 'triangulate --json' : `report -o ${name === 'reportMd' ? 'report.md' : 'report.docx'}`}\``, `${r.seconds} s, peak RSS ${mb(r.peakRssMb)}`, name === 'triangulate' ? '' : `${report.targets.benchReportSeconds} s, ${report.targets.benchReportPeakRssMb} MB`);
}

const on = machine ? `${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}` : 'an unrecorded machine';
process.stdout.write(`Measured on ${on}.\n\n| what | measured | target |\n| --- | --- | --- |\n${rows.join('\n')}\n`);
