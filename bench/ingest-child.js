// Runs one `telaah ingest` in this process and prints what it cost, so the parent can read peak RSS.
import { performance } from 'node:perf_hooks';
import { main } from '../dist/cli/main.js';

const [project, corpus, pseudonyms] = process.argv.slice(2);
let out = '';
let err = '';
const ctx = {
  stdout: { write: (s) => (out += s) },
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
const code = await main(['ingest', corpus, '--pseudonyms', pseudonyms, '--json'], ctx);
const seconds = (performance.now() - started) / 1000;
if (code !== 0) {
  process.stderr.write(err);
  process.exit(code);
}
const { counts } = JSON.parse(out);
process.stdout.write(`${JSON.stringify({ seconds, counts, maxRssKb: process.resourceUsage().maxRSS, cpuUserSeconds: process.resourceUsage().userCPUTime / 1e6 })}\n`);
