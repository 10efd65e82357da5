import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderBytes, leaks, openWithKey, PASS, SECRETS, studyProject, TRANSCRIPT } from '../helpers/encrypted-study.js';
import { BIN, SAMPLES, tempDir, telaah } from '../helpers/spawn-cli.js';
import { HAS_TMUX, Tmux } from '../helpers/tmux.js';

describe('encrypted projects', () => {
  it('keep no transcript words, pseudonyms or passphrase in any project file (db, -wal, -shm), yet every command works with the passphrase', () => {
    // The control: a plain project holds the words, so the grep below would see them.
    expect(leaks(studyProject(true), SECRETS)).not.toEqual([]);

    const dir = tempDir();
    const env = { TELAAH_PASSPHRASE: PASS };
    const runs = [telaah(dir, ['init', '--encrypt'], env)];
    // A reader holding the database open keeps ingest's -wal (and -shm) in the folder to be grepped.
    const reader = openWithKey(join(dir, 'telaah.db'), PASS);
    try {
      expect(reader.prepare('SELECT count(*) AS n FROM sqlite_master').get()).toBeDefined();
      runs.push(telaah(dir, ['participants', 'import', join(SAMPLES, 'participants.csv')], env));
      runs.push(telaah(dir, ['ingest', TRANSCRIPT, '--pseudonyms', join(SAMPLES, 'pseudonyms.csv')], env));
      const files = folderBytes(dir);
      expect(files.get('telaah.db-wal')?.length ?? 0).toBeGreaterThan(10_000);
      expect(files.has('telaah.db-shm')).toBe(true);
      expect(leaks(dir, [...SECRETS, 'Nur Aisyah', PASS])).toEqual([]);
      expect(files.get('telaah.db')!.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    } finally {
      reader.close();
    }
    runs.push(telaah(dir, ['search', 'kontainer', '--json'], env));
    expect(JSON.parse(runs.at(-1)!.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ source: '01-rahmawati' })]));
    runs.push(telaah(dir, ['participants', 'list', '--json'], env));
    expect(runs.at(-1)!.stdout).toContain('Rahmawati');
    runs.push(telaah(dir, ['stats', 'words'], { ...env, TELAAH_THREADS: '2' }));
    expect(runs.at(-1)!.stdout).toMatch(/\bkontainer\b|\bbilang\b/);
    runs.push(telaah(dir, ['log', '--json'], env));
    expect(JSON.parse(runs.at(-1)!.stdout).map((e: { command: string }) => e.command)).toEqual(['ingest', 'participants import', 'init']);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toContain(PASS);
    }
    expect(leaks(dir, [...SECRETS, PASS])).toEqual([]);
  });

  it('a wrong or missing passphrase is one line and exit 3, and changes nothing', () => {
    const dir = studyProject();
    const before = readFileSync(join(dir, 'telaah.db'));
    const envs: Record<string, string>[] = [{ TELAAH_PASSPHRASE: 'kopi-susu' }, {}];
    for (const env of envs) {
      for (const args of [['sources', 'list'], ['ingest', join(SAMPLES, 'interviews', '02-hendra.md')], ['doctor']]) {
        const run = telaah(dir, args, env);
        expect(run.code, run.stderr).toBe(3);
        expect(run.stdout).toBe('');
        expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(run.stderr).toMatch(/passphrase/);
        expect(run.stderr).not.toContain('kopi-susu');
      }
    }
    expect(telaah(dir, ['sources', 'list'], { TELAAH_PASSPHRASE: 'kopi-susu' }).stderr).toMatch(
      /^telaah: the passphrase does not open the encrypted project database .*telaah\.db\. Check TELAAH_PASSPHRASE or type it again; nothing was changed\n$/,
    );
    expect(telaah(dir, ['sources', 'list'], {}).stderr).toBe(
      'telaah: this project is encrypted and no passphrase was given. Set TELAAH_PASSPHRASE, or run the command in a terminal to be asked for it\n',
    );
    expect(readFileSync(join(dir, 'telaah.db')).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['telaah.db', 'telaah.yaml']);
  });

  it('init --encrypt without a passphrase and without a terminal is refused (exit 2) and makes nothing', () => {
    const dir = tempDir();
    const run = telaah(dir, ['init', 'study', '--encrypt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('telaah: the new project needs a passphrase and none was given. Set TELAAH_PASSPHRASE, or run the command in a terminal to type it (hidden)\n');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('demo stays plain even when TELAAH_PASSPHRASE is set', () => {
    const dir = studyProject(true);
    // A plain project ignores the variable: it opens and its file keeps SQLite's plain header.
    expect(telaah(dir, ['sources', 'list'], { TELAAH_PASSPHRASE: 'anything' }).code).toBe(0);
    expect(readFileSync(join(dir, 'telaah.db')).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });

  it('rekey: afterwards the old passphrase fails and the new one works; neither reaches the log or any file', () => {
    const dir = studyProject();
    const NEW = 'teh-manis Binjai 2026';
    const run = telaah(dir, ['rekey'], { TELAAH_PASSPHRASE: PASS, TELAAH_NEW_PASSPHRASE: NEW });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('Changed the passphrase: from now on only the new one opens the project\n');
    expect(telaah(dir, ['sources', 'list'], { TELAAH_PASSPHRASE: PASS }).code).toBe(3);
    const list = telaah(dir, ['sources', 'list', '--json'], { TELAAH_PASSPHRASE: NEW });
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
    const log = telaah(dir, ['log', '--json'], { TELAAH_PASSPHRASE: NEW });
    expect(JSON.parse(log.stdout)[0]).toMatchObject({ command: 'rekey', arguments: [] });
    expect(log.stdout).not.toContain(PASS);
    expect(log.stdout).not.toContain(NEW);
    expect(leaks(dir, [...SECRETS, PASS, NEW])).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['telaah.db', 'telaah.yaml']);
    // Without a new passphrase (and no terminal to type one) nothing changes.
    const missing = telaah(dir, ['rekey'], { TELAAH_PASSPHRASE: NEW });
    expect(missing.code).toBe(2);
    expect(telaah(dir, ['sources', 'list'], { TELAAH_PASSPHRASE: NEW }).code).toBe(0);
    // A plain project has nothing to rekey.
    expect(telaah(studyProject(true), ['rekey'], { TELAAH_NEW_PASSPHRASE: NEW }).stderr).toBe(
      'telaah: this project is not encrypted. Encrypt it with `telaah encrypt`\n',
    );
  });

  it('encrypt: converts a plain project in place; afterwards no project file holds its words, and it opens only with the passphrase', () => {
    const dir = studyProject(true);
    const plainSources = telaah(dir, ['sources', 'list', '--json']).stdout;
    const run = telaah(dir, ['encrypt'], { TELAAH_PASSPHRASE: PASS });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(PASS);
    expect(readdirSync(dir).sort()).toEqual(['telaah.db', 'telaah.yaml']);
    expect(leaks(dir, [...SECRETS, PASS])).toEqual([]);
    expect(telaah(dir, ['sources', 'list']).code).toBe(3);
    const after = telaah(dir, ['sources', 'list', '--json'], { TELAAH_PASSPHRASE: PASS });
    expect(after.stdout).toBe(plainSources);
    const log = telaah(dir, ['log', '--json'], { TELAAH_PASSPHRASE: PASS });
    expect(JSON.parse(log.stdout)[0]).toMatchObject({ command: 'encrypt', arguments: [] });
    const again = telaah(dir, ['encrypt'], { TELAAH_PASSPHRASE: PASS });
    expect(again.code).toBe(3);
    expect(again.stderr).toBe('telaah: this project is already encrypted. Change its passphrase with `telaah rekey`\n');
  });

  it('encrypt is refused while another process has the project open, and leaves it plain and whole', () => {
    const dir = studyProject(true);
    const other = new Database(join(dir, 'telaah.db'), { fileMustExist: true });
    try {
      other.prepare('SELECT count(*) FROM segments').get();
      const run = telaah(dir, ['encrypt'], { TELAAH_PASSPHRASE: PASS });
      expect(run.code).toBe(3);
      expect(run.stderr).toBe('telaah: another telaah command has the project open. Try again when it has finished; nothing was changed\n');
    } finally {
      other.close();
    }
    expect(readdirSync(dir).sort()).toEqual(['telaah.db', 'telaah.yaml']);
    expect(telaah(dir, ['doctor']).code).toBe(0);
  });
});

