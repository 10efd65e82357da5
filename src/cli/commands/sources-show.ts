import { CodePointSlicer } from '../../core/text/code-point-slicer.js';
import { visibleText } from '../../core/text/visible-text.js';
import { formatMediaTime } from '../../core/transcript/build-source.js';
import { normalizeLabel } from '../../core/transcript/speakers.js';
import { InputError } from '../../errors.js';
import { listSourceNames, loadSource, type StoredSource } from '../../store/sources.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';

/** Options of `telaah sources show`. */
export interface SourcesShowOptions extends JsonOptions {
  sentences?: boolean;
}
import { withProjectToRead } from '../open-project.js';
import { writeJson } from '../output.js';
import { paint } from '../style.js';
import { closest } from '../../core/did-you-mean.js';
import { wrapText } from '../../report/text-layout.js';

/** `telaah sources show <name>`: the source turn by turn. */
export async function run(ctx: Ctx, args: string[], opts: SourcesShowOptions): Promise<ExitCode> {
  const name = args[0]!;
  return withProjectToRead(ctx, opts, ({ db }) => {
    const source = loadSource(db, name);
    if (!source) {
      const near = closest(name, listSourceNames(db), 2);
      throw new InputError(`no source named "${name}"`, {
        hint: near.length ? `Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : 'List them with `telaah sources list`',
      });
    }
    if (opts.json) writeJson(ctx, toJson(source));
    else ctx.stdout.write(renderSource(source, ctx, opts.sentences === true));
    return 0;
  });
}

/** The documented `sources show --json` shape. */
function toJson(source: StoredSource): unknown {
  const slicer = new CodePointSlicer(source.text);
  return {
    name: source.name,
    type: source.type,
    file: source.file,
    date: source.date,
    site: source.site,
    attributes: source.attributes,
    text: source.text,
    turns: source.turns.map((t) => ({
      index: t.index,
      speaker: t.speaker,
      participant: t.participant,
      role: t.role,
      start: t.start,
      end: t.end,
      startMs: t.startMs,
      endMs: t.endMs,
      text: slicer.slice(t.start, t.end),
      sentences: t.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end, text: slicer.slice(s.start, s.end) })),
    })),
  };
}

function renderSource(source: StoredSource, ctx: Ctx, sentences: boolean): string {
  const c = paint(ctx);
  const width = Math.max(40, Math.min(ctx.stdoutIsTTY ? ctx.columns : 80, 100));
  const slicer = new CodePointSlicer(source.text);
  const facts = [source.type, source.date, source.site].filter(Boolean).join(' · ');
  const out: string[] = [`${c.bold(source.name)}  ${c.dim(facts)}`, c.dim(`file: ${source.file}`)];
  for (const [key, value] of Object.entries(source.attributes)) out.push(c.dim(`${key}: ${value}`));
  out.push('');
  const indent = '      ';
  for (const turn of source.turns) {
    const time = turn.startMs !== null ? `[${formatMediaTime(turn.startMs)}] ` : '';
    let who = '';
    if (turn.speaker !== null) {
      const label = turn.role === 'interviewer' ? c.dim(`${turn.speaker} (interviewer)`) : c.cyan(turn.speaker);
      const link = turn.role === 'participant' && turn.participant === null ? c.yellow(' (not a known participant)') : '';
      const alias = turn.participant !== null && normalizeLabel(turn.participant) !== normalizeLabel(turn.speaker) ? c.dim(` → ${turn.participant}`) : '';
      who = `${label}${alias}${link}`;
    }
    out.push(`${c.dim(String(turn.index).padStart(4))}  ${c.dim(time)}${who}`.trimEnd());
    if (sentences) {
      for (const s of turn.sentences) {
        const tag = `${turn.index}.${s.index}`;
        const lines = wrapText(slicer.slice(s.start, s.end), width - indent.length - tag.length - 1);
        lines.forEach((line, i) => out.push(`${indent}${i === 0 ? c.dim(tag) : ' '.repeat(tag.length)} ${line}`));
      }
    } else {
      for (const line of wrapText(slicer.slice(turn.start, turn.end), width - indent.length)) out.push(`${indent}${line}`);
    }
  }
  // Names, labels and text come from the files: their control characters are shown, not obeyed.
  return `${out.map((line) => visibleText(line, { colour: ctx.color })).join('\n')}\n`;
}
