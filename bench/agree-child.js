// Runs one `telaah agree` in this process and prints what it cost (wall and CPU seconds, peak RSS).
import { performance } from 'node:perf_hooks';
import { main } from '../dist/cli/main.js';

const [project, ...args] = process.argv.slice(2);
let bytes = 0;
let err = '';
const ctx = {
  stdout: { write: (s) => (bytes += s.length) },
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
const code = await main(['agree', ...args], ctx);
const seconds = (performance.now() - started) / 1000;
if (code !== 0) {
  process.stderr.write(err);
  process.exit(code);
}
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, maxRssKb: usage.maxRSS, outputChars: bytes })}\n`);