describe('encrypt, interrupted', () => {
  it('killed at any moment, the project opens afterwards, plain and whole or encrypted and whole; a stale copy is cleared', async () => {
    const base = tempDir();
    const plain = studyProject(true);
    const sources = telaah(plain, ['sources', 'list', '--json']).stdout;
    // How long a whole run takes on this machine now, so the kills fall across it.
    const timed = join(base, 'timed');
    cpSync(plain, timed, { recursive: true });
    const started = Date.now();
    expect(telaah(timed, ['encrypt'], { TELAAH_PASSPHRASE: PASS }).code).toBe(0);
    const whole = Date.now() - started;
    const outcomes: string[] = [];
    for (const delay of [0.5, 0.7, 0.85, 0.95, 1.05, 1.3].map((f) => Math.round(f * whole))) {
      const dir = join(base, `killed-${delay}`);
      cpSync(plain, dir, { recursive: true });
      const child = spawn(process.execPath, [BIN, 'encrypt'], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, TELAAH_PASSPHRASE: PASS }, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      if (existsSync(join(dir, 'telaah.db.encrypting'))) outcomes.push('copy left');
      const encrypted = readFileSync(join(dir, 'telaah.db')).subarray(0, 15).toString('latin1') !== 'SQLite format 3';
      outcomes.push(encrypted ? 'encrypted' : 'plain');
      const env: Record<string, string> = encrypted ? { TELAAH_PASSPHRASE: PASS } : {};
      expect(telaah(dir, ['sources', 'list', '--json'], env).stdout).toBe(sources);
      const doctor = JSON.parse(telaah(dir, ['doctor', '--json'], env).stdout) as { checks: { check: string; status: string }[] };
      expect(doctor.checks.filter((c) => c.status === 'problem' && c.check !== 'leftover copy')).toEqual([]);
      // Run again (or for the first time): whatever was left, it ends encrypted and whole.
      if (!encrypted) expect(telaah(dir, ['encrypt'], { TELAAH_PASSPHRASE: PASS }).code).toBe(0);
      expect(existsSync(join(dir, 'telaah.db.encrypting'))).toBe(false);
      expect(telaah(dir, ['sources', 'list', '--json'], { TELAAH_PASSPHRASE: PASS }).stdout).toBe(sources);
    }
    // The outcomes depend on the machine's speed; both kinds are fine, and each was checked above.
    expect(outcomes.filter((o) => o !== 'copy left')).toHaveLength(6);
  }, 180_000);
});

