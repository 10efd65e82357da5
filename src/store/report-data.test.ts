import { describe, expect, it } from 'vitest';
import { reportStore as project } from '../../test/helpers/report-store.js';
import { recordAudit } from './audit.js';
import { tallyProposals } from '../core/report/proposal-tally.js';
import { readCodingColumns } from './coding-columns.js';
import { listAcceptedDecisions, summarizeAudit } from './report-data.js';
import { listProposedCodings, storeAcceptance, storeRejection } from './review.js';

describe('report data', () => {
  it('tallies the automatic proposals per code: accepted (a copy or a decision), rejected, the rest unreviewed', () => {
    const { db } = project();
    const proposals = listProposedCodings(db);
    const find = (segment: string, code: string) => proposals.find((p) => `${p.source} ${p.turn}.${p.sentence}` === segment && p.code === code)!;
    storeAcceptance(db, find('w01 2.2', 'strategy/tailored-education'), 'rina', 't1');
    storeRejection(db, find('w01 2.1', 'outcome/enrollment').segmentId, 'outcome/enrollment', 'rina', 't2');
    expect(tallyProposals(readCodingColumns(db), listAcceptedDecisions(db))).toEqual([
      { code: 'barrier/economic', proposals: 1, accepted: 0, rejected: 0 },
      { code: 'outcome/enrollment', proposals: 1, accepted: 0, rejected: 1 },
      { code: 'strategy/tailored-education', proposals: 2, accepted: 1, rejected: 0 },
    ]);
  });

  it('summarizes the audit trail by command, in order of first use', () => {
    const { db } = project();
    for (const [at, command] of [['2026-01-02T10:00:00.000Z', 'ingest'], ['2026-01-01T09:00:00.000Z', 'init'], ['2026-01-05T08:00:00.000Z', 'ingest']] as const) {
      recordAudit(db, { at, actor: 'rina', command, arguments: [], counts: {} });
    }
    expect(summarizeAudit(db)).toEqual([
      { command: 'init', times: 1, first: '2026-01-01T09:00:00.000Z', last: '2026-01-01T09:00:00.000Z' },
      { command: 'ingest', times: 2, first: '2026-01-02T10:00:00.000Z', last: '2026-01-05T08:00:00.000Z' },
    ]);
  });
});
