import Database from 'better-sqlite3-multiple-ciphers';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { migrations } from '../../src/store/migrations.js';
import { fakeCtx, runInProcess } from '../helpers/fake-ctx.js';
import { FIXTURES, REPO, SAMPLES, tempDir } from '../helpers/spawn-cli.js';

const SCHEMA_1 = join(FIXTURES, 'schema-1-project');
const CODEBOOK = join(REPO, 'codebooks', 'bpjs-social-work.yaml');

/** Commands that never open an existing project's database. */
const WITHOUT_PROJECT = new Set(['init', 'demo', 'codebook diff']);

/** Inputs the commands read (made in beforeAll from a current project). */
const inputs = { codings: '', qdpx: '', qdc: '' };

interface Invocation {
  argv: string[];
  writes: boolean;
  /** Runs only on a terminal (review): stdin and stdout are made to look like one. */
  terminal?: boolean;
  /** Environment the command needs besides USER (passphrases). */
  env?: Record<string, string>;
  /**
   * Why the command is left out of the schema-1 tests: it neither refuses nor upgrades an older project
   * (backup copies it as it is, doctor reports it), or what it leaves behind is not a plain database.
   */
  notOnSchema1?: string;
}

/** Runs one invocation in-process in `dir`. */
async function invoke(dir: string, { argv, terminal, env }: Invocation): Promise<{ code: number; stdout: string; stderr: string }> {
  const overrides = env ? { env: { USER: 'tester', ...env } } : {};
  if (!terminal) return runInProcess(dir, argv, overrides);
  const stdin = process.stdin as { isTTY?: boolean };
  const was = stdin.isTTY;
  stdin.isTTY = true;
  try {
    return await runInProcess(dir, argv, { ...overrides, stdoutIsTTY: true });
  } finally {
    stdin.isTTY = was;
  }
}

/**
 * One call of every command that opens a project, valid on the schema-1 fixture once migrated, and
 * whether it changes the project. A command added to telaah without a row here fails 'covers every command'.
 */
