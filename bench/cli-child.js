// Runs one telaah command in this process, its output discarded, and prints what it cost (for peak RSS).
import { main } from '../dist/cli/main.js';

const [cwd, ...argv] = process.argv.slice(2);
let err = '';
const ctx = {
  stdout: { write: () => true },
  stderr: { write: (s) => (err += s) },
  stdoutIsTTY: false,
  stderrIsTTY: false,
  color: false,
  cwd,
  env: process.env,
  now: () => new Date(),
  columns: 80,
};
const code = await main(argv, ctx);
if (code !== 0) {
  process.stderr.write(err);
  process.exit(code);
}
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 })}\n`);
