import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../errors.js';
import { projectPaths, readProjectConfig, type ProjectPaths } from '../../io/project-files.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { paint } from '../style.js';
import { visibleText } from '../../core/text/visible-text.js';

/** The sample study shipped with telaah. */
export const SAMPLE_STUDY = fileURLToPath(new URL('../../../samples/bpjs-medan', import.meta.url));
/** The study's codebook shipped with telaah. */
export const SAMPLE_CODEBOOK = fileURLToPath(new URL('../../../codebooks/bpjs-social-work.yaml', import.meta.url));

/**
 * `telaah demo [dir]`: a project built from the bundled sample study — participants imported, every
 * transcript ingested with real names replaced, auto-coded, audited and reported in Word and HTML — then
 * what to try next. Re-running it
 * goes on with the project it made (unchanged files are skipped); any other project is left alone.
 */
export async function run(ctx: Ctx, args: string[], opts: GlobalOptions): Promise<ExitCode> {
  const dir = resolve(ctx.cwd, args[0] ?? 'telaah-demo');
  const c = paint(ctx);
  const step = (text: string): void => {
    ctx.stderr.write(`${c.bold('›')} ${visibleText(text)}\n`);
  };
  const inProject: Ctx = { ...ctx, cwd: dir };
  const common = { project: dir, color: opts.color };
  const paths = projectPaths(dir);
  const shown = relative(ctx.cwd, dir) || '.';
  if (!existsSync(paths.config) && !existsSync(paths.database)) {
    step(`telaah init ${shown}`);
    await (await import('./init.js')).run(ctx, [dir], { name: 'BPJS Ketenagakerjaan sample study', demo: true });
  } else if (madeByDemo(paths)) {
    step(`using the demo project made earlier in ${shown}`);
  } else {
    throw new InputError(`${shown} holds a telaah project that \`telaah demo\` did not make, so the demo leaves it alone`, {
      hint: 'Run the demo in another folder: telaah demo DIR',
    });
  }
  step('telaah participants import participants.csv');
  await (await import('./participants-import.js')).run(inProject, [join(SAMPLE_STUDY, 'participants.csv')], common);
  step('telaah ingest samples/bpjs-medan --pseudonyms pseudonyms.csv');
  const ingested = await (await import('./ingest.js')).run(inProject, [SAMPLE_STUDY], { ...common, pseudonyms: join(SAMPLE_STUDY, 'pseudonyms.csv') });
  step('telaah sources list');
  await (await import('./sources-list.js')).run(inProject, [], common);
  step('telaah codebook use codebooks/bpjs-social-work.yaml && telaah code auto');
  await (await import('./codebook-use.js')).run(inProject, [SAMPLE_CODEBOOK], common);
  await (await import('./code-auto.js')).run({ ...inProject, stdout: { write: () => true } }, [], common);
  step('telaah codebook show');
  await (await import('./codebook-show.js')).run(inProject, [], common);
  step('telaah triangulate');
  await (await import('./triangulate.js')).run(inProject, [], common);
  step('telaah report -o report.docx && telaah report -o report.html');
  const report = await import('./report.js');
  // Run from the caller's folder, so the lines saying where the reports are name paths they can open.
  for (const file of ['report.docx', 'report.html']) await report.run(ctx, [], { ...common, output: join(dir, file) });
  ctx.stderr.write(
    `\n${c.bold('Try next')} (in ${visibleText(shown)}):\n` +
      `  cd ${visibleText(shown)}\n` +
      '  open report.html (or report.docx)  # the thematic report; telaah report -o report.md for Markdown\n' +
      '  telaah sources show 09-sumiati      # raw transcript, names replaced\n' +
      '  telaah sources show fgd1-medan-pekerja --sentences\n' +
      '  telaah triangulate --code barrier/distrust   # the evidence side by side\n' +
      '  telaah review                     # accept or reject the automatic codings\n' +
      '  telaah participants list\n' +
      `  telaah anonymity check --pseudonyms ${join(SAMPLE_STUDY, 'pseudonyms.csv')}\n`,
  );
  return ingested;
}

/** The project in `paths` is one `telaah demo` made (telaah.yaml says `demo: true`); read without writing. */
function madeByDemo(paths: ProjectPaths): boolean {
  if (!existsSync(paths.config) || !existsSync(paths.database)) return false;
  try {
    return readProjectConfig(paths).demo;
  } catch {
    // Settings it cannot read are not settings it wrote.
    return false;
  }
}
