// Runs one telaah command in this process and prints what it cost — wall and CPU seconds, peak RSS, bytes
// printed — so a bench script can time commands one process each. Output goes to a counter, not memory.
import { performance } from 'node:perf_hooks';
import { main } from '../dist/cli/main.js';
import { childContext } from './child-context.js';

const [project, ...argv] = process.argv.slice(2);
let outBytes = 0;
let err = '';
const ctx = childContext(project, { stdout: (s) => (outBytes += Buffer.byteLength(s)), stderr: (s) => (err = (err + s).slice(-2000)), columns: 120 });
const started = performance.now();
const code = await main(argv, ctx);
const seconds = (performance.now() - started) / 1000;
const usage = process.resourceUsage();
const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
process.stdout.write(`${JSON.stringify({ code, seconds, cpuSeconds, outBytes, maxRssKb: usage.maxRSS, stderr: err.slice(-500) })}\n`);
