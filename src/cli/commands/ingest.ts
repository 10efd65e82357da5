import { compilePseudonymizer } from '../../core/pseudonymize.js';
import type { SourceType } from '../../core/transcript/types.js';
import { collectInputFiles } from '../../io/collect-files.js';
import { readPseudonymMap } from '../../io/read-pseudonym-map.js';
import { readSpeakerMap } from '../../io/read-speaker-map.js';
import { recordAudit } from '../../store/audit.js';
import { actorOf, type Ctx } from '../context.js';
import { ingestFiles, type FileOutcome } from '../ingest/ingest-files.js';
import { renderIngestSummary, summarizeOutcomes } from '../ingest/summary.js';
import type { ExitCode } from '../exit-code.js';
import { withProject } from '../open-project.js';
import { writeJson } from '../output.js';
import { progressBar, startProgress } from '../progress.js';

/** `telaah ingest <paths…>`: reads files into the project, one transaction per file. */
export async function run(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<ExitCode> {
  // Everything that can be wrong with the arguments is checked before the project is touched.
  const files = collectInputFiles(args, ctx.cwd);
  const pseudonymEntries = typeof opts.pseudonyms === 'string' ? readPseudonymMap(opts.pseudonyms) : [];
  const speakerMap = typeof opts.speakers === 'string' ? readSpeakerMap(opts.speakers) : new Map<string, string>();
  const pseudonymizer = pseudonymEntries.length ? compilePseudonymizer(pseudonymEntries) : undefined;
  return withProject(ctx, opts, async ({ db, config, paths }) => {
    const now = ctx.now().toISOString();
    const progress = await startProgress(ctx, `Reading ${files.length} ${files.length === 1 ? 'file' : 'files'}`);
    const warnings: string[] = [];
    let outcomes: FileOutcome[];
    try {
      outcomes = await ingestFiles(
        db,
        config,
        files,
        {
          type: opts.type as SourceType | undefined,
          replace: opts.replace === true,
          strict: opts.lenient !== true,
          language: typeof opts.language === 'string' ? opts.language : undefined,
          columns: {
            speaker: opts.speakerColumn as string | undefined,
            text: opts.textColumn as string | undefined,
            start: opts.startColumn as string | undefined,
          },
          pseudonymizer,
          realNames: pseudonymEntries.flatMap((e) => [e.realName, ...e.variants]),
          speakerMap,
          now,
          projectDir: paths.dir,
        },
        {
          onFile: (index, total, file) => progress.update(`Reading ${progressBar(index, total)} ${index + 1}/${total} ${file.display}`),
          onWarning: (message) => warnings.push(message),
        },
      );
    } finally {
      progress.stop();
    }
    const summary = summarizeOutcomes(outcomes);
    const { counts } = summary;
    if (counts.added + counts.replaced > 0) {
      // The paths as typed often name a participant ("interviews/w01-siti.txt"): the audit trail is stored too.
      const storedArgs = args.map((arg) => pseudonymizer?.replace(arg, { anyCase: true }).text ?? arg);
      recordAudit(db, { at: now, actor: actorOf(ctx), command: 'ingest', arguments: storedArgs, counts });
    }
    const only = outcomes.length === 1 ? outcomes[0] : undefined;
    if (opts.json) writeJson(ctx, { ...summary, warnings });
    else if (only?.status === 'failed') ctx.stderr.write(`telaah: ${only.message}\n`);
    else ctx.stderr.write(renderIngestSummary(summary, warnings, ctx));
    return summary.counts.failed > 0 ? 2 : 0;
  });
}