function invocations(): Record<string, Invocation> {
  return {
    'participants import': { argv: ['participants', 'import', join(SAMPLES, 'participants.csv')], writes: true },
    'participants list': { argv: ['participants', 'list'], writes: false },
    ingest: { argv: ['ingest', join(SAMPLES, 'interviews', '02-hendra.md')], writes: true },
    'sources list': { argv: ['sources', 'list'], writes: false },
    'sources show': { argv: ['sources', 'show', '01-rahmawati'], writes: false },
    'sources remove': { argv: ['sources', 'remove', 'obs01-petisah', '--yes'], writes: true },
    'sources rename': { argv: ['sources', 'rename', 'obs01-petisah', 'obs01'], writes: true },
    'sources set': { argv: ['sources', 'set', 'obs01-petisah', 'site=Medan'], writes: true },
    'anonymity check': { argv: ['anonymity', 'check', '--pseudonyms', join(SAMPLES, 'pseudonyms.csv')], writes: false },
    'codebook validate': { argv: ['codebook', 'validate'], writes: false },
    'codebook use': { argv: ['codebook', 'use', CODEBOOK], writes: true },
    'codebook show': { argv: ['codebook', 'show'], writes: false },
    'codebook test': { argv: ['codebook', 'test'], writes: false },
    'code auto': { argv: ['code', 'auto', '--codebook', CODEBOOK], writes: true },
    'code add': { argv: ['code', 'add', '01-rahmawati', '2', 'role/educator'], writes: true },
    'code remove': { argv: ['code', 'remove', '01-rahmawati', '2', 'role/educator'], writes: true },
    'code rename': { argv: ['code', 'rename', 'role/educator', 'role/teacher'], writes: true },
    'code merge': { argv: ['code', 'merge', 'role/educator', 'role/broker'], writes: true },
    'codings list': { argv: ['codings', 'list'], writes: false },
    review: { argv: ['review'], writes: true, terminal: true },
    suggest: { argv: ['suggest'], writes: true },
    triangulate: { argv: ['triangulate'], writes: false },
    query: { argv: ['query', 'role/educator'], writes: false },
    'matrix cooccurrence': { argv: ['matrix', 'cooccurrence'], writes: false },
    'matrix attributes': { argv: ['matrix', 'attributes', '--by', 'site'], writes: false },
    agree: { argv: ['agree', '--coders', 'auto,tester'], writes: false },
    report: { argv: ['report', '-o', '-', '--format', 'md'], writes: false },
    'member-check': { argv: ['member-check', 'Rahmawati', '-o', 'mc.docx'], writes: false },
    search: { argv: ['search', 'daftar'], writes: false },
    stats: { argv: ['stats'], writes: false },
    'stats words': { argv: ['stats', 'words'], writes: false },
    'memo add': { argv: ['memo', 'add', 'project', 'catatan'], writes: true },
    'memo list': { argv: ['memo', 'list'], writes: false },
    'memo edit': { argv: ['memo', 'edit', '1', 'catatan baru'], writes: true },
    'memo remove': { argv: ['memo', 'remove', '1'], writes: true },
    withdraw: { argv: ['withdraw', 'Rahmawati', '--yes'], writes: true },
    'export csv': { argv: ['export', 'csv', '--what', 'quotes', '-o', 'out.csv'], writes: false },
    'export codings': { argv: ['export', 'codings', '-o', 'out.jsonl'], writes: false },
    'export qdpx': { argv: ['export', 'qdpx', 'out.qdpx'], writes: false },
    'export qdc': { argv: ['export', 'qdc', 'out.qdc'], writes: false },
    'import codings': { argv: ['import', 'codings', inputs.codings], writes: true },
    'import qdpx': { argv: ['import', 'qdpx', inputs.qdpx], writes: true },
    'import qdc': { argv: ['import', 'qdc', inputs.qdc, '--output', 'imported.yaml', '--use'], writes: true },
    log: { argv: ['log'], writes: false },
    migrate: { argv: ['migrate'], writes: true },
    backup: { argv: ['backup', 'copy.db'], writes: false, notOnSchema1: 'it copies the database as it is' },
    doctor: { argv: ['doctor'], writes: false, notOnSchema1: 'it reports the pending migrations' },
    encrypt: { argv: ['encrypt'], writes: true, env: { TELAAH_PASSPHRASE: 'kata sandi' }, notOnSchema1: 'the upgraded database is encrypted' },
    rekey: { argv: ['rekey'], writes: true, env: { TELAAH_NEW_PASSPHRASE: 'kata sandi' }, notOnSchema1: 'a plain project has no passphrase to change' },
  };
}

function leafCommands(command: Command, prefix: string[] = []): string[] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    const below = leafCommands(sub, path);
    // A group without an action of its own (`telaah sources`) is not a command; `stats` is both.
    const runs = sub.commands.length === 0 || (sub as unknown as { _actionHandler: unknown })._actionHandler !== null;
    return runs ? [path.join(' '), ...below] : below;
  });
}

/** A copy of the schema-1 fixture in a new temp folder. */
function schema1Copy(): string {
  const dir = tempDir('telaah-schema1-');
  cpSync(SCHEMA_1, dir, { recursive: true });
  return dir;
}

function userVersion(database: string): number {
  const db = new Database(database, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  // Inputs for the import commands, exported from a current project.
  const dir = tempDir('telaah-current-');
  for (const argv of [
    ['init'],
    ['participants', 'import', join(SAMPLES, 'participants.csv')],
    ['ingest', join(SAMPLES, 'interviews', '01-rahmawati.txt')],
    ['code', 'auto', '--codebook', CODEBOOK],
    ['code', 'add', '01-rahmawati', '2', 'role/educator'],
    ['export', 'codings', '--coder', 'tester', '-o', 'codings.jsonl'],
    ['export', 'qdpx', 'project.qdpx'],
    ['export', 'qdc', 'codebook.qdc'],
  ]) {
    const result = await runInProcess(dir, argv);
    expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
  }
  Object.assign(inputs, { codings: join(dir, 'codings.jsonl'), qdpx: join(dir, 'project.qdpx'), qdc: join(dir, 'codebook.qdc') });
}, 120_000);

