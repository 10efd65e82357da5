/**
 * What `telaah report` reads besides what stats, triangulate and the matrices read: how the automatic
 * proposals were reviewed, and the audit trail in brief.
 */
import type { ProposalTally } from '../core/report/build-report.js';
import type { ReportAppendix } from '../core/report/report-model.js';
import type { Db } from './open.js';

/**
 * The automatic proposals (auto and suggested codings) per code: how many, how many a reviewer rejected
 * (a rejection decision), and how many were accepted otherwise (an accepted decision, or the reviewer's
 * `accepted` copy of the coding).
 */
export function tallyProposals(db: Db): ProposalTally[] {
  const decided = (decision: string): string =>
    `EXISTS (SELECT 1 FROM review_decisions d WHERE d.segment_id = c.segment_id AND d.code = c.code AND d.decision = '${decision}')`;
  return db
    .prepare<[], ProposalTally>(
      `SELECT code, COUNT(*) AS proposals, SUM(rejected) AS rejected, SUM(accepted * (1 - rejected)) AS accepted
         FROM (SELECT c.code, ${decided('rejected')} AS rejected,
                      (${decided('accepted')} OR EXISTS (SELECT 1 FROM codings a WHERE a.segment_id = c.segment_id AND a.code = c.code AND a.origin = 'accepted')) AS accepted
                 FROM codings c WHERE c.origin IN ('auto', 'suggested'))
        GROUP BY code ORDER BY code`,
    )
    .all();
}

/** The audit trail by command: how often each ran, first and last time, in order of first use. */
export function summarizeAudit(db: Db): ReportAppendix['audit'] {
  return db
    .prepare<[], ReportAppendix['audit'][number]>(
      'SELECT command, COUNT(*) AS times, MIN(at) AS first, MAX(at) AS last FROM audit GROUP BY command ORDER BY first, command',
    )
    .all();
}
