// `node bench/report.js [PROJECT]`: wall and CPU seconds and peak RSS of `telaah report` (Markdown and Word)
// and `telaah triangulate` on a large coded project (default: bench/out/project from `npm run bench`,
// auto-coded and given the stand-in human coder here first when it lacks them), and of `telaah report` on
// the demo project (built here in a temporary folder). Each call is its own process, timed whole. Targets
// (issue 10): the bench project's report within 30 s and 1 GB, the samples' within 3 s. Prints JSON.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addBenchCoder, countRows, ensureAutoCoded } from './bench-project.js';
import { round, timeTelaah } from './time-telaah.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const telaah = join(root, 'bin', 'telaah.js');
const project = process.argv[2] ?? join(root, 'bench', 'out', 'project');
const database = join(project, 'telaah.db');
const targets = { benchReportSeconds: 30, benchReportPeakRssMb: 1024, demoReportSeconds: 3 };

ensureAutoCoded(project);
addBenchCoder(database);

const scratch = mkdtempSync(join(tmpdir(), 'telaah-bench-report-'));
try {
  const demo = join(scratch, 'demo');
  execFileSync(process.execPath, [telaah, 'demo', demo], { stdio: 'ignore' });
  const result = {
    project: {
      segments: countRows(database, 'SELECT COUNT(*) FROM segments'),
      codings: countRows(database, 'SELECT COUNT(*) FROM codings'),
      megabytesOfText: round(countRows(database, 'SELECT SUM(length(text)) FROM sources') / 1048576),
    },
    bench: {
      reportMd: time(project, ['report', '-o', join(scratch, 'bench.md')], join(scratch, 'bench.md')),
      reportDocx: time(project, ['report', '-o', join(scratch, 'bench.docx')], join(scratch, 'bench.docx')),
      triangulate: time(project, ['triangulate', '--json']),
    },
    demo: {
      reportMd: time(demo, ['report', '-o', join(scratch, 'demo.md')], join(scratch, 'demo.md')),
      reportDocx: time(demo, ['report', '-o', join(scratch, 'demo.docx')], join(scratch, 'demo.docx')),
    },
    targets,
  };
  result.met = {
    bench: [result.bench.reportMd, result.bench.reportDocx].every((r) => r.seconds < targets.benchReportSeconds && !(r.peakRssMb >= targets.benchReportPeakRssMb)),
    demo: [result.demo.reportMd, result.demo.reportDocx].every((r) => r.seconds < targets.demoReportSeconds),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Runs `telaah <args>` on a project in its own process: wall and CPU seconds, peak RSS, and the size of the file written. */
function time(dir, args, output) {
  const command = `telaah ${args.map((a) => (a.startsWith(scratch) ? basename(a) : a)).join(' ')}`;
  return { command, ...timeTelaah(args, dir, scratch), ...(output ? { outputKb: round(statSync(output).size / 1024) } : {}) };
}
