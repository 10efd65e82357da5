/**
 * What `telaah report` reads besides what stats, triangulate and the matrices read: the decisions that
 * accepted automatic proposals, and the audit trail in brief.
 */
import type { AcceptedDecision } from '../core/report/proposal-tally.js';
import type { ReportAppendix } from '../core/report/report-model.js';
import type { Db } from './open.js';

/** Every decision to accept an automatic proposal: its segment and code (tallyProposals counts them). */
export function listAcceptedDecisions(db: Db): AcceptedDecision[] {
  return db.prepare<[], AcceptedDecision>("SELECT segment_id AS segment, code FROM review_decisions WHERE decision = 'accepted'").all();
}

/** The audit trail by command: how often each ran, first and last time, in order of first use. */
export function summarizeAudit(db: Db): ReportAppendix['audit'] {
  return db
    .prepare<[], ReportAppendix['audit'][number]>(
      'SELECT command, COUNT(*) AS times, MIN(at) AS first, MAX(at) AS last FROM audit GROUP BY command ORDER BY first, command',
    )
    .all();
}
