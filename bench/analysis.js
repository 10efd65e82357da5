// `node bench/analysis.js [PROJECT]`: time and peak memory of `telaah query` and `telaah matrix` on a coded
// project (default: bench/out/project from `npm run bench`, auto-coded here first if it has no codings).
// Prints one JSON document. Targets: every call within 2 s and 400 MB.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countRows, ensureAutoCoded } from './bench-project.js';
import { round, timeTelaah } from './time-telaah.js';

const root = fileURLToPath(new URL('..', import.meta.url));
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

const scratch = mkdtempSync(join(tmpdir(), 'telaah-bench-'));
const runs = calls.map((args) => ({ command: `telaah ${args.join(' ')}`, ...timeTelaah(args, project, scratch) }));
rmSync(scratch, { recursive: true, force: true });

const result = {
  project: { segments: count('SELECT COUNT(*) FROM segments'), codings: count('SELECT COUNT(*) FROM codings'), megabytes: round(count('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()') / 1048576) },
  runs,
  slowest: { seconds: Math.max(...runs.map((r) => r.seconds)), peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)) },
  targets: { seconds: 2, peakRssMb: 400 },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
