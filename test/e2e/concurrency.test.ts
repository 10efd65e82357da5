import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, SAMPLES, telaah, tempDir } from '../helpers/spawn-cli.js';

const HAMMER = fileURLToPath(new URL('../helpers/write-hammer.mjs', import.meta.url));
const CODEBOOK = join(REPO, 'codebooks', 'bpjs-social-work.yaml');

/** Runs a node script to the end without blocking the others. */
function node(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', TELAAH_USER: 'tester' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let project = '';

beforeAll(() => {
  project = tempDir('telaah-concurrent-');
  for (const args of [
    ['init', '.'],
    ['participants', 'import', join(SAMPLES, 'participants.csv')],
    ['ingest', join(SAMPLES, 'interviews'), join(SAMPLES, 'fgd'), '--pseudonyms', join(SAMPLES, 'pseudonyms.csv')],
    ['codebook', 'use', CODEBOOK],
  ]) {
    const result = telaah(project, args);
    expect(result.code, result.stderr).toBe(0);
  }
});

function count(sql: string, ...params: unknown[]): number {
  const db = new Database(join(project, 'telaah.db'), { readonly: true });
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('two processes writing at once', () => {
  it('lose no write and never meet a locked database, even in transactions that read first', async () => {
    const rounds = 500;
    const results = await Promise.all(['ana', 'budi'].map((coder) => node(project, [HAMMER, join(project, 'telaah.db'), coder, String(rounds)])));
    for (const result of results) expect([result.code, result.stdout.trim(), result.stderr]).toEqual([0, `done ${rounds}`, '']);
    for (const coder of ['ana', 'budi']) {
      expect(count("SELECT COUNT(*) AS n FROM codings WHERE coder = ? AND origin = 'manual'", coder)).toBe(rounds);
      expect(count('SELECT COUNT(*) AS n FROM memos WHERE author = ?', coder)).toBe(rounds);
    }
  }, 120_000);

  it('code auto beside code add and memo add: every command succeeds and every coding and memo lands', async () => {
    const auto = (async () => {
      const runs = [];
      for (const unit of ['turn', 'sentence', 'turn']) runs.push(await node(project, [BIN, 'code', 'auto', '--unit', unit]));
      return runs;
    })();
    const human = (async () => {
      const runs = [];
      for (let turn = 2; turn < 8; turn += 1) {
        runs.push(await node(project, [BIN, 'code', 'add', '01-rahmawati', String(turn), 'role/educator', '--coder', 'rina']));
        runs.push(await node(project, [BIN, 'memo', 'add', `segment:01-rahmawati:${turn}`, `catatan ${turn}`, '--author', 'rina']));
      }
      return runs;
    })();
    for (const run of [...(await auto), ...(await human)]) {
      expect(run.stderr).not.toMatch(/locked|SQLITE_BUSY|internal error/);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(count("SELECT COUNT(*) AS n FROM codings WHERE coder = 'rina' AND code = 'role/educator'")).toBe(6);
    expect(count("SELECT COUNT(*) AS n FROM memos WHERE author = 'rina'")).toBe(6);
    expect(count("SELECT COUNT(*) AS n FROM audit WHERE command = 'code add'")).toBe(6);
  }, 120_000);
});
