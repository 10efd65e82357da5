import { compileCoder } from '../../core/coding/auto-coder.js';
import { createStemmers } from '../../core/coding/stemmers.js';
import { buildReviewQueue } from '../../core/review/build-review-queue.js';
import { NO_CODE } from '../../core/review/review-item.js';
import { ReviewSession } from '../../core/review/review-session.js';
import { InputError } from '../../errors.js';
import { recordAudit } from '../../store/audit.js';
import { findCodebookBySha } from '../../store/codebooks.js';
import {
  listProposedCodings,
  listSettledByCoder,
  listUncodedUnits,
  revertReviewChange,
  storeAcceptance,
  storeAddedCodes,
  storeRejection,
  type ReviewChange,
} from '../../store/review.js';
import { actorOf, type Ctx } from '../context.js';
import { checkCodeIds, currentCodebook } from '../known-codes.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';

/** Options of `telaah review`. */
export interface ReviewOptions extends GlobalOptions {
  coder?: string;
  code?: string;
  uncoded?: boolean;
}
import { withProject } from '../open-project.js';
import { ItemViews } from '../review/item-view.js';
import { describeCounts } from '../review/render-pages.js';
import { runReviewLoop, type ReviewStore } from '../review/review-loop.js';
import { openTerminal } from '../review/terminal.js';
import { paint } from '../style.js';
import { notice } from '../notice.js';

/** `telaah review`: decide, one by one in the terminal, on the codings the auto-coder and suggester proposed. */
export async function run(ctx: Ctx, _args: string[], opts: ReviewOptions): Promise<ExitCode> {
  if (!process.stdin.isTTY || !ctx.stdoutIsTTY) {
    throw new InputError('review is interactive: run it in a terminal (use `telaah codings list` to read codings in scripts)');
  }
  const reviewer = reviewerOf(ctx, opts);
  const code = opts.code;
  const uncoded = opts.uncoded === true;
  return withProject(ctx, opts, async (project): Promise<ExitCode> => {
    const { db } = project;
    const { codebook, sha256 } = currentCodebook(project);
    if (code) checkCodeIds(codebook, [code]);
    const proposals = listProposedCodings(db, code);
    const items = buildReviewQueue({
      proposals,
      uncoded: uncoded ? listUncodedUnits(db, project.config.codingUnit) : [],
      decided: listSettledByCoder(db, reviewer),
      codeOrder: codebook.codes.map((c) => c.id),
    });
    if (items.length === 0) {
      notice(ctx, nothingToReview(reviewer, proposals.length, code, uncoded));
      return 0;
    }
    const stemmers = createStemmers();
    const views = new ItemViews(db, codebook, compileCoder(codebook, stemmers), stemmers, reviewer);
    const session = new ReviewSession<ReviewChange>(items);
    const codebookId = findCodebookBySha(db, sha256)?.id ?? null;
    const now = (): string => ctx.now().toISOString();
    const store: ReviewStore = {
      accept: (proposal) => storeAcceptance(db, proposal, reviewer, now()),
      reject: (item) => storeRejection(db, item.segmentId, item.kind === 'proposal' ? item.code : NO_CODE, reviewer, now()),
      addCodes: (item, codes) => storeAddedCodes(db, item, codes, reviewer, codebookId, now()),
      revert: (change) => revertReviewChange(db, change, reviewer),
    };
    const terminal = openTerminal();
    let outcome: 'quit' | 'interrupted';
    try {
      outcome = await runReviewLoop({ terminal, style: { c: paint(ctx), color: ctx.color }, session, views, codebook, reviewer, store });
    } finally {
      terminal.close();
    }
    const counts = session.counts();
    if (session.undoDepth() > 0) {
      recordAudit(db, {
        at: now(),
        actor: actorOf(ctx),
        command: 'review',
        arguments: [reviewer, ...(code ? ['--code', code] : []), ...(uncoded ? ['--uncoded'] : [])],
        counts: { accepted: counts.accepted, rejected: counts.rejected, noCode: counts.noCode, added: counts.added },
      });
    }
    const again = ['telaah review', ...(opts.coder ? ['--coder', reviewer] : []), ...(code ? ['--code', code] : []), ...(uncoded ? ['--uncoded'] : [])].join(' ');
    const left = counts.remaining === 0 ? 'nothing left to review.' : `${counts.remaining} remain.`;
    notice(ctx, `${reviewer}: ${counts.decided} decided this session (${describeCounts(counts)}); ${left}`);
    if (counts.remaining > 0) notice(ctx, `Go on with: ${again}`);
    return outcome === 'interrupted' ? 130 : 0;
  });
}

function reviewerOf(ctx: Ctx, opts: ReviewOptions): string {
  const reviewer = opts.coder ?? actorOf(ctx);
  if (reviewer === 'auto' || reviewer === 'suggest') {
    throw new InputError(`"${reviewer}" is the name the ${reviewer === 'auto' ? 'auto-coder' : 'suggester'} codes under, not a reviewer`, { hint: 'Review under your own name: --coder NAME, or set TELAAH_USER' });
  }
  return reviewer;
}

function nothingToReview(reviewer: string, proposed: number, code: string | undefined, uncoded: boolean): string {
  const scope = code ? ` under ${code}` : '';
  if (proposed === 0 && !uncoded) {
    return `Nothing to review${scope}: there are no automatic or suggested codings. Run \`telaah code auto\` first, or add --uncoded to code the units nobody has coded`;
  }
  return `Nothing left to review for ${reviewer}${scope}: every proposal is decided${uncoded ? ' and every unit is coded' : ''}`;
}
