import { recordAudit } from '../../store/audit.js';
import { upsertParticipants } from '../../store/participants.js';
import { readParticipants } from '../../io/read-participants.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';
import { withProject } from '../open-project.js';
import { writeJson } from '../output.js';

/** `telaah participants import <csv>`: adds participants, and merges the file's columns into existing ones by pseudonym. */
export async function run(ctx: Ctx, args: string[], opts: JsonOptions): Promise<ExitCode> {
  const file = args[0]!;
  return withProject(ctx, opts, ({ db }) => {
    // Read the whole file first: a bad row must leave the project unchanged.
    const participants = readParticipants(file);
    const now = ctx.now().toISOString();
    const counts = upsertParticipants(db, participants, now);
    recordAudit(db, { at: now, actor: actorOf(ctx), command: 'participants import', arguments: args, counts });
    if (opts.json) writeJson(ctx, counts);
    else ctx.stderr.write(`Participants: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged from ${file}\n`);
    return 0;
  });
}
