import { buildCodeTree, type CodeNode } from '../../core/codebook/code-tree.js';
import type { Codebook } from '../../core/codebook/types.js';
import { ProjectError } from '../../errors.js';
import { tallyEvidence, type CodeTally } from '../../core/analysis/evidence-tally.js';
import { locateProject } from '../../io/project-files.js';
import { readCodingColumns } from '../../store/coding-columns.js';
import { chooseCodebook } from '../choose-codebook.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';
import { openProject } from '../open-project.js';
import { displayWidth, truncate, writeJson, writeText } from '../output.js';
import { paint } from '../style.js';

interface ShownCode {
  id: string;
  label: string;
  definition: string;
  /** Segments coded with the code (each once, whoever coded it; rejected and unaccepted suggestions left out). */
  codings: number;
  /** The same for the code and all its descendants together (a segment with two of them counts once). */
  total: number;
  children: ShownCode[];
}

/** `telaah codebook show [file]`: the code tree (of the stored current codebook without a file) with labels and how often each code is applied. */
export async function run(ctx: Ctx, args: string[], opts: JsonOptions): Promise<ExitCode> {
  const { file: { codebook }, shown } = await chooseCodebook(ctx, opts, args[0], { valid: true });
  const counts = await readCounts(ctx, opts, codebook);
  const language = codebook.languages[0] ?? 'id';
  const toShown = (node: CodeNode): ShownCode => {
    const count = counts?.get(node.code.id);
    return {
      id: node.code.id,
      label: node.code.label[language] ?? Object.values(node.code.label)[0] ?? '',
      definition: node.code.definition,
      codings: count?.own.segments ?? 0,
      total: count?.total.segments ?? 0,
      children: node.children.map(toShown),
    };
  };
  const tree = buildCodeTree(codebook).map(toShown);
  if (opts.json) {
    writeJson(ctx, { name: codebook.name, version: codebook.version, file: shown, codes: tree });
    return 0;
  }
  writeText(ctx, renderTree(codebook, tree, counts !== undefined, ctx));
  return 0;
}

/** Coded segments per code from the project (as triangulate counts them), or undefined outside one (the tree is still shown). */
async function readCounts(ctx: Ctx, opts: JsonOptions, codebook: Codebook): Promise<Map<string, CodeTally> | undefined> {
  try {
    locateProject(ctx.cwd, opts.project);
  } catch (error) {
    if (error instanceof ProjectError && opts.project === undefined) return undefined;
    throw error;
  }
  // Inside a project its problems (older or newer schema, damaged, encrypted without its passphrase) are
  // said, not hidden.
  const project = await openProject(ctx, opts, 'read');
  try {
    const columns = readCodingColumns(project.db);
    return tallyEvidence(codebook.codes, columns, columns.counts);
  } finally {
    project.db.close();
  }
}

function renderTree(codebook: Codebook, tree: ShownCode[], withCounts: boolean, ctx: Ctx): string {
  const c = paint(ctx);
  const rows: { branch: string; id: string; label: string; count: string }[] = [];
  // Top-level categories stand at the margin; their codes hang below them as a tree.
  const walk = (nodes: ShownCode[], prefix: string, top: boolean): void => {
    nodes.forEach((node, i) => {
      const last = i === nodes.length - 1;
      const count = node.children.length ? `${node.codings} (${node.total})` : String(node.codings);
      rows.push({ branch: top ? '' : `${prefix}${last ? '└─ ' : '├─ '}`, id: node.id, label: node.label, count });
      walk(node.children, top ? '' : `${prefix}${last ? '   ' : '│  '}`, false);
    });
  };
  walk(tree, '', true);
  const idWidth = Math.max(...rows.map((r) => displayWidth(r.branch + r.id)));
  const countWidth = withCounts ? Math.max(6, ...rows.map((r) => r.count.length)) : 0;
  const labelWidth = Math.max(10, ctx.columns - idWidth - countWidth - 4);
  const lines = [c.bold(`${codebook.name} ${codebook.version}`) + c.dim(` — ${codebook.codes.length} codes`)];
  for (const r of rows) {
    const left = `${c.dim(r.branch)}${r.id}${' '.repeat(idWidth - displayWidth(r.branch + r.id))}`;
    const label = truncate(r.label, labelWidth);
    const count = withCounts ? ` ${r.count.padStart(countWidth)}` : '';
    lines.push(`${left}  ${label}${' '.repeat(Math.max(0, labelWidth - displayWidth(label)))}${count}`.trimEnd());
  }
  if (withCounts) lines.push(c.dim('coded segments per code (each once; rejected and unaccepted suggestions left out); for a category, its own (with its codes)'));
  return `${lines.join('\n')}\n`;
}
