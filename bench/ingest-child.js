// Runs one `telaah ingest` in this process and prints what it cost, so the parent can read peak RSS.
import { performance } from 'node:perf_hooks';
import { main } from '../dist/cli/main.js';
import { childContext } from './child-context.js';

const [project, corpus, pseudonyms] = process.argv.slice(2);
let out = '';
let err = '';
const ctx = childContext(project, { stdout: (s) => (out += s), stderr: (s) => (err += s), columns: 80 });
const started = performance.now();
const code = await main(['ingest', corpus, '--pseudonyms', pseudonyms, '--json'], ctx);
const seconds = (performance.now() - started) / 1000;
if (code !== 0) {
  process.stderr.write(err);
  process.exit(code);
}
const { counts } = JSON.parse(out);
process.stdout.write(`${JSON.stringify({ seconds, counts, maxRssKb: process.resourceUsage().maxRSS, cpuUserSeconds: process.resourceUsage().userCPUTime / 1e6 })}\n`);
