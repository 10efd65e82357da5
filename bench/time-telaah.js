// Times one telaah call in its own process, whole: the wall time, and where GNU time is installed the
// CPU time and peak RSS of the child (without it those are NaN; only the wall time is measured).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const telaah = fileURLToPath(new URL('../bin/telaah.js', import.meta.url));
const gnuTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

/** `telaah <args> --project <project>`, its output thrown away; GNU time writes its figures into `scratch`. */
export function timeTelaah(args, project, scratch) {
  const report = join(scratch, 'time.txt');
  const argv = [process.execPath, telaah, ...args, '--project', project];
  const started = process.hrtime.bigint();
  const run = gnuTime ? spawnSync('/usr/bin/time', ['-o', report, '-f', '%U %S %M', ...argv], { stdio: ['ignore', 'ignore', 'pipe'] }) : spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`telaah ${args.join(' ')} failed: ${run.stderr}`);
  const [user, system, rssKb] = gnuTime ? readFileSync(report, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { seconds: round(seconds), cpuSeconds: round(user + system), peakRssMb: round(rssKb / 1024) };
}

/** Two decimals, as the bench reports print figures. */
export function round(x) {
  return Math.round(x * 100) / 100;
}
