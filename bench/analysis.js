// `node bench/analysis.js [PROJECT]`: time and peak memory of `telaah query` and `telaah matrix` on a coded
// project (default: bench/out/project from `npm run bench`, auto-coded here first if it has no codings).
// Prints one JSON document. Targets: every call within 2 s and 400 MB.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countRows, ensureAutoCoded } from './bench-project.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const telaah = join(root, 'bin', 'telaah.js');
const project = process.argv[2] ?? join(root, 'bench', 'out', 'project');
const database = join(project, 'telaah.db');

const count = (sql) => countRows(database, sql);
ensureAutoCoded(project);

const calls = [
  ['query', 'barrier/distrust AND role/educator'],
  ['query', 'barrier/distrust NEAR/2 strategy/peer-agents'],
  ['query', 'barrier/distrust SAME-TURN outcome/enrollment'],
  ['query', '(barrier/documentation OR barrier/digital-access) AND NOT outcome/enrollment', '--type', 'interview'],
  ['query', 'role/advocate AND NOT role/educator', '--where', 'group=pekerja-sosial'],
  ['query', 'barrier/distrust', '--json'],
  // Hundreds of thousands of units, tens of megabytes printed: bounded by writing the text, not by the query.
  ['query', 'barrier', '--csv'],
  ['query', 'NOT barrier'],
  ['matrix', 'cooccurrence'],
  ['matrix', 'cooccurrence', '--jaccard', '--categories'],
  ['matrix', 'attributes', '--by', 'site'],
  ['matrix', 'attributes', '--by', 'source.type', '--categories'],
  ['matrix', 'attributes', '--by', 'group', '--cell', 'quotes'],
];

// GNU time gives the child's peak RSS; without it only the time is measured.
const gnuTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'telaah-bench-'));
const runs = calls.map((args) => {
  const report = join(scratch, 'time.txt');
  const argv = [process.execPath, telaah, ...args, '--project', project];
  const started = process.hrtime.bigint();
  const run = gnuTime ? spawnSync('/usr/bin/time', ['-o', report, '-f', '%U %S %M', ...argv], { stdio: ['ignore', 'ignore', 'pipe'] }) : spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`telaah ${args.join(' ')} failed: ${run.stderr}`);
  const [user, system, rssKb] = gnuTime ? readFileSync(report, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { command: `telaah ${args.join(' ')}`, seconds: round(seconds), cpuSeconds: round(user + system), peakRssMb: round(rssKb / 1024) };
});
rmSync(scratch, { recursive: true, force: true });

const result = {
  project: { segments: count('SELECT COUNT(*) FROM segments'), codings: count('SELECT COUNT(*) FROM codings'), megabytes: round(count('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()') / 1048576) },
  runs,
  slowest: { seconds: Math.max(...runs.map((r) => r.seconds)), peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)) },
  targets: { seconds: 2, peakRssMb: 400 },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

function round(x) {
  return Math.round(x * 100) / 100;
}
