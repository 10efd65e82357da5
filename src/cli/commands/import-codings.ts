import { resolve } from 'node:path';
import { SourceAnchors } from '../../core/team/anchor-coding.js';
import type { TeamCoding } from '../../core/team/coding-line.js';
import { emptyPlan, planSource, splitUnknownCodes, type ImportPlan, type ImportSource } from '../../core/team/plan-import.js';
import { readCodingLines } from '../../io/read-coding-lines.js';
import { renderImportSummary, type ImportSummary } from '../../report/import-summary.js';
import { recordAudit } from '../../store/audit.js';
import type { Db } from '../../store/open.js';
import { heldKey, insertImportedCodings, listSourceIdentities, readAnchorSource, readHeldWork, type SourceIdentity } from '../../store/team-codings.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';
import { currentCodebook } from '../known-codes.js';
import { withProject } from '../open-project.js';
import { writeJson } from '../output.js';

/** Options of `telaah import codings`. */
export interface ImportCodingsOptions extends JsonOptions {
  dryRun?: boolean;
}

/** `telaah import codings FILE`: another coder's codings merged in, all or nothing, with what could not be. */
export async function run(ctx: Ctx, args: string[], opts: ImportCodingsOptions): Promise<ExitCode> {
  const file = args[0]!;
  // The whole file is read and checked before the project is touched: a bad line imports nothing.
  const codings = readCodingLines(resolve(ctx.cwd, file), file);
  return withProject(ctx, opts, (project): ExitCode => {
    const { db } = project;
    const current = currentCodebook(project);
    const known = new Set(current.codebook.codes.map((c) => c.id));
    const dryRun = opts.dryRun === true;
    const merge = (): ImportSummary => {
      const plan = emptyPlan();
      const matchedByName = planCodings(db, splitUnknownCodes(codings, (code) => known.has(code), plan), plan);
      if (!dryRun) {
        insertImportedCodings(
          db,
          plan.insert.map((p) => ({ ...p.coding, segmentId: p.segmentId, start: p.start, end: p.end, confidence: p.coding.confidence ?? null })),
          current.id,
        );
      }
      const summary = summarize(file, dryRun, plan, matchedByName);
      if (!dryRun) {
        const at = ctx.now().toISOString();
        const counts = {
          imported: summary.imported,
          reanchored: summary.reanchored,
          alreadyPresent: summary.alreadyPresent,
          conflicts: summary.conflicts.length,
          notAnchored: summary.notAnchored.length,
          unknownSources: summary.unknownSources.length,
          unknownCodes: summary.unknownCodes.length,
        };
        recordAudit(db, { at, actor: actorOf(ctx), command: 'import codings', arguments: [file], counts });
      }
      return summary;
    };
    const summary = dryRun ? merge() : db.transaction(merge).immediate();
    if (opts.json) writeJson(ctx, summary);
    else ctx.stderr.write(renderImportSummary(summary));
    return 0;
  });
}

/**
 * Plans the codings source by source (one source's text and codings in memory at a time). A coding's
 * source is the project's source with its sha256 (the one of its name when several have it), else the
 * source of its name, whose codings are then placed by their words; returns the sources matched by name.
 */
function planCodings(db: Db, codings: readonly TeamCoding[], plan: ImportPlan): { source: string; sha256: string }[] {
  const sources = listSourceIdentities(db);
  const bySha = new Map<string, SourceIdentity[]>();
  for (const s of sources) bySha.set(s.sha256, [...(bySha.get(s.sha256) ?? []), s]);
  const byName = new Map(sources.map((s) => [s.name, s]));
  const matchedByName = new Map<string, { source: string; sha256: string }>();
  const groups = new Map<string, { source: SourceIdentity | undefined; codings: TeamCoding[] }>();
  for (const c of codings) {
    const same = bySha.get(c.sha256);
    const source = same ? (same.find((s) => s.name === c.source) ?? same[0]) : byName.get(c.source);
    if (source && !same) matchedByName.set(`${c.source}\u0000${c.sha256}`, { source: source.name, sha256: c.sha256 });
    const key = source ? `#${source.id}` : `${c.sha256}\u0000${c.source}`;
    const group = groups.get(key);
    if (group) group.codings.push(c);
    else groups.set(key, { source, codings: [c] });
  }
  // By source name, so that what is reported comes in the order `sources list` gives.
  const ordered = [...groups.values()].sort((x, y) => compareText(x.source?.name ?? x.codings[0]!.source, y.source?.name ?? y.codings[0]!.source));
  for (const { source, codings: ofSource } of ordered) planSource(ofSource, source && importSource(db, source), plan);
  return [...matchedByName.values()];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One of the project's sources read for placing codings on it. */
function importSource(db: Db, source: SourceIdentity): ImportSource {
  const { text, segments } = readAnchorSource(db, source);
  const held = readHeldWork(db, source);
  return {
    name: source.name,
    anchors: new SourceAnchors(text, segments),
    held: (segmentId, code, coder) => held.codings.get(heldKey(segmentId, code, coder)),
    rejected: (segmentId, code, coder) => held.rejections.has(heldKey(segmentId, code, coder)),
  };
}

function summarize(file: string, dryRun: boolean, plan: ImportPlan, matchedByName: ImportSummary['matchedByName']): ImportSummary {
  return {
    file,
    dryRun,
    imported: plan.insert.length,
    reanchored: plan.reanchored,
    alreadyPresent: plan.alreadyPresent,
    conflicts: plan.conflicts,
    notAnchored: plan.notAnchored,
    unknownSources: plan.unknownSources,
    unknownCodes: plan.unknownCodes,
    matchedByName,
  };
}
