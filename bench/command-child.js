// Runs one telaah command in this process and prints what it cost (seconds, peak RSS), so the parent can
// time analysis commands on the bench project one at a time. Output goes to a counter, not to memory.
import { performance } from 'node:perf_hooks';
import { main } from '../dist/cli/main.js';

const [project, ...argv] = process.argv.slice(2);
let outBytes = 0;
let err = '';
const ctx = {
  stdout: { write: (s) => (outBytes += Buffer.byteLength(s)) },
  stderr: { write: (s) => (err += s) },
  stdoutIsTTY: false,
  stderrIsTTY: false,
  color: false,
  cwd: project,
  env: process.env,
  now: () => new Date(),
  columns: 120,
};
const started = performance.now();
const code = await main(argv, ctx);
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ code, seconds, outBytes, maxRssKb: usage.maxRSS, stderr: code === 0 ? undefined : err.slice(0, 500) })}\n`);
