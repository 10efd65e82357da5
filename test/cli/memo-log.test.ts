import { describe, expect, it } from 'vitest';
import type { Memo } from '../../src/core/memo-target.js';
import { parseSince } from '../../src/cli/since-option.js';
import { recordAudit } from '../../src/store/audit.js';
import { openStore } from '../../src/store/open.js';
import { fakeCtx, runInProcess } from '../helpers/fake-ctx.js';
import { writeTable } from '../../src/cli/output.js';
import { auditLogCsv, auditLogTable } from '../../src/report/audit-log.js';
import { renderCsv } from '../../src/report/csv.js';
import { listAudit } from '../../src/store/audit-log.js';
import { tempDir } from '../helpers/spawn-cli.js';
import { join } from 'node:path';

async function project(): Promise<string> {
  const dir = tempDir();
  expect((await runInProcess(dir, ['init'])).code).toBe(0);
  return dir;
}

describe('memo add -', () => {
  it('reads the memo from stdin, asking on a terminal', async () => {
    const dir = await project();
    let prompt: string | undefined;
    const added = await runInProcess(dir, ['memo', 'add', 'project', '-', '--json'], {
      readStdin: async (p) => {
        prompt = p;
        return '\uFEFFBaris satu\r\nBaris dua\r\n\r\n';
      },
    });
    expect(added.code, added.stderr).toBe(0);
    expect(prompt).toMatch(/Ctrl-D/);
    expect(JSON.parse(added.stdout) as Memo).toMatchObject({ id: 1, target: 'project', author: 'tester', text: 'Baris satu\nBaris dua', createdAt: '2026-01-02T03:04:05.000Z' });
  });

  it('refuses an empty memo, from stdin or not, storing nothing', async () => {
    const dir = await project();
    const empty = await runInProcess(dir, ['memo', 'add', 'project', '-'], { readStdin: async () => '  \n' });
    expect([empty.code, empty.stderr]).toEqual([2, 'telaah: the memo read from stdin is empty. Write the text after the target, or give - and pipe it in\n']);
    expect((await runInProcess(dir, ['memo', 'add', 'project', '   '])).code).toBe(2);
    expect((await runInProcess(dir, ['memo', 'list', '--json'])).stdout).toBe('[]\n');
  });
});

describe('memo list on a terminal', () => {
  it('shows each memo whole, and says when there are none', async () => {
    const dir = await project();
    expect((await runInProcess(dir, ['memo', 'list'], { stdoutIsTTY: true })).stderr).toMatch(/No memos yet; write one with `telaah memo add TARGET "text"`/);
    await runInProcess(dir, ['memo', 'add', 'project', 'Kepercayaan lebih penting dari biaya, terutama bagi pekerja harian yang penghasilannya tidak tentu.']);
    const { stdout } = await runInProcess(dir, ['memo', 'list'], { stdoutIsTTY: true, columns: 60 });
    expect(stdout).toBe('memo 1 · project · tester · just now\n  Kepercayaan lebih penting dari biaya, terutama bagi\n  pekerja harian yang penghasilannya tidak tentu.\n');
  });
});

describe('telaah log on a terminal', () => {
  it('shows the latest 20 and says how many more there are', async () => {
    const dir = await project();
    const db = openStore(join(dir, 'telaah.db'));
    for (let i = 1; i <= 30; i += 1) recordAudit(db, { at: `2026-01-02T02:${String(i).padStart(2, '0')}:00.000Z`, actor: 'rina', command: 'code add', arguments: ['w01', `${i}.1`, 'x'], counts: { codings: 1 } });
    db.close();
    const { code, stdout } = await runInProcess(dir, ['log'], { stdoutIsTTY: true });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^when +who +command +changed$/);
    expect(lines[1]).toMatch(/^just now +tester +init/);
    expect(lines[2]).toMatch(/^34 min ago +rina +code add w01 30\.1 x +codings 1$/);
    expect(lines).toHaveLength(22);
    expect(lines[21]).toBe('(the latest 20 of 31; --limit N for more, or pipe it: telaah log | less)');
    expect((await runInProcess(dir, ['log', '--limit', '40'], { stdoutIsTTY: true })).stdout.trimEnd().split('\n')).toHaveLength(32);
    // A pipe gets the whole trail.
    expect((await runInProcess(dir, ['log'])).stdout.trimEnd().split('\n')).toHaveLength(32);
  });
});

describe('--since', () => {
  it('takes a day from local midnight, or a local moment, as ISO UTC', () => {
    expect(parseSince('2026-01-31')).toBe(new Date(2026, 0, 31).toISOString());
    expect(parseSince('2026-01-31 14:30')).toBe(new Date(2026, 0, 31, 14, 30).toISOString());
    expect(parseSince('2026-01-31T14:30:00Z')).toBe('2026-01-31T14:30:00.000Z');
    for (const bad of ['2026-02-31', 'yesterday', '31/01/2026', '']) expect(() => parseSince(bad)).toThrow(/--since takes a date/);
  });
});

describe('telaah log in a pipe', () => {
  it('writes a trail of several pages byte for byte as the whole trail rendered at once', async () => {
    const dir = await project();
    const db = openStore(join(dir, 'telaah.db'));
    for (let i = 1; i <= 1203; i += 1) recordAudit(db, { at: `2026-01-02T02:00:00.${String(i % 1000).padStart(3, '0')}Z`, actor: i % 2 ? 'rina' : 'budi', command: 'code add', arguments: ['w01', `${i}.1`, 'x'], counts: { codings: 1 } });
    const all = listAudit(db);
    db.close();
    expect(all.length).toBeGreaterThan(1200);
    const json = await runInProcess(dir, ['log', '--json']);
    expect(json.stdout).toBe(`${JSON.stringify(all, null, 2)}\n`);
    const csv = await runInProcess(dir, ['log', '--csv']);
    const whole = auditLogCsv(all);
    expect(csv.stdout).toBe(renderCsv(whole.header, whole.rows));
    const tsv = await runInProcess(dir, ['log']);
    const table = auditLogTable(all, { terminal: false, now: new Date('2026-01-02T03:04:05Z'), width: 80 });
    const ctx = fakeCtx(dir);
    writeTable(ctx, table.columns, table.rows);
    expect(tsv.stdout).toBe(ctx.out());
  });
});
