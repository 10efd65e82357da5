/**
 * What `telaah import codings` says: counts first, then each conflict, each coding not anchored, each
 * unknown source and code, so the person merging knows what to look at. Pure: summary in, text out.
 */
import type { ImportConflict, ImportPlan } from '../core/team/plan-import.js';
import { visibleText } from '../core/text/visible-text.js';

/** The import's result, as `--json` prints it. */
export interface ImportSummary {
  file: string;
  dryRun: boolean;
  imported: number;
  reanchored: number;
  alreadyPresent: number;
  conflicts: ImportPlan['conflicts'];
  notAnchored: ImportPlan['notAnchored'];
  unknownSources: ImportPlan['unknownSources'];
  unknownCodes: ImportPlan['unknownCodes'];
  /** Sources found by name because no source here has the file's sha256 (their codings placed by their words). */
  matchedByName: { source: string; sha256: string }[];
}

/** How many of each list a terminal shows before pointing to --json. */
const SHOWN = 20;

/** The summary for people, one fact per line; names, codes and memos from the file escaped so they cannot steer the terminal. */
export function renderImportSummary(s: ImportSummary): string {
  const lines: string[] = [];
  const verb = s.dryRun ? 'Would import' : 'Imported';
  const moved = s.reanchored > 0 ? ` (${s.reanchored} found by their words after the text moved)` : '';
  lines.push(`${verb} ${plural(s.imported, 'coding')} from ${s.file}${moved}${s.dryRun ? ' (dry run: nothing changed)' : ''}`);
  if (s.alreadyPresent > 0) lines.push(`  ${plural(s.alreadyPresent, 'coding')} already present`);
  for (const m of s.matchedByName) lines.push(`  ${m.source}: no source here has the file's sha256 ${m.sha256.slice(0, 12)}…; matched by name`);
  section(lines, s.conflicts, (n) => `${plural(n, 'conflict')}, kept as they are here (not imported):`, conflictLine);
  section(lines, s.notAnchored, (n) => `${plural(n, 'coding')} not anchored: the words are not in this project's copy of the source:`, (c) => `${c.source} ${c.segment} ${c.code} ${c.coder}: "${quote(c.text)}"`);
  section(lines, s.unknownSources, (n) => `${plural(n, 'source')} not in this project (their codings not imported):`, (u) => `${u.source} (sha256 ${u.sha256.slice(0, 12)}…): ${plural(u.codings, 'coding')}`);
  section(
    lines,
    s.unknownCodes,
    (n) => `${plural(n, 'code')} not in the current codebook (not imported; apply a codebook with them, or \`code rename\` in the other project):`,
    (u) => `${u.code}: ${plural(u.codings, 'coding')}`,
  );
  return `${lines.map((line) => visibleText(line)).join('\n')}\n`;
}

function section<T>(lines: string[], items: readonly T[], title: (n: number) => string, line: (item: T) => string): void {
  if (items.length === 0) return;
  lines.push(`  ${title(items.length)}`);
  for (const item of items.slice(0, SHOWN)) lines.push(`    ${line(item)}`);
  if (items.length > SHOWN) lines.push(`    … and ${items.length - SHOWN} more (see --json)`);
}

function conflictLine(c: ImportConflict): string {
  const where = `${c.source} ${c.segment} ${c.code} ${c.coder}`;
  if (c.differs.includes('rejected')) return `${where}: ${c.coder} rejected this code here; the file codes it (${c.file.origin})`;
  const side = (v: { origin: string; memo: string | null }): string => `${v.origin}${v.memo ? `, memo "${quote(v.memo)}"` : ''}`;
  const span = c.differs.includes('span') ? ' (other words)' : '';
  return `${where}: here ${side(c.here!)}; in the file ${side(c.file)}${span}`;
}

/** A text cut to one short line. */
function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  return points.length > 60 ? `${points.slice(0, 59).join('')}…` : flat;
}

function plural(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
