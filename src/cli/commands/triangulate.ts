import { belowRequired, triangulate } from '../../core/analysis/triangulate.js';
import type { AuditCode, CodeTriangulation, EvidenceInput } from '../../core/analysis/triangulation-types.js';
import { descendantsOf } from '../../core/codebook/code-tree.js';
import { formatMediaTime } from '../../core/transcript/build-source.js';
import { SOURCE_TYPES } from '../../core/transcript/types.js';
import { InputError } from '../../errors.js';
import { countParticipantGroups, listEvidence } from '../../store/evidence.js';
import type { Ctx } from '../context.js';
import { checkCodeIds, currentCodebook } from '../known-codes.js';
import type { ExitCode } from '../exit-code.js';
import { withProject } from '../open-project.js';
import { outputMode, truncate, writeCsv, writeJson, writeTable } from '../output.js';
import { paint } from '../style.js';
import { wrapText } from '../wrap-text.js';

const TYPE_TITLES = { interview: 'int', fgd: 'fgd', observation: 'obs', document: 'doc' } as const;

/** `telaah triangulate`: for every code, which kinds of source support it, and what to worry about. */
export async function run(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<ExitCode> {
  const by = opts.by === undefined ? undefined : String(opts.by);
  if (by !== undefined && by !== 'site' && by !== 'group') throw new InputError(`--by ${by} is not possible`, { hint: 'Use --by site or --by group' });
  const origins = typeof opts.origin === 'string' ? opts.origin.split(',').map((o) => o.trim()).filter(Boolean) : undefined;
  return withProject(ctx, opts, (project): ExitCode => {
    const { codebook } = currentCodebook(project);
    const language = codebook.languages[0] ?? 'id';
    let codes: AuditCode[] = codebook.codes.map((c) => ({
      id: c.id,
      parent: c.parent,
      label: c.label[language] ?? Object.values(c.label)[0] ?? c.id,
      required: c.required,
      contrasts: c.contrasts,
    }));
    const focus = typeof opts.code === 'string' ? opts.code : undefined;
    if (focus) checkCodeIds(codebook, [focus]);
    const evidence = listEvidence(project.db, { coder: typeof opts.coder === 'string' ? opts.coder : undefined, origins });
    const settings = {
      convergent: project.config.triangulation.convergent,
      corroborated: project.config.triangulation.corroborated,
      quotesPerType: focus ? Number.POSITIVE_INFINITY : 2,
      projectGroups: countParticipantGroups(project.db),
    };
    if (focus) {
      const keep = new Set(descendantsOf(codebook, focus));
      codes = codes.filter((c) => keep.has(c.id));
    }
    const tables = splitBy(evidence, by).map(({ value, rows }) => ({ value, codes: triangulate(codes, rows, settings).filter((r) => !focus || r.code === focus) }));
    const failing = opts.strict ? tables.flatMap((t) => belowRequired(t.codes, project.config.triangulation.required, opts.all === true).map((r) => ({ ...r, within: t.value }))) : [];
    const mode = outputMode(opts);
    if (mode === 'json') writeJson(ctx, by ? { by, groups: tables } : { codes: tables[0]!.codes });
    else if (mode === 'csv') {
      writeCsv(
        ctx,
        [...(by ? [by] : []), 'code', 'label', ...SOURCE_TYPES, 'participants', 'groups', 'status', 'flags'],
        tables.flatMap((t) => t.codes.map((r) => [...(by ? [t.value] : []), r.code, r.label, ...SOURCE_TYPES.map((s) => r.sources[s]), r.participants, r.groups, r.status, r.flags.join(';')])),
      );
    } else if (focus) {
      for (const t of tables) renderDepth(ctx, t.codes[0]!, by ? `${by}: ${t.value}` : undefined);
    } else {
      for (const t of tables) renderTable(ctx, t.codes, by ? `${by}: ${t.value}` : undefined);
      renderLegend(ctx, project.config.triangulation);
    }
    if (opts.strict) {
      const c = paint(ctx);
      for (const r of failing) {
        ctx.stderr.write(c.red(`below ${project.config.triangulation.required}: ${r.code} is ${r.status}${r.within ? ` (${by} ${r.within})` : ''}\n`));
      }
      if (failing.length === 0) ctx.stderr.write(c.green(`Every ${opts.all ? '' : 'required '}code is at least ${project.config.triangulation.required}\n`));
      return failing.length ? 1 : 0;
    }
    return 0;
  });
}

/** The evidence in one table, or one table per site or participant group (evidence without one goes to "(none)"). */
function splitBy(evidence: EvidenceInput[], by: string | undefined): { value: string; rows: EvidenceInput[] }[] {
  if (!by) return [{ value: 'all', rows: evidence }];
  const groups = new Map<string, EvidenceInput[]>();
  for (const row of evidence) {
    const value = (by === 'site' ? row.site : row.group) ?? '(none)';
    let list = groups.get(value);
    if (!list) groups.set(value, (list = []));
    list.push(row);
  }
  return [...groups].sort(([a], [b]) => (a === '(none)' ? 1 : b === '(none)' ? -1 : a.localeCompare(b))).map(([value, rows]) => ({ value, rows }));
}

const STATUS_COLOUR = { convergent: 'green', corroborated: 'cyan', 'single-source': 'yellow', absent: 'red' } as const;

function renderTable(ctx: Ctx, rows: CodeTriangulation[], heading: string | undefined): void {
  const c = paint(ctx);
  if (heading) ctx.stdout.write(`${ctx.stdoutIsTTY ? '\n' : ''}${c.bold(heading)}\n`);
  writeTable(
    ctx,
    [
      { title: 'code', shrink: true },
      ...SOURCE_TYPES.map((s) => ({ title: TYPE_TITLES[s], align: 'right' as const })),
      { title: 'ppl', align: 'right' },
      { title: 'status' },
      { title: 'flags', shrink: true },
    ],
    rows.map((r) => [
      r.category ? r.code : `  ${r.code}`,
      ...SOURCE_TYPES.map((s) => r.sources[s]),
      r.participants,
      ctx.stdoutIsTTY ? c[STATUS_COLOUR[r.status]](r.status) : r.status,
      r.flags.join(', '),
    ]),
    { header: c.bold },
  );
}

function renderLegend(ctx: Ctx, t: { convergent: number; corroborated: number }): void {
  if (!ctx.stdoutIsTTY) return;
  const c = paint(ctx);
  ctx.stdout.write(
    c.dim(
      '\nint/fgd/obs/doc: coded segments per source type · ppl: participants voicing it\n' +
        `${c.green('convergent')} ≥ ${t.convergent} source types · ${c.cyan('corroborated')} ≥ ${t.corroborated} · ${c.yellow('single-source')} 1 · ${c.red('absent')} 0\n` +
        'flags: participant-concentrated  one person gives over half the evidence\n' +
        '       not-observed / observed-only  said but never observed / only observed\n' +
        '       one-sided  voiced by one participant group only\n' +
        '       contrasted  a contrasting code has support at the same site\n' +
        'telaah triangulate --code ID shows the evidence side by side\n',
    ),
  );
}

/** One code in depth: every piece of evidence, by source type. */
function renderDepth(ctx: Ctx, row: CodeTriangulation, heading: string | undefined): void {
  const c = paint(ctx);
  const width = Math.max(40, Math.min(ctx.stdoutIsTTY ? ctx.columns : 80, 100));
  if (heading) ctx.stdout.write(`${c.bold(heading)}\n`);
  ctx.stdout.write(`${c.bold(row.code)} ${row.label} — ${c[STATUS_COLOUR[row.status]](row.status)}${row.flags.length ? c.yellow(` (${row.flags.join(', ')})`) : ''}\n`);
  for (const type of SOURCE_TYPES) {
    const quotes = row.evidence.filter((e) => e.sourceType === type);
    ctx.stdout.write(`\n${c.bold(`${type} (${row.sources[type]})`)}\n`);
    if (quotes.length === 0) ctx.stdout.write(c.dim('  none\n'));
    for (const q of quotes) {
      const where = [q.source, q.segment, q.participant, q.startMs !== null ? formatMediaTime(q.startMs) : null].filter(Boolean).join(' · ');
      ctx.stdout.write(`  ${c.dim(truncate(where, width - 2))}\n`);
      for (const line of wrapText(`“${q.text}”`, width - 4)) ctx.stdout.write(`    ${line}\n`);
    }
  }
}