describe.skipIf(!HAS_TMUX)('the passphrase prompt in a terminal (tmux)', () => {
  let dir: string;
  let tmux: Tmux;
  beforeAll(() => {
    dir = tempDir();
    tmux = new Tmux(dir, { columns: 80, rows: 24 });
  });
  afterAll(() => tmux?.stop());

  it('init --encrypt asks twice without echoing; a command later asks once; a wrong one is one line, exit 3', async () => {
    const secret = 'rahasia-di-terminal';
    tmux.start(['init', 'study', '--encrypt']);
    await tmux.waitFor('New passphrase for the new project: ');
    tmux.keys(secret, 'Enter');
    await tmux.waitFor('The same passphrase again: ');
    tmux.keys(secret, 'Enter');
    const created = await tmux.waitFor('[exit 0]');
    expect(created).toContain('Created encrypted telaah project "study"');
    expect(created).not.toContain(secret);
    const study = join(dir, 'study');
    expect(telaah(study, ['sources', 'list'], { TELAAH_PASSPHRASE: secret }).code).toBe(0);

    tmux.start(['sources', 'list', '--project', 'study']);
    await tmux.waitFor('Passphrase of this project: ');
    tmux.keys(secret, 'Enter');
    const listed = await tmux.waitFor('[exit 0]');
    expect(listed).toContain('No sources yet');
    expect(listed).not.toContain(secret);

    tmux.start(['sources', 'list', '--project', 'study']);
    await tmux.waitFor('Passphrase of this project: ');
    tmux.keys('salah', 'Enter');
    const wrong = await tmux.waitFor('[exit 3]');
    expect(wrong).toMatch(/telaah: the passphrase does not open the encrypted project database .*\n\[exit 3\]/);
    expect(wrong).not.toContain('salah');
  });

  it('two different typings are refused (exit 2) and no project is made', async () => {
    tmux.start(['init', 'other', '--encrypt']);
    await tmux.waitFor('New passphrase for the new project: ');
    tmux.keys('satu', 'Enter');
    await tmux.waitFor('The same passphrase again: ');
    tmux.keys('dua', 'Enter');
    const screen = await tmux.waitFor('[exit 2]');
    expect(screen).toContain('telaah: the two passphrases differ. Run the command again; nothing was changed');
    expect(readdirSync(dir)).not.toContain('other');
  });
});
