// Runs one `telaah search` in this process and prints what it cost, so the parent can read peak RSS (the
// first search of a project also builds its index).
import { performance } from 'node:perf_hooks';
import { main } from '../dist/cli/main.js';

const [project, ...words] = process.argv.slice(2);
let err = '';
const ctx = {
  stdout: { write: () => true },
  stderr: { write: (s) => (err += s) },
  stdoutIsTTY: false,
  stderrIsTTY: false,
  color: false,
  cwd: project,
  env: process.env,
  now: () => new Date(),
  columns: 80,
};
const started = performance.now();
const code = await main(['search', ...words, '--limit', '50'], ctx);
const seconds = (performance.now() - started) / 1000;
if (code !== 0) {
  process.stderr.write(err);
  process.exit(code);
}
const hits = Number(/^([\d,]+) hits?/.exec(err)?.[1]?.replaceAll(',', '') ?? 0);
process.stdout.write(`${JSON.stringify({ seconds, hits, maxRssKb: process.resourceUsage().maxRSS })}\n`);
