import { describe, expect, it } from 'vitest';
import { auditLogCsv, auditLogTable, describeCounts, formatArguments, type AuditEntryView } from './audit-log.js';

const now = new Date('2026-01-02T12:00:00.000Z');
const entry = (id: number, command: string, args: string[], counts: Record<string, number>, at = '2026-01-02T11:00:00.000Z'): AuditEntryView => ({ id, at, actor: 'rina', command, arguments: args, counts });

describe('describeCounts', () => {
  it.each([
    [{ added: 3, removed: 1, kept: 0 }, 'added 3, removed 1'],
    [{ codings: 2, memos: 0 }, 'codings 2'],
    [{ newVersion: 1, codes: 20 }, 'new version 1, codes 20'],
    [{ added: 4, interrupted: 1 }, 'added 4, interrupted'],
    [{}, ''],
  ])('%j reads "%s"', (counts, text) => {
    expect(describeCounts(counts)).toBe(text);
  });
});

describe('formatArguments', () => {
  it('quotes what a shell would split or expand, and nothing else', () => {
    expect(formatArguments(['w01', '4.2', 'barrier/economic'])).toBe('w01 4.2 barrier/economic');
    expect(formatArguments(['init', 'BPJS study', '', 'say "hi"', '$HOME'])).toBe('init "BPJS study" "" "say \\"hi\\"" "\\$HOME"');
  });
});

describe('auditLogTable', () => {
  const entries = [
    entry(3, 'ingest', ['data/interviews'], { added: 48, skipped: 2, turns: 1533, segments: 8280, bytes: 401491 }),
    entry(2, 'memo add', ['1', 'segment:w01:4.2'], { memos: 1 }, '2026-01-02T11:58:00.000Z'),
    entry(1, 'init', [], {}, '2025-12-20T08:00:00.000Z'),
  ];

  it('in a pipe: id, ISO time, actor, command, arguments, what changed, whole', () => {
    expect(auditLogTable(entries, { terminal: false, now, width: 40 })).toEqual({
      columns: ['id', 'at', 'actor', 'command', 'arguments', 'changed'].map((title) => ({ title })),
      rows: [
        [3, '2026-01-02T11:00:00.000Z', 'rina', 'ingest', 'data/interviews', 'added 48, skipped 2, turns 1533, segments 8280, bytes 401491'],
        [2, '2026-01-02T11:58:00.000Z', 'rina', 'memo add', '1 segment:w01:4.2', 'memos 1'],
        [1, '2025-12-20T08:00:00.000Z', 'rina', 'init', '', ''],
      ],
    });
  });

  it('on a terminal: how long ago, the command as typed, what changed cut between counts to fit', () => {
    const { rows } = auditLogTable(entries, { terminal: true, now, width: 80 });
    expect(rows[0]).toEqual(['1 h ago', 'rina', 'ingest data/interviews', 'added 48, skipped 2, …']);
    expect(rows[1]).toEqual(['2 min ago', 'rina', 'memo add 1 segment:w01:4.2', 'memos 1']);
    expect(rows[2]![0]).toMatch(/^2025-12-(19|20) \d\d:00$/);
    // Narrow: both give way, the counts still only between counts.
    expect(auditLogTable(entries, { terminal: true, now, width: 60 }).rows[0]!.slice(2)).toEqual(['ingest data/inte…', 'added 48, …']);
    const wide = auditLogTable(entries, { terminal: true, now, width: 200 }).rows[0]!;
    expect(wide[3]).toBe('added 48, skipped 2, turns 1533, segments 8280, bytes 401491');
  });

  it('as CSV keeps arguments and counts as JSON', () => {
    expect(auditLogCsv(entries.slice(1, 2))).toEqual({
      header: ['id', 'at', 'actor', 'command', 'arguments', 'counts'],
      rows: [[2, '2026-01-02T11:58:00.000Z', 'rina', 'memo add', '["1","segment:w01:4.2"]', '{"memos":1}']],
    });
  });
});
