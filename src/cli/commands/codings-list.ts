import { isSourceType } from '../../core/transcript/source-type.js';
import { InputError } from '../../errors.js';
import { listCodings, type CodingFilter } from '../../store/codings.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { withProject } from '../open-project.js';
import { outputMode, writeCsv, writeJson, writeTable } from '../output.js';
import { paint } from '../style.js';

const FIELDS = ['source', 'sourceType', 'segment', 'speaker', 'participant', 'start', 'end', 'text', 'code', 'coder', 'origin', 'confidence', 'memo'] as const;

/** `telaah codings list`: codings with their evidence, filtered. */
export async function run(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<ExitCode> {
  const filter = readFilter(opts);
  return withProject(ctx, opts, ({ db }) => {
    const rows = listCodings(db, filter);
    const mode = outputMode(opts);
    if (mode === 'json') writeJson(ctx, rows);
    else if (mode === 'csv') writeCsv(ctx, FIELDS, rows.map((r) => FIELDS.map((f) => r[f])));
    else {
      const c = paint(ctx);
      writeTable(
        ctx,
        [{ title: 'source', shrink: true }, { title: 'segment' }, { title: 'code' }, { title: 'coder' }, { title: 'text', shrink: true }],
        rows.map((r) => [r.source, r.segment, r.code, r.coder, r.text.replace(/\s+/g, ' ')]),
        { header: c.bold },
      );
      if (ctx.stdoutIsTTY) ctx.stdout.write(c.dim(`${rows.length} codings\n`));
    }
    return 0;
  });
}

function readFilter(opts: Record<string, unknown>): CodingFilter {
  const filter: CodingFilter = {};
  if (typeof opts.code === 'string') filter.code = opts.code;
  if (typeof opts.source === 'string') filter.source = opts.source;
  if (typeof opts.coder === 'string') filter.coder = opts.coder;
  if (typeof opts.type === 'string') {
    if (!isSourceType(opts.type)) throw new InputError(`unknown source type "${opts.type}"`, { hint: 'Use interview, fgd, observation or document' });
    filter.sourceType = opts.type;
  }
  if (typeof opts.origin === 'string') {
    const origins = opts.origin.split(',').map((o) => o.trim());
    const bad = origins.find((o) => !['auto', 'manual', 'suggested', 'accepted', 'imported'].includes(o));
    if (bad) throw new InputError(`unknown origin "${bad}"`, { hint: 'Use auto, manual, suggested, accepted or imported (comma-separated)' });
    filter.origins = origins;
  }
  if (typeof opts.where === 'string') {
    const m = /^([^=]+)=(.*)$/.exec(opts.where);
    if (!m) throw new InputError(`--where "${opts.where}" is not key=value`, { hint: 'For example --where site=Medan or --where group=pekerja-sosial' });
    filter.attribute = { key: m[1]!.trim(), value: m[2]!.trim() };
  }
  return filter;
}
