import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/make-corpus.js';
import { parseCodebook } from '../../src/core/codebook/parse-codebook.js';
import { auditTriangulation, type AuditRequest } from '../../src/core/analysis/triangulation-audit.js';
import type { AuditCode } from '../../src/core/analysis/triangulation-types.js';
import type { EvidenceScope } from '../../src/store/coded-segments.js';
import { findCurrentCodebook } from '../../src/store/codebooks.js';
import { readEvidence } from '../../src/store/evidence.js';
import { readTriangulationAudit } from '../../src/store/evidence-stream.js';
import { openStore, type Db } from '../../src/store/open.js';
import { listProposedCodings, storeAcceptance, storeRejection } from '../../src/store/review.js';
import { runInProcess } from '../helpers/fake-ctx.js';
import { SAMPLES, tempDir } from '../helpers/spawn-cli.js';

/**
 * `triangulate` reads its evidence source by source (readTriangulationAudit); before, it built one table
 * of every coding (readEvidence) and audited that (auditTriangulation). Both must give the same audit,
 * quotes included, on the demo and on a larger project coded by `code auto` and by hand.
 */

async function ok(dir: string, ...argv: string[]): Promise<void> {
  const result = await runInProcess(dir, argv);
  expect(result.code, result.stderr).toBe(0);
}

/** Some proposals accepted, some rejected; a coder's turns and their own sentences coded alike, and sentences alone. */
function reviewAndCode(db: Db): void {
  const proposals = listProposedCodings(db);
  for (const [i, proposal] of proposals.filter((_, i) => i % 7 === 0).slice(0, 300).entries()) {
    if (i % 2) storeRejection(db, proposal.segmentId, proposal.code, 'rina', 'now');
    else storeAcceptance(db, proposal, 'budi', 'now');
  }
  const codes = db.prepare<[], string>('SELECT DISTINCT code FROM codings ORDER BY code').pluck().all();
  const add = db.prepare(`INSERT OR IGNORE INTO codings (segment_id, code, coder, origin, start, end, created_at) SELECT id, ?, 'rina', ?, start, end, 'now' FROM segments WHERE id = ?`);
  const segments = db.prepare<[], { id: number; parent_id: number | null }>('SELECT id, parent_id FROM segments WHERE id % 5 = 0 ORDER BY id').all();
  segments.forEach(({ id, parent_id }, i) => {
    const code = codes[i % codes.length]!;
    add.run(code, i % 11 === 0 ? 'suggested' : 'manual', id);
    if (parent_id !== null && i % 3 === 0) add.run(code, 'manual', parent_id);
  });
}

function codesOf(db: Db): AuditCode[] {
  const { codebook } = parseCodebook(findCurrentCodebook(db)!.yaml);
  return codebook!.codes.map((c) => ({ id: c.id, parent: c.parent, label: c.label.id ?? c.id, required: c.required, contrasts: c.contrasts }));
}

const SETTINGS = { convergent: 3, corroborated: 2, projectGroups: 2 };
const REQUEST: AuditRequest = { required: 'corroborated', strictAll: false };

function expectSameAudits(project: string): number {
  const db = openStore(join(project, 'telaah.db'), { readonly: true });
  try {
    const codes = codesOf(db);
    const scopes: EvidenceScope[] = [{}, { coder: 'rina' }, { origins: ['suggested', 'manual'] }, { coder: 'auto' }];
    const requests: AuditRequest[] = [REQUEST, { ...REQUEST, by: 'site' }, { ...REQUEST, by: 'group', strictAll: true }, { ...REQUEST, focus: codes[0]!.id }, { ...REQUEST, focus: codes.at(-1)!.id, by: 'site' }];
    let quotes = 0;
    for (const scope of scopes) {
      const table = readEvidence(db, scope);
      for (const request of requests) {
        const streamed = readTriangulationAudit(db, scope, codes, SETTINGS, request);
        expect(streamed).toEqual(auditTriangulation(codes, table, SETTINGS, request));
        quotes += streamed.tables.reduce((n, t) => n + t.codes.reduce((m, r) => m + r.evidence.length, 0), 0);
      }
    }
    return quotes;
  } finally {
    db.close();
  }
}

describe('triangulate read source by source', () => {
  let demo: string;
  let larger: string;
  beforeAll(async () => {
    const dir = tempDir();
    demo = join(dir, 'demo');
    await ok(dir, 'demo', demo);
    makeCorpus(join(dir, 'corpus'), [SAMPLES], 1.5 * 1024 * 1024);
    larger = join(dir, 'larger');
    await ok(dir, 'init', larger);
    await ok(larger, 'participants', 'import', join(SAMPLES, 'participants.csv'));
    await ok(larger, 'ingest', join(dir, 'corpus'), '--pseudonyms', join(SAMPLES, 'pseudonyms.csv'));
    await ok(larger, 'code', 'auto', '--codebook', join(SAMPLES, '..', '..', 'codebooks', 'bpjs-social-work.yaml'));
    for (const project of [demo, larger]) {
      const db = openStore(join(project, 'telaah.db'));
      reviewAndCode(db);
      db.close();
    }
  }, 240_000);

  it('gives the audit of the whole evidence table on the demo', () => {
    expect(expectSameAudits(demo)).toBeGreaterThan(100);
  });

  it('gives the audit of the whole evidence table on a larger project', () => {
    const db = openStore(join(larger, 'telaah.db'), { readonly: true });
    const codings = db.prepare('SELECT COUNT(*) FROM codings').pluck().get() as number;
    db.close();
    expect(codings).toBeGreaterThan(15_000);
    expect(expectSameAudits(larger)).toBeGreaterThan(1000);
  });
});