describe('schema versions', () => {
  it('covers every command that opens a project', () => {
    const commands = leafCommands(buildProgram(fakeCtx('/'), () => {})).filter((name) => !WITHOUT_PROJECT.has(name));
    expect(commands.sort()).toEqual(Object.keys(invocations()).sort());
  });

  it('every command refuses a project from a newer telaah with one line, exit 3, and leaves it as it was', async () => {
    const dir = schema1Copy();
    const database = join(dir, 'telaah.db');
    expect((await runInProcess(dir, ['migrate'])).code).toBe(0);
    const db = new Database(database);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.close();
    const before = readFileSync(database);
    for (const [name, invocation] of Object.entries(invocations())) {
      const result = await invoke(dir, invocation);
      if (name === 'doctor') {
        // doctor's job is to report it, among its other checks.
        expect([result.code, result.stdout]).toEqual([3, expect.stringMatching(/written by a newer telaah/)]);
        continue;
      }
      // import qdc --use writes its codebook file before it opens the project: the refusal is its last line.
      expect([name, result.code, result.stderr.split('\n').at(-2)]).toEqual([
        name,
        3,
        `telaah: this project was written by a newer telaah (schema ${migrations.length + 1}, this telaah knows ${migrations.length}). Upgrade telaah to open it`,
      ]);
    }
    expect(readFileSync(database).equals(before)).toBe(true);
  }, 120_000);

  it('reading commands refuse a schema-1 project with the command that upgrades it, and change no byte', async () => {
    const dir = schema1Copy();
    const database = join(dir, 'telaah.db');
    const before = readFileSync(database);
    for (const [name, { argv, writes, notOnSchema1 }] of Object.entries(invocations())) {
      if (writes || notOnSchema1) continue;
      const result = await runInProcess(dir, argv);
      expect([name, result.code, result.stderr]).toEqual([
        name,
        3,
        `telaah: this project uses schema 1 of telaah's database and this telaah uses schema ${migrations.length}. Run \`telaah migrate\` to upgrade it (a backup of the old database is written first); reading commands leave it unchanged\n`,
      ]);
    }
    expect(readFileSync(database).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'telaah.db', 'telaah.yaml', 'v1-output']);
  }, 120_000);

  it('writing commands upgrade a schema-1 project after a backup beside it, and say where it is', async () => {
    for (const [name, invocation] of Object.entries(invocations())) {
      if (!invocation.writes || invocation.notOnSchema1) continue;
      const dir = schema1Copy();
      const result = await invoke(dir, invocation);
      expect([name, result.stderr]).toEqual([name, expect.stringContaining(`Upgraded the project database from schema 1 to ${migrations.length}; the old database is kept in telaah.db.schema-1.bak\n`)]);
      expect(userVersion(join(dir, 'telaah.db'))).toBe(migrations.length);
      expect(userVersion(join(dir, 'telaah.db.schema-1.bak'))).toBe(1);
    }
  }, 300_000);
});

