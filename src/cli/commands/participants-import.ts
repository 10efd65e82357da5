import { recordAudit } from '../../store/audit.js';
import { upsertParticipants } from '../../store/participants.js';
import { listWithdrawnPseudonyms } from '../../store/withdrawal-record.js';
import { readParticipants } from '../../io/read-participants.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';
import { withProject } from '../open-project.js';
import { writeJson } from '../output.js';
import { notice } from '../notice.js';

/** Options of `telaah participants import`. */
export interface ParticipantsImportOptions extends JsonOptions {
  includeWithdrawn?: boolean;
}

/**
 * `telaah participants import <csv>`: adds participants, and merges the file's columns into existing ones
 * by pseudonym. A participant who withdrew is left out (their attributes went with them) unless
 * --include-withdrawn.
 */
export async function run(ctx: Ctx, args: string[], opts: ParticipantsImportOptions): Promise<ExitCode> {
  const file = args[0]!;
  return withProject(ctx, opts, ({ db }) => {
    // Read the whole file first: a bad row must leave the project unchanged.
    const read = readParticipants(file);
    const withdrawn = new Set(opts.includeWithdrawn === true ? [] : listWithdrawnPseudonyms(db).map((p) => p.toLowerCase()));
    const participants = read.filter((p) => !withdrawn.has(p.pseudonym.toLowerCase()));
    const left = read.filter((p) => withdrawn.has(p.pseudonym.toLowerCase())).map((p) => p.pseudonym);
    const now = ctx.now().toISOString();
    const counts = { ...upsertParticipants(db, participants, now), ...(left.length ? { withdrawn: left.length } : {}) };
    recordAudit(db, { at: now, actor: actorOf(ctx), command: 'participants import', arguments: args, counts });
    if (opts.json) writeJson(ctx, counts);
    else notice(ctx, `Participants: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged from ${file}`);
    if (left.length && !opts.json) notice(ctx, `  left out ${left.join(', ')} (withdrawn); --include-withdrawn adds them`);
    return 0;
  });
}
