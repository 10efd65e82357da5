import { compilePseudonymizer } from '../../core/pseudonymize.js';
import { LineColLocator } from '../../core/text/line-col.js';
import { readPseudonymMap } from '../../io/read-pseudonym-map.js';
import { listParticipants } from '../../store/participants.js';
import { iterateSourceTexts } from '../../store/sources.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { withProject } from '../open-project.js';
import { writeJson } from '../output.js';
import { paint } from '../style.js';

/** One real name found in the project. */
interface Finding {
  source: string;
  where: 'text' | 'name' | 'file' | 'attributes' | 'participant';
  line: number | null;
  col: number | null;
  matched: string;
  realName: string;
}

/** `telaah anonymity check --pseudonyms map.csv`: exit 1 when any real name of the map is still present. */
export async function run(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<ExitCode> {
  const entries = readPseudonymMap(opts.pseudonyms as string);
  const finder = compilePseudonymizer(entries);
  return withProject(ctx, opts, ({ db }) => {
    const findings: Finding[] = [];
    let scanned = 0;
    for (const source of iterateSourceTexts(db)) {
      scanned += 1;
      const locator = new LineColLocator(source.text);
      for (const hit of finder.find(source.text)) {
        const { line, col } = locator.locate(hit.start);
        findings.push({ source: source.name, where: 'text', line, col, matched: hit.matched, realName: hit.realName });
      }
      for (const [where, value] of [['name', source.name], ['file', source.file], ['attributes', source.attributes]] as const) {
        for (const hit of finder.find(value)) findings.push({ source: source.name, where, line: null, col: null, matched: hit.matched, realName: hit.realName });
      }
    }
    for (const p of listParticipants(db)) {
      const value = [p.pseudonym, p.group ?? '', ...Object.values(p.attributes)].join('\n');
      for (const hit of finder.find(value)) {
        findings.push({ source: `participant ${p.pseudonym}`, where: 'participant', line: null, col: null, matched: hit.matched, realName: hit.realName });
      }
    }
    if (opts.json) writeJson(ctx, { sources: scanned, found: findings.length, findings });
    else {
      const c = paint(ctx);
      for (const f of findings) {
        const place = f.line !== null ? `${f.source}:${f.line}:${f.col}` : `${f.source} (${f.where})`;
        ctx.stdout.write(`${place}: ${c.red(`"${f.matched}"`)} is the real name ${f.realName}\n`);
      }
      ctx.stderr.write(
        findings.length === 0
          ? c.green(`No real names from the map found in ${scanned} sources.\n`)
          : c.red(`${findings.length} real ${findings.length === 1 ? 'name' : 'names'} found in the project. Re-ingest those sources with --pseudonyms and --replace.\n`),
      );
    }
    return findings.length > 0 ? 1 : 0;
  });
}