describe('a schema-1 project after telaah migrate', () => {
  let dir = '';
  beforeAll(async () => {
    dir = schema1Copy();
    const migrated = await runInProcess(dir, ['migrate']);
    expect([migrated.code, migrated.stderr]).toEqual([0, `Upgraded the project database from schema 1 to ${migrations.length}; the old database is kept in telaah.db.schema-1.bak\n`]);
  });

  it('keeps the old database as it was, and migrating again does nothing', async () => {
    const backup = new Database(join(dir, 'telaah.db.schema-1.bak'), { readonly: true });
    // Read from a copy: even a read-only connection leaves -shm and -wal files beside a WAL database.
    const original = new Database(join(schema1Copy(), 'telaah.db'), { readonly: true });
    const dump = (db: Database.Database) => db.prepare('SELECT * FROM segments ORDER BY id').all();
    expect(dump(backup)).toEqual(dump(original));
    backup.close();
    original.close();
    expect(await runInProcess(dir, ['migrate'])).toEqual({ code: 0, stdout: '', stderr: `The project already uses schema ${migrations.length}, the current one: nothing to do\n` });
    expect(existsSync(join(dir, 'telaah.db.schema-1.2.bak'))).toBe(false);
  });

  it('is a sound database in the current layout, with the upgrade in its audit trail', () => {
    const db = new Database(join(dir, 'telaah.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Each source's segments fill its id range, turns first with their sentences after them.
    const sources = db.prepare<[], { id: number; first: number; last: number; turns: number }>('SELECT id, first_segment AS first, last_segment AS last, turns FROM sources').all();
    for (const s of sources) {
      const inRange = db.prepare<[number, number], { source_id: number; sentence: number; parent_id: number | null }>('SELECT source_id, sentence, parent_id FROM segments WHERE id BETWEEN ? AND ? ORDER BY id').all(s.first, s.last);
      expect(inRange.every((row) => row.source_id === s.id)).toBe(true);
      expect(inRange.filter((row) => row.sentence === 0)).toHaveLength(s.turns);
    }
    expect(db.prepare('SELECT COUNT(*) AS n FROM segments').get()).toEqual({ n: sources.reduce((n, s) => n + s.last - s.first + 1, 0) });
    // m011: turns and sentences in their own tables, the high-water mark of segment ids on turns' sequence.
    expect(db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'turns'").get()).toEqual({ seq: 1295 });
    expect(db.prepare("SELECT type FROM sqlite_master WHERE name = 'segments'").get()).toEqual({ type: 'view' });
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM turns) + (SELECT COUNT(*) FROM sentences) AS n').get()).toEqual({ n: 1295 });
    expect(db.prepare("SELECT command, counts FROM audit ORDER BY id DESC LIMIT 1").get()).toEqual({ command: 'migrate', counts: `{"from":1,"to":${migrations.length}}` });
    db.close();
  });

  it('shows its sources and participants exactly as telaah at schema 1 did', async () => {
    const expected = (file: string) => JSON.parse(readFileSync(join(SCHEMA_1, 'v1-output', file), 'utf8')) as unknown;
    const json = async (argv: string[]) => {
      const result = await runInProcess(dir, [...argv, '--json']);
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as unknown;
    };
    expect(await json(['sources', 'list'])).toEqual(expected('sources-list.json'));
    expect(await json(['participants', 'list'])).toEqual(expected('participants-list.json'));
    for (const name of ['01-rahmawati', '08-arif', 'fgd1-medan-pekerja']) expect(await json(['sources', 'show', name])).toEqual(expected(`sources-show-${name}.json`));
  });

  it('codes, counts and finds on it like on a new project, and every reading command answers', async () => {
    expect((await runInProcess(dir, ['code', 'auto', '--codebook', CODEBOOK])).code).toBe(0);
    expect((await runInProcess(dir, ['code', 'add', '01-rahmawati', '2.1', 'role/educator'])).code).toBe(0);
    const stats = await runInProcess(dir, ['stats', '--json']);
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ sources: expect.arrayContaining([expect.objectContaining({ type: 'fgd', sources: 1 })]) });
    const listed = (await runInProcess(dir, ['codings', 'list', '--code', 'role/educator', '--coder', 'tester', '--json'])).stdout;
    expect(JSON.parse(listed)).toEqual([expect.objectContaining({ source: '01-rahmawati', segment: '2.1', code: 'role/educator' })]);
    const search = await runInProcess(dir, ['search', 'BPJS', '--json']);
    expect(search.code, search.stderr).toBe(0);
    expect((JSON.parse(search.stdout) as unknown[]).length).toBeGreaterThan(0);
    for (const [name, invocation] of Object.entries(invocations())) {
      if (invocation.writes) continue;
      const result = await invoke(dir, invocation);
      expect([name, result.code, result.stderr]).toEqual([name, 0, expect.not.stringMatching(/internal error|SQLITE|no such (column|table)/)]);
    }
  }, 120_000);
});
