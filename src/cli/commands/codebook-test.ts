import { runCodebookTests } from '../../core/coding/codebook-test.js';
import { compileCoder } from '../../core/coding/auto-coder.js';
import { createStemmers } from '../../core/coding/stemmers.js';
import { chooseCodebook } from '../choose-codebook.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';
import { writeJson, writeText } from '../output.js';
import { paint } from '../style.js';
import { notice } from '../notice.js';

/** `telaah codebook test [file]` (the stored current codebook without a file): every example must fire its code and no counterexample may; exit 1 on a miss. */
export async function run(ctx: Ctx, args: string[], opts: JsonOptions): Promise<ExitCode> {
  const { file: { codebook }, shown } = await chooseCodebook(ctx, opts, args[0], { valid: true });
  const misses = runCodebookTests(codebook, compileCoder(codebook, createStemmers()));
  const examples = codebook.codes.reduce((n, code) => n + code.examples.length, 0);
  const counterexamples = codebook.codes.reduce((n, code) => n + code.counterexamples.length, 0);
  if (opts.json) {
    writeJson(ctx, { file: shown, examples, counterexamples, misses });
    return misses.length ? 1 : 0;
  }
  const c = paint(ctx);
  for (const miss of misses) {
    const what = miss.kind === 'example' ? `example of ${miss.code} did not fire` : `counterexample of ${miss.code} fired`;
    const fired = miss.fired.length ? ` (fired: ${miss.fired.join(', ')})` : ' (nothing fired)';
    writeText(ctx, `${c.red('✗')} ${what}: "${miss.text}"${c.dim(fired)}\n`);
  }
  notice(
    ctx,
    misses.length === 0
      ? c.green(`${shown}: all ${examples} examples and ${counterexamples} counterexamples pass`)
      : c.red(`${shown}: ${misses.length} of ${examples + counterexamples} checks failed`),
  );
  return misses.length ? 1 : 0;
}
