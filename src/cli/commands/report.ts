import { extname, relative, resolve } from 'node:path';
import type { ReportLanguage, ThematicReport } from '../../core/report/report-model.js';
import { InputError } from '../../errors.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { renderReportDocx } from '../../report/thematic/docx.js';
import { renderReportHtml } from '../../report/thematic/html.js';
import { renderReportMarkdown } from '../../report/thematic/markdown.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { withProjectToRead } from '../open-project.js';
import { readReport } from '../report/read-report.js';
import { notice } from '../notice.js';

/** The formats a report is written in. */
export type ReportFormat = 'docx' | 'html' | 'md' | 'json';

/** Options of `telaah report`. */
export interface ReportOptions extends GlobalOptions {
  format?: ReportFormat;
  output: string;
  codes?: string[];
  origin?: string[];
  lang?: ReportLanguage;
  date?: string;
  outcome?: string;
}

const FORMAT_OF_EXTENSION: Record<string, ReportFormat> = { '.docx': 'docx', '.html': 'html', '.htm': 'html', '.md': 'md', '.markdown': 'md', '.json': 'json' };
const FORMAT_NAMES: Record<ReportFormat, string> = { docx: 'Word', html: 'HTML', md: 'Markdown', json: 'JSON' };

/** `telaah report`: the thematic report of the project, written to a file (or stdout with -o -). */
export async function run(ctx: Ctx, _args: string[], opts: ReportOptions): Promise<ExitCode> {
  const toStdout = opts.output === '-';
  const format = opts.format ?? formatOf(opts.output);
  if (format === 'docx' && toStdout) throw new InputError('a Word report cannot go to stdout', { hint: 'Name a file: -o report.docx' });
  const report = await withProjectToRead(ctx, opts, (project) =>
    readReport(project, { codes: opts.codes, origins: opts.origin, language: opts.lang, date: opts.date, outcome: opts.outcome }),
  );
  const content = await render(report, format);
  if (toStdout) {
    // A Word report was refused above: what goes to stdout is text.
    ctx.stdout.write(content.toString());
    return 0;
  }
  const path = resolve(ctx.cwd, opts.output);
  writeFileAtomic(path, content, path, 'Choose another file with -o');
  const codes = countSections(report.themes);
  notice(ctx, `Wrote ${relative(ctx.cwd, path) || path} (${FORMAT_NAMES[format]}: ${codes} ${codes === 1 ? 'code' : 'codes'}, ${report.jointDisplay ? `joint display by ${report.jointDisplay.attribute}` : 'no joint display'})`);
  return 0;
}

/** The report's bytes (or text) in the format asked for. */
async function render(report: ThematicReport, format: ReportFormat): Promise<string | Buffer> {
  switch (format) {
    case 'md':
      return renderReportMarkdown(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'html':
      return renderReportHtml(report);
    case 'docx':
      return renderReportDocx(report);
  }
}

/** The format a file name implies; an InputError when it implies none. */
function formatOf(output: string): ReportFormat {
  const format = FORMAT_OF_EXTENSION[extname(output).toLowerCase()];
  if (format) return format;
  const what = output === '-' ? 'stdout (-o -)' : `"${output}"`;
  throw new InputError(`cannot tell the report format for ${what}`, { hint: 'Add --format md, json, html or docx, or name the file .md, .json, .html or .docx' });
}

function countSections(sections: ThematicReport['themes']): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}
