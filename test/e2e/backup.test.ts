import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leaks, PASS, SECRETS, studyProject } from '../helpers/encrypted-study.js';
import { REPO, tempDir, telaah } from '../helpers/spawn-cli.js';

/** Copies a backup pair into a new folder as a project, as the README tells a researcher to restore one. */
function restore(backup: string): string {
  const dir = tempDir('telaah-restored-');
  copyFileSync(backup, join(dir, 'telaah.db'));
  copyFileSync(`${backup}.telaah.yaml`, join(dir, 'telaah.yaml'));
  return dir;
}

/**
 * Another process that reads the project in a loop (short read transactions, each a full pass over the
 * texts) until told to stop by a file; resolves with how many passes it made and its exit code.
 */
function startReader(database: string, stopFile: string, passphrase?: string): { ready: Promise<void>; done: Promise<{ code: number | null; passes: number; stderr: string }> } {
  const script = `
    const Database = require('better-sqlite3-multiple-ciphers');
    const fs = require('node:fs');
    const [database, stop, passphrase] = process.argv.slice(1);
    const db = new Database(database, { readonly: true, fileMustExist: true });
    if (passphrase) { db.pragma("cipher = 'sqlcipher'"); db.pragma('legacy = 4'); db.key(Buffer.from(passphrase)); }
    const pass = db.transaction(() => db.prepare('SELECT sum(length(text)) AS n FROM sources').get().n + db.prepare('SELECT count(*) AS n FROM segments').get().n);
    let passes = 0;
    const deadline = Date.now() + 60000;
    while (!fs.existsSync(stop) && Date.now() < deadline) { pass(); passes += 1; if (passes === 1) process.stdout.write('reading\\n'); }
    db.close();
    process.stdout.write('passes ' + passes + '\\n');
  `;
  const child = spawn(process.execPath, ['-e', script, database, stopFile, ...(passphrase ? [passphrase] : [])], { cwd: REPO });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('reading')) resolve();
    });
    child.once('exit', () => reject(new Error(`the reader stopped before reading: ${stderr}`)));
  });
  const done = new Promise<{ code: number | null; passes: number; stderr: string }>((resolve) => {
    child.once('exit', (code) => resolve({ code, passes: Number(/passes (\d+)/.exec(stdout)?.[1] ?? 0), stderr }));
  });
  return { ready, done };
}

describe('telaah backup', () => {
  it("an encrypted project's backup is encrypted with the same passphrase, holds no words, and restores the project", () => {
    const dir = studyProject();
    const env = { TELAAH_PASSPHRASE: PASS };
    const out = tempDir('telaah-backups-');
    const backup = join(out, 'bpjs-2026-12-06.db');
    const run = telaah(dir, ['backup', backup], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^Backed up the project to .*bpjs-2026-12-06\.db \([\d.]+ MB, encrypted with the project's passphrase\)\n/);
    expect(readdirSync(out).sort()).toEqual(['bpjs-2026-12-06.db', 'bpjs-2026-12-06.db.telaah.yaml']);
    expect(leaks(out, [...SECRETS, PASS])).toEqual([]);

    const restored = restore(backup);
    expect(telaah(restored, ['sources', 'list']).code).toBe(3);
    for (const args of [['sources', 'list', '--json'], ['codings', 'list', '--json'], ['participants', 'list', '--json']]) {
      expect(telaah(restored, args, env).stdout).toBe(telaah(dir, args, env).stdout);
    }
    expect(telaah(restored, ['doctor'], env).code).toBe(0);
  });

  it("a plain project's backup is plain and complete", () => {
    const dir = studyProject(true);
    const backup = join(tempDir('telaah-backups-'), 'plain.db');
    expect(telaah(dir, ['backup', backup]).code).toBe(0);
    expect(readFileSync(backup).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    const restored = restore(backup);
    expect(telaah(restored, ['search', 'kontainer', '--json']).stdout).toBe(telaah(dir, ['search', 'kontainer', '--json']).stdout);
  });

  it('refuses to overwrite an existing file without --force (exit 2, the file untouched), replaces it with --force', () => {
    const dir = studyProject(true);
    const out = tempDir('telaah-backups-');
    const backup = join(out, 'study.db');
    writeFileSync(backup, 'an older backup');
    const refused = telaah(dir, ['backup', backup]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^telaah: .*study\.db already exists\. Choose another name, or pass --force to replace it\n$/);
    expect(readFileSync(backup, 'utf8')).toBe('an older backup');
    expect(readdirSync(out)).toEqual(['study.db']);
    const forced = telaah(dir, ['backup', backup, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['study.db', 'study.db.telaah.yaml']);
    expect(telaah(restore(backup), ['doctor']).code).toBe(0);
    // Into a folder that does not exist: a usage problem, said before anything is opened.
    expect(telaah(dir, ['backup', join(out, 'missing', 'x.db')]).code).toBe(2);
  });

  it('is safe while another process reads the project: both finish, the backup is whole', async () => {
    const dir = studyProject();
    const stop = join(tempDir(), 'stop');
    const reader = startReader(join(dir, 'telaah.db'), stop, PASS);
    await reader.ready;
    const backup = join(tempDir('telaah-backups-'), 'while-reading.db');
    const run = telaah(dir, ['backup', backup], { TELAAH_PASSPHRASE: PASS });
    writeFileSync(stop, '');
    const read = await reader.done;
    expect(run.code, run.stderr).toBe(0);
    expect(read.code, read.stderr).toBe(0);
    expect(read.passes).toBeGreaterThan(1);
    const restored = restore(backup);
    expect(telaah(restored, ['doctor'], { TELAAH_PASSPHRASE: PASS }).code).toBe(0);
    expect(existsSync(`${backup}.partial`)).toBe(false);
  });
});
