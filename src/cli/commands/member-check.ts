import { extname, relative, resolve } from 'node:path';
import { buildMemberCheck, type MemberCheckPacket } from '../../core/report/member-check.js';
import type { ReportLanguage } from '../../core/report/report-model.js';
import { InputError } from '../../errors.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { renderMemberCheckDocx } from '../../report/member-check-docx.js';
import { listParticipantAttributes } from '../../store/coded-units.js';
import { listParticipantTurns } from '../../store/participant-turns.js';
import { hintFor } from '../coding-filters.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { currentCodebook } from '../known-codes.js';
import { withProjectToRead } from '../open-project.js';
import { notice } from '../notice.js';

/** Options of `telaah member-check`. */
export interface MemberCheckOptions extends GlobalOptions {
  output: string;
  lang?: ReportLanguage;
}

/** `telaah member-check <participant>`: a Word packet of the participant's own words, the themes given them, and a note inviting corrections. */
export async function run(ctx: Ctx, args: string[], opts: MemberCheckOptions): Promise<ExitCode> {
  const wanted = args[0]!;
  if (opts.output === '-' || extname(opts.output).toLowerCase() !== '.docx') {
    throw new InputError(`a member-check packet is a Word file, so -o names a .docx file (got "${opts.output}")`, { hint: `For example -o member-check-${wanted}.docx` });
  }
  const language = opts.lang ?? 'id';
  const packet = await withProjectToRead(ctx, opts, (project): MemberCheckPacket => {
    const { db } = project;
    const participants = listParticipantAttributes(db);
    const found = participants.find((p) => p.pseudonym === wanted) ?? participants.find((p) => p.pseudonym.toLowerCase() === wanted.toLowerCase());
    if (!found) {
      throw new InputError(`no participant "${wanted}"`, { hint: hintFor(wanted, participants.map((p) => p.pseudonym), 'see `telaah participants list`') });
    }
    const codebook = currentCodebook(project, { optional: true })?.codebook;
    const codes = (codebook?.codes ?? []).map((c) => ({ id: c.id, parent: c.parent, label: c.label[language] ?? Object.values(c.label)[0] ?? c.id, definition: c.definition.trim() || null }));
    return buildMemberCheck({ language, participant: found.pseudonym, project: project.config.name, turns: listParticipantTurns(db, found.id), codes });
  });
  if (packet.sources.length === 0) {
    throw new InputError(`${packet.participant} speaks no turn in any source`, { hint: 'Check the speaker labels with `telaah sources show NAME` (or ingest with --speakers)' });
  }
  const path = resolve(ctx.cwd, opts.output);
  writeFileAtomic(path, await renderMemberCheckDocx(packet), path, 'Choose another file with -o');
  const turns = packet.sources.reduce((n, s) => n + s.turns.length, 0);
  notice(
    ctx,
    `Wrote ${relative(ctx.cwd, path) || path}: ${packet.participant}'s ${turns} ${turns === 1 ? 'turn' : 'turns'} in ${packet.sources.length} ${packet.sources.length === 1 ? 'source' : 'sources'}, ` +
      `${packet.themes.length} ${packet.themes.length === 1 ? 'theme' : 'themes'} a person gave them`,
  );
  return 0;
}
