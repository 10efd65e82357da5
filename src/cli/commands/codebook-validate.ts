import { messageLine } from '../../core/text/visible-text.js';
import { chooseCodebook } from '../choose-codebook.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';
import { writeJson } from '../output.js';
import { paint } from '../style.js';

/** `telaah codebook validate [file]`: every problem at file:line:col (of the stored current codebook without a file); exit 2 if any is an error. */
export async function run(ctx: Ctx, args: string[], opts: JsonOptions): Promise<ExitCode> {
  const { file, shown } = await chooseCodebook(ctx, opts, args[0], { valid: false });
  const errors = file.problems.filter((p) => p.severity === 'error');
  if (opts.json) {
    writeJson(ctx, { file: shown, valid: errors.length === 0, codes: file.codebook?.codes.length ?? 0, problems: file.problems });
    return errors.length ? 2 : 0;
  }
  const c = paint(ctx);
  for (const p of file.problems) {
    const tag = p.severity === 'error' ? c.red('error') : c.yellow('warning');
    // A problem may echo the file's text: escaped and cut like every message.
    ctx.stderr.write(`${messageLine(shown, 300)}:${p.line}:${p.col}: ${tag}: ${messageLine(p.message)}\n`);
  }
  if (errors.length) {
    ctx.stderr.write(c.red(`${messageLine(shown, 300)}: ${errors.length} ${errors.length === 1 ? 'error' : 'errors'}; the codebook cannot be used until they are fixed\n`));
    return 2;
  }
  const codebook = file.codebook!;
  const categories = codebook.codes.filter((code) => codebook.codes.some((other) => other.parent === code.id)).length;
  const warnings = file.problems.length;
  ctx.stderr.write(
    c.green(`${shown}: valid — "${codebook.name}" ${codebook.version}, ${codebook.codes.length} codes (${categories} with children)`) +
      (warnings ? c.yellow(`, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`) : '') +
      '\n',
  );
  return 0;
}
