// `node bench/stats.js [project]`: wall time, CPU time and peak RSS of `telaah stats` and `stats words`
// on a large project (default: the one `npm run bench` ingested, given the shipped codebook and
// `code auto` here first when it has no codings). Target: each under 2 s and 400 MB. Prints JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';

const root = fileURLToPath(new URL('..', import.meta.url));
const project = process.argv[2] ?? join(root, 'bench', 'out', 'project');
const telaah = join(root, 'bin', 'telaah.js');

const db = new Database(join(project, 'telaah.db'), { readonly: true, fileMustExist: true });
const size = db.prepare('SELECT (SELECT COUNT(*) FROM segments) AS segments, (SELECT COUNT(*) FROM codings) AS codings, (SELECT SUM(length(text)) FROM sources) AS chars').get();
db.close();
if (size.codings === 0) {
  execFileSync(process.execPath, [telaah, 'code', 'auto', '--codebook', join(root, 'codebooks', 'bpjs-social-work.yaml'), '--project', project], { stdio: 'ignore' });
  size.codings = new Database(join(project, 'telaah.db'), { readonly: true }).prepare('SELECT COUNT(*) AS n FROM codings').get().n;
}

const commands = [['stats'], ['stats', '--by', 'coder'], ['stats', '--type', 'fgd'], ['stats', 'words'], ['stats', 'words', '--stems'], ['stats', 'words', '--where', 'group=pekerja-sosial']];
const runs = commands.map((argv) => {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [join(root, 'bench', 'command-child.js'), project, ...argv], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { code, maxRssKb, cpuSeconds, stderr } = JSON.parse(child.stdout || '{}');
  if (child.status !== 0 || code !== 0) throw new Error(`telaah ${argv.join(' ')}: ${child.stderr}${stderr ?? ''}`);
  return { command: `telaah ${argv.join(' ')}`, seconds: round(seconds), cpuSeconds: round(cpuSeconds), peakRssMb: round(maxRssKb / 1024) };
});
const result = { project: { segments: size.segments, codings: size.codings, megabytesOfText: round(size.chars / 1048576) }, runs, targets: { seconds: 2, peakRssMb: 400 } };
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);

function round(x) {
  return Math.round(x * 100) / 100;
}
