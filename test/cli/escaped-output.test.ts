import { cpSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/fake-ctx.js';
import { FIXTURES, tempDir } from '../helpers/spawn-cli.js';

// Issue 11 item 5: a name or value from a file or a person, echoed in a human line, is escaped (it cannot
// clear the screen or fake a line of its own); --json gives it exactly as it is.

const MINI = join(FIXTURES, 'mini-study');
const CLEAR = '\u001b[2J';

async function ok(dir: string, argv: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  const result = await runInProcess(dir, argv, { env: { USER: 'tester', ...env } });
  expect(result.code, result.stderr).toBe(0);
  return result;
}

/** No raw control character but the line feeds and tabs telaah lays out with. */
function clean(text: string): void {
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
}

async function study(): Promise<string> {
  const dir = tempDir();
  await ok(dir, ['init']);
  cpSync(MINI, join(dir, 'data'), { recursive: true });
  await ok(dir, ['participants', 'import', join(dir, 'data', 'participants.csv')]);
  await ok(dir, ['ingest', 'data', '--pseudonyms', join(dir, 'data', 'names.csv')]);
  await ok(dir, ['codebook', 'use', join(FIXTURES, 'codebooks', 'mini.yaml')]);
  return dir;
}

describe('human lines escape what they echo', () => {
  it('code add and code remove: a hostile coder name', async () => {
    const dir = await study();
    const coder = `rina${CLEAR}\ntelaah: fake`;
    const added = await ok(dir, ['code', 'add', 'w01-sumiati', '2.1', 'barrier/economic', '--coder', coder]);
    expect(added.stderr).toBe('Added 1 coding by rina\\x1b[2J\\ntelaah: fake on w01-sumiati 2.1\n');
    const listed = JSON.parse((await ok(dir, ['codings', 'list', '--coder', coder, '--json'])).stdout) as { coder: string }[];
    expect(listed.map((c) => c.coder)).toEqual([coder]);
    const removed = await ok(dir, ['code', 'remove', 'w01-sumiati', '2.1', 'barrier/economic', '--coder', coder]);
    expect(removed.stderr).toBe('Removed 1 coding by rina\\x1b[2J\\ntelaah: fake on w01-sumiati 2.1\n');
  });

  it('sources set: a hostile value, escaped on stderr and exact in sources show --json', async () => {
    const dir = await study();
    const { stderr } = await ok(dir, ['sources', 'set', 'w01-sumiati', `site=Medan${CLEAR}\nfake`]);
    expect(stderr).toBe('Changed w01-sumiati:\n  site: Medan → Medan\\x1b[2J\\nfake\n');
    expect(JSON.parse((await ok(dir, ['sources', 'show', 'w01-sumiati', '--json'])).stdout)).toMatchObject({ site: `Medan${CLEAR}\nfake` });
    // The audit trail's TSV keeps one row per entry; --json keeps the arguments exact.
    const trail = (await ok(dir, ['log'])).stdout;
    expect(trail).toContain('site=Medan\\x1b[2J\\nfake');
    clean(trail);
    expect((await ok(dir, ['log', '--json'])).stdout).toContain(JSON.stringify(`site=Medan${CLEAR}\nfake`).slice(1, -1));
    // telaah's own colours stay on a colour terminal.
    const coloured = await runInProcess(dir, ['sources', 'set', 'w01-sumiati', 'site='], { color: true });
    expect(coloured.stderr).toBe('Changed w01-sumiati:\n  site: Medan\\x1b[2J\\nfake → \u001b[2m(none)\u001b[22m\n');
  });

  it('memo add and memo remove: a hostile author (the user name)', async () => {
    const dir = await study();
    const user = `evil\u001b]0;title\u0007\u202e`;
    const added = await ok(dir, ['memo', 'add', 'source:w01-sumiati', 'a memo'], { USER: user });
    expect(added.stderr).toBe('Added memo 1 on source:w01-sumiati by evil\\x1b]0;title\\x07\\u202e\n');
    expect(JSON.parse((await ok(dir, ['memo', 'list', '--json'])).stdout)).toMatchObject([{ author: user }]);
    const removed = await ok(dir, ['memo', 'remove', '1']);
    expect(removed.stderr).toContain('by evil\\x1b]0;title\\x07\\u202e\n');
    clean(removed.stderr);
  });

  it('participants import: a hostile file name', async () => {
    const dir = await study();
    const csv = join(dir, `people${CLEAR}.csv`);
    copyFileSync(join(dir, 'data', 'participants.csv'), csv);
    const imported = await ok(dir, ['participants', 'import', csv]);
    expect(imported.stderr).toContain('people\\x1b[2J.csv');
    clean(imported.stderr);
  });

  it('export codings and import codings: a hostile file name, exact in --json', async () => {
    const dir = await study();
    await ok(dir, ['code', 'auto']);
    const jsonl = `codings${CLEAR}\n.jsonl`;
    const exported = await ok(dir, ['export', 'codings', '-o', jsonl]);
    expect(exported.stderr).toMatch(/ to codings\\x1b\[2J\\n\.jsonl\n$/);
    clean(exported.stderr);
    const merged = await ok(dir, ['import', 'codings', jsonl]);
    expect(merged.stderr).toContain('from codings\\x1b[2J\\n.jsonl');
    clean(merged.stderr);
    expect(JSON.parse((await ok(dir, ['import', 'codings', jsonl, '--json'])).stdout)).toMatchObject({ file: jsonl });
  });

  it('backup: a hostile target path', async () => {
    const dir = await study();
    const backup = await ok(dir, ['backup', join(dir, `copy${CLEAR}.db`)]);
    expect(backup.stderr).toContain('copy\\x1b[2J.db');
    clean(backup.stderr);
  });

  it('sources rename: a new name with a bidi override', async () => {
    const dir = await study();
    const { stderr } = await ok(dir, ['sources', 'rename', 'w01-sumiati', 'w01\u202etxt.exe']);
    expect(stderr).toBe('Renamed w01-sumiati to w01\\u202etxt.exe.\n');
    expect(JSON.parse((await ok(dir, ['sources', 'list', '--json'])).stdout).map((r: { name: string }) => r.name)).toContain('w01\u202etxt.exe');
  });

  it('withdraw: a pseudonym with a bidi override, in the plan and the closing lines', async () => {
    const dir = await study();
    writeFileSync(join(dir, 'more.csv'), 'pseudonym,site\nRina\u202eX,Medan\n');
    await ok(dir, ['participants', 'import', join(dir, 'more.csv')]);
    const { stderr } = await ok(dir, ['withdraw', 'Rina\u202eX', '--yes']);
    expect(stderr).toContain('Withdrawing Rina\\u202eX deletes');
    expect(stderr).toContain('Withdrew Rina\\u202eX:');
    clean(stderr);
  });

  it('triangulate --by: a hostile group in the table titles, exact in --json', async () => {
    const dir = await study();
    writeFileSync(join(dir, 'group.csv'), `pseudonym,group\nSumiati,Medan${CLEAR}\n`);
    await ok(dir, ['participants', 'import', join(dir, 'group.csv')]);
    await ok(dir, ['code', 'add', 'w01-sumiati', '2.1', 'barrier/economic', '--coder', 'rina']);
    const { stdout } = await ok(dir, ['triangulate', '--by', 'group']);
    expect(stdout).toContain('group: Medan\\x1b[2J\n');
    clean(stdout);
    expect((await ok(dir, ['triangulate', '--by', 'group', '--json'])).stdout).toContain(JSON.stringify(`Medan${CLEAR}`));
  });

  it('import qdpx: a Project origin with a line break and a bidi override', async () => {
    const root = tempDir();
    const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="Evil QDA&#10;telaah: fake line &#x202e;txt"><Sources>
  <TextSource guid="9a58b12a-6f6f-4b0c-8be5-bbdc91f55294" name="w01" plainTextPath="internal://w01.txt"/>
</Sources></Project>`;
    writeFileSync(join(root, 'p.qdpx'), zipSync({ 'project.qde': strToU8(qde), 'sources/w01.txt': strToU8('Sumiati: saya belum daftar.\n') }));
    const human = await ok(root, ['import', 'qdpx', 'p.qdpx', '--into', 'human']);
    expect(human.stderr).toContain('Imported from Evil QDA\\ntelaah: fake line \\u202etxt into');
    expect(human.stderr).not.toMatch(/^telaah: fake/m);
    clean(human.stderr);
    const json = await ok(root, ['import', 'qdpx', 'p.qdpx', '--into', 'json', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ origin: 'Evil QDA\ntelaah: fake line \u202etxt' });
  });
});
