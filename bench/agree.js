// `node bench/agree.js [project]`: how long `telaah agree` takes on a large auto-coded project. Uses the
// project `npm run bench` leaves in bench/out/project (or the one given): codes it with the shipped
// codebook when it has no automatic codings, gives a "human" coder (bench-ana) most of auto's codings
// and some of her own in every tenth source (bench-project.js), then times agree calls. Prints one JSON document.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addBenchCoder, countRows, ensureAutoCoded, HUMAN } from './bench-project.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const project = process.argv[2] ?? join(root, 'bench', 'out', 'project');
const database = join(project, 'telaah.db');

const count = (sql) => countRows(database, sql);

ensureAutoCoded(project);
addBenchCoder(database);

const calls = [
  [],
  ['--unit', 'sentence'],
  ['--json'],
  ['--disagreements'],
  ['--all-sources'],
  ['--all-sources', '--unit', 'sentence'],
  ['--codes', 'barrier', '--exclude-uncoded'],
];
const runs = calls.map((extra) => {
  const args = ['--coders', `${HUMAN},auto`, ...extra];
  const child = spawnSync(process.execPath, [join(root, 'bench', 'command-child.js'), project, 'agree', ...args], { encoding: 'utf8' });
  const r = JSON.parse(child.stdout || '{}');
  if (child.status !== 0 || r.code !== 0) throw new Error(`agree ${args.join(' ')} failed: ${child.stderr}${r.stderr ?? ''}`);
  return { args: args.join(' '), seconds: round(r.seconds), cpuSeconds: round(r.cpuSeconds), peakRssMb: round(r.maxRssKb / 1024) };
});

const result = {
  project: {
    databaseMb: round(Number(execFileSync('du', ['-k', database], { encoding: 'utf8' }).split('\t')[0]) / 1024),
    sources: count('SELECT COUNT(*) FROM sources'),
    segments: count('SELECT COUNT(*) FROM segments'),
    autoCodings: count(`SELECT COUNT(*) FROM codings WHERE coder = 'auto'`),
    humanCodings: count(`SELECT COUNT(*) FROM codings WHERE coder = '${HUMAN}'`),
  },
  runs,
  targets: { seconds: 2, peakRssMb: 400 },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

function round(x) {
  return Math.round(x * 100) / 100;
}
