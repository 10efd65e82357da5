import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodingRow } from '../../src/store/list-codings.js';
import { FIXTURES, tempDir, telaah } from '../helpers/spawn-cli.js';

const MINI = join(FIXTURES, 'mini-study');
const CODEBOOK = join(FIXTURES, 'codebooks', 'mini.yaml');
const V1 = readFileSync(CODEBOOK, 'utf8');

/** The mini study with the mini codebook copied to codebooks/mini.yaml inside the project and applied. */
function study(): { dir: string; file: string } {
  const dir = tempDir();
  expect(telaah(dir, ['init']).code).toBe(0);
  expect(telaah(dir, ['participants', 'import', join(MINI, 'participants.csv')]).code).toBe(0);
  expect(telaah(dir, ['ingest', MINI, '--pseudonyms', join(MINI, 'names.csv')]).code).toBe(0);
  mkdirSync(join(dir, 'codebooks'));
  const file = join(dir, 'codebooks', 'mini.yaml');
  copyFileSync(CODEBOOK, file);
  const used = telaah(dir, ['codebook', 'use', 'codebooks/mini.yaml']);
  expect(used.code, used.stderr).toBe(0);
  return { dir, file };
}

function ok(dir: string, args: string[]): { stdout: string; stderr: string } {
  const result = telaah(dir, args);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

function codings(dir: string, ...filters: string[]): CodingRow[] {
  return JSON.parse(ok(dir, ['codings', 'list', '--json', ...filters]).stdout) as CodingRow[];
}

function shownCodes(dir: string): string[] {
  const shown = JSON.parse(ok(dir, ['codebook', 'show', '--json']).stdout) as { codes: { id: string; label: string; children: { id: string; label: string }[] }[] };
  return shown.codes.flatMap((c) => [`${c.id}=${c.label}`, ...c.children.map((k) => `${k.id}=${k.label}`)]);
}

/** Everything a command could have changed: settings, codebook versions, codings, decisions, audit. */
function snapshot(dir: string): unknown {
  const db = new Database(join(dir, 'telaah.db'), { readonly: true });
  try {
    return {
      settings: readFileSync(join(dir, 'telaah.yaml'), 'utf8'),
      codebooks: db.prepare('SELECT id, name, version, sha256 FROM codebooks ORDER BY id').all(),
      current: db.prepare('SELECT codebook_id FROM current_codebook').all(),
      codings: db.prepare('SELECT * FROM codings ORDER BY id').all(),
      decisions: db.prepare('SELECT * FROM review_decisions ORDER BY segment_id, code, coder').all(),
      audit: db.prepare('SELECT COUNT(*) AS n FROM audit').get(),
    };
  } finally {
    db.close();
  }
}

/** The mini codebook as version 2: barrier/economic becomes barrier/cost (same label), and a code is added. */
const V2 = V1.replace('version: "1"', 'version: "2"')
  .replace('id: barrier/economic', 'id: barrier/cost')
  .replace('Income too low or irregular to pay.', 'Contributions feel too expensive.');

describe('the current codebook is stored in the project', () => {
  it('editing the YAML file changes nothing until `codebook use` applies it again', () => {
    const { dir, file } = study();
    const first = JSON.parse(ok(dir, ['code', 'auto', '--json']).stdout) as { added: number };
    expect(first.added).toBeGreaterThan(0);
    const before = shownCodes(dir);
    // Edited in place, version raised: a new label, a pattern gone, a code added.
    writeFileSync(
      file,
      V1.replace('version: "1"', 'version: "1.1"')
        .replace('label: Hambatan', 'label: Penghalang')
        .replace('id: [leaflet, poster, gambar]', 'id: [poster]')
        .replace(/(      - id: barrier\/economic)/, '      - { id: barrier/distrust, label: Curiga, definition: Suspicion. }\n$1'),
    );
    const again = telaah(dir, ['code', 'auto', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ codebook: { name: 'Mini', version: '1' }, added: 0, removed: 0 });
    expect(again.stderr).toMatch(/^codebooks\/mini\.yaml differs from the project's current codebook \("Mini" 1, as applied\), which is still the one used; to apply the file, run `telaah codebook use codebooks\/mini\.yaml`$/m);
    const show = telaah(dir, ['codebook', 'show', '--json']);
    expect(show.stderr).toMatch(/differs from the project's current codebook/);
    expect(shownCodes(dir)).toEqual(before);
    expect(shownCodes(dir)).toContain('barrier=Hambatan');
    const unknown = telaah(dir, ['code', 'add', 'w01-sumiati', '2.2', 'barrier/distrust']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown code "barrier\/distrust"/);
    expect(JSON.parse(ok(dir, ['codebook', 'test', '--json']).stdout)).toMatchObject({ examples: 3 });

    const used = ok(dir, ['codebook', 'use', 'codebooks/mini.yaml']);
    expect(used.stderr).toMatch(/Using "Mini" 1\.1 \(6 codes\)/);
    expect(shownCodes(dir)).toContain('barrier=Penghalang');
    const recoded = JSON.parse(ok(dir, ['code', 'auto', '--json']).stdout) as { codebook: { version: string }; removed: number };
    expect(recoded.codebook.version).toBe('1.1');
    expect(recoded.removed).toBeGreaterThan(0);
    expect(ok(dir, ['code', 'add', 'w01-sumiati', '2.2', 'barrier/distrust']).stderr).toMatch(/Added 1 coding/);
  });

  it('refuses a changed file whose version is already stored, with exit 2 and the project unchanged', () => {
    const { dir, file } = study();
    ok(dir, ['code', 'auto']);
    ok(dir, ['code', 'add', 'w01-sumiati', '2.2', 'barrier/economic', '--coder', 'rina']);
    writeFileSync(file, V1.replace('label: Hambatan', 'label: Penghalang'));
    const before = snapshot(dir);
    for (const args of [['codebook', 'use', 'codebooks/mini.yaml'], ['code', 'auto', '--codebook', 'codebooks/mini.yaml']]) {
      const refused = telaah(dir, args);
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toBe(
        'telaah: codebooks/mini.yaml:3:12: codebook "Mini" version 1 is already stored with different content. Raise version: in the file (e.g. 2) to record a new version\n',
      );
      expect(snapshot(dir)).toEqual(before);
    }
  });

  it('code auto --codebook makes the file the current codebook', () => {
    const { dir } = study();
    const v2 = join(dir, 'v2.yaml');
    writeFileSync(v2, V2);
    const coded = telaah(dir, ['code', 'auto', '--codebook', 'v2.yaml', '--json']);
    expect(coded.code, coded.stderr).toBe(0);
    expect(coded.stderr).toMatch(/Using "Mini" 2 as the project's current codebook/);
    expect(readFileSync(join(dir, 'telaah.yaml'), 'utf8')).toMatch(/^codebook: v2\.yaml$/m);
    expect(shownCodes(dir)).toContain('barrier/cost=Ekonomi');
    expect(ok(dir, ['code', 'auto', '--json']).stdout).toMatch(/"added": 0/);
  });
});

describe('a new version that drops codes with human codings', () => {
  it('says which code, how many human codings, and the likely rename; nothing is deleted', () => {
    const { dir } = study();
    ok(dir, ['code', 'auto']);
    ok(dir, ['code', 'add', 'w01-sumiati', '2.2-2.3', 'barrier/economic', '--coder', 'rina']);
    ok(dir, ['code', 'add', 'w01-sumiati', '4', 'strategy/tailored-education', '--coder', 'rina']);
    ok(dir, ['code', 'add', 'w01-sumiati', '2.2', 'barrier/economic', '--coder', 'budi']);
    const v2 = join(dir, 'codebooks', 'v2.yaml');
    writeFileSync(v2, V2.replace(/      - id: strategy\/tailored-education[\s\S]*?(      - id: strategy\/registration)/, '$1'));
    const before = codings(dir, '--origin', 'manual');
    const used = ok(dir, ['codebook', 'use', 'codebooks/v2.yaml']);
    expect(used.stderr.split('\n').slice(1, -1)).toEqual([
      'strategy/tailored-education is not in "Mini" 2 but has 1 human coding (kept under the old id); move it with `telaah code rename strategy/tailored-education NEW` or `telaah code merge strategy/tailored-education OTHER`',
      'barrier/economic is not in "Mini" 2 but has 3 human codings (kept under the old id); likely renamed: `telaah code rename barrier/economic barrier/cost` moves them',
    ]);
    expect(codings(dir, '--origin', 'manual')).toEqual(before);
  });
});

describe('code rename and code merge', () => {
  /** v1 coded by hand and automatically, then v2 (barrier/economic renamed to barrier/cost) applied. */
  function renamed(): string {
    const { dir } = study();
    ok(dir, ['code', 'auto']);
    ok(dir, ['code', 'add', 'w01-sumiati', '2.2', 'barrier/economic', '--coder', 'rina', '--memo', 'majikan']);
    writeFileSync(join(dir, 'codebooks', 'mini.yaml'), V2);
    ok(dir, ['codebook', 'use', 'codebooks/mini.yaml']);
    return dir;
  }

  it('rename moves every coding of the old code, with --dry-run first changing nothing', () => {
    const dir = renamed();
    const old = codings(dir, '--code', 'barrier/economic');
    expect(old.map((c) => c.origin).sort()).toEqual(['auto', 'manual']);
    const before = snapshot(dir);
    const dry = ok(dir, ['code', 'rename', 'barrier/economic', 'barrier/cost', '--dry-run']);
    expect(dry.stderr).toBe('barrier/economic → barrier/cost: 2 codings would move (1 of the 2 by people)\nDry run: nothing changed; run again without --dry-run to apply\n');
    expect(snapshot(dir)).toEqual(before);
    const done = ok(dir, ['code', 'rename', 'barrier/economic', 'barrier/cost']);
    expect(done.stderr).toBe('barrier/economic → barrier/cost: 2 codings moved (1 of the 2 by people)\nRenamed barrier/economic to barrier/cost\n');
    // The old id is gone from the codebook and from every coding, so asking for it is a typo to point out.
    const gone = telaah(dir, ['codings', 'list', '--code', 'barrier/economic']);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toMatch(/unknown code "barrier\/economic"/);
    expect(codings(dir, '--code', 'barrier/cost').map((c) => [c.source, c.segment, c.coder, c.origin, c.memo])).toEqual([
      ['fgd-pasar', '3.2', 'auto', 'auto', null],
      ['w01-sumiati', '2.2', 'rina', 'manual', 'majikan'],
    ]);
    const audit = new Database(join(dir, 'telaah.db'), { readonly: true });
    expect(audit.prepare("SELECT arguments, counts FROM audit WHERE command = 'code rename'").get()).toEqual({
      arguments: '["barrier/economic","barrier/cost"]',
      counts: '{"codes":1,"moved":2,"folded":0,"human":1,"decisionsMoved":0,"decisionsFolded":0,"memosMoved":0}',
    });
    audit.close();
  });

  it('rename refuses a target outside the current codebook with the nearest ids, and an unused old code', () => {
    const dir = renamed();
    const unknown = telaah(dir, ['code', 'rename', 'barrier/economic', 'barrier/costs']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown code "barrier\/costs". Did you mean barrier\/cost/);
    const unused = telaah(dir, ['code', 'rename', 'barrier/economik', 'barrier/cost']);
    expect(unused.code).toBe(2);
    expect(unused.stderr).toMatch(/no coding or review decision has the code "barrier\/economik". Did you mean barrier\/economic/);
  });

  it('rename of a category moves the codes below it too, and refuses when one of them has no place in the codebook', () => {
    const { dir } = study();
    ok(dir, ['code', 'add', 'w01-sumiati', '2.2', 'barrier', 'barrier/economic', '--coder', 'rina']);
    const v2 = join(dir, 'codebooks', 'v2.yaml');
    writeFileSync(v2, V1.replace('version: "1"', 'version: "2"').replace(/id: barrier/g, 'id: obstacle').replace('id: obstacle/economic', 'id: obstacle/money'));
    ok(dir, ['codebook', 'use', 'codebooks/v2.yaml']);
    const refused = telaah(dir, ['code', 'rename', 'barrier', 'obstacle']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'telaah: barrier/economic would become obstacle/economic, which is not in the current codebook "Mini" 2. Move barrier/economic to a code of the codebook first (`telaah code merge barrier/economic CODE`), then rename barrier\n',
    );
    ok(dir, ['code', 'merge', 'barrier/economic', 'obstacle/money']);
    expect(ok(dir, ['code', 'rename', 'barrier', 'obstacle']).stderr).toBe('barrier → obstacle: 1 coding moved (1 of the 1 by people)\nRenamed barrier to obstacle\n');
    expect(codings(dir, '--coder', 'rina').map((c) => c.code)).toEqual(['obstacle', 'obstacle/money']);
    const inside = telaah(dir, ['code', 'rename', 'obstacle', 'obstacle/money']);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/cannot rename obstacle to obstacle\/money: one is inside the other. To move only obstacle's own codings, use `telaah code merge obstacle obstacle\/money`/);
  });

  it('rename moves the codes below the old one to the same place below the new one', () => {
    const { dir } = study();
    ok(dir, ['code', 'add', 'w01-sumiati', '2.2', 'barrier/economic', '--coder', 'rina']);
    writeFileSync(join(dir, 'codebooks', 'v2.yaml'), V1.replace('version: "1"', 'version: "2"').replace(/id: barrier/g, 'id: obstacle'));
    ok(dir, ['codebook', 'use', 'codebooks/v2.yaml']);
    expect(ok(dir, ['code', 'rename', 'barrier', 'obstacle']).stderr).toBe(
      'barrier/economic → obstacle/economic: 1 coding moved (1 of the 1 by people)\nRenamed barrier to obstacle (and 1 code below it)\n',
    );
  });

  it('merge moves codings into another code and folds those a coder has of both', () => {
    const { dir } = study();
    ok(dir, ['code', 'add', 'w01-sumiati', '2.2', 'strategy/registration-assistance', '--coder', 'rina', '--memo', 'formulir']);
    ok(dir, ['code', 'add', 'w01-sumiati', '2.3', 'strategy/registration-assistance', '--coder', 'rina']);
    ok(dir, ['code', 'add', 'w01-sumiati', '2.2', 'strategy/tailored-education', '--coder', 'rina', '--memo', 'leaflet']);
    const merged = ok(dir, ['code', 'merge', 'strategy/registration-assistance', 'strategy/tailored-education']);
    expect(merged.stderr).toBe(
      "strategy/registration-assistance → strategy/tailored-education: 1 coding moved, 1 folded into the same coder's coding (2 of the 2 by people)\n" +
        'Merged strategy/registration-assistance into strategy/tailored-education\n' +
        'strategy/registration-assistance is still in the current codebook; `telaah code auto` keeps proposing it until a new version drops it\n',
    );
    const rows = codings(dir, '--coder', 'rina');
    expect(rows.map((c) => [c.segment, c.code, c.memo])).toEqual([
      ['2.2', 'strategy/tailored-education', 'formulir | leaflet'],
      ['2.3', 'strategy/tailored-education', null],
    ]);
  });
});

describe('projects from before the current codebook was stored', () => {
  /** A project as telaah left it before schema 4: the codebook named in telaah.yaml only. */
  function legacy(prepare?: (dir: string, file: string) => void): string {
    const { dir, file } = study();
    ok(dir, ['code', 'auto']);
    prepare?.(dir, file);
    const db = new Database(join(dir, 'telaah.db'));
    // What later migrations made goes too (m005: memos, audit_at), so that migrating from 3 makes it again.
    db.exec('DROP TABLE current_codebook; DROP TABLE memos; DROP INDEX audit_at; PRAGMA user_version = 3;');
    db.close();
    // Reading commands refuse an older schema; `telaah migrate` upgrades it (the codebook is adopted on the next open).
    expect(ok(dir, ['migrate']).stderr).toMatch(/^Upgraded the project database from schema 3 to \d+; the old database is kept in telaah\.db\.schema-3\.bak\n$/);
    return dir;
  }

  it('stores the codebook telaah.yaml names as current when the project is opened', () => {
    const dir = legacy();
    const shown = telaah(dir, ['codebook', 'show', '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stderr).toMatch(/^Stored "Mini" 1 \(codebooks\/mini\.yaml\) in the project as its current codebook; from now on, edits to the file apply only after `telaah codebook use codebooks\/mini\.yaml`$/m);
    expect(snapshot(dir)).toMatchObject({ codebooks: [{ version: '1' }], current: [{ codebook_id: 1 }] });
    expect(telaah(dir, ['codebook', 'show']).stderr).toBe('');
  });

  it('keeps the version applied from the file when the file was edited without a new version', () => {
    const dir = legacy((_dir, file) => writeFileSync(file, V1.replace('label: Hambatan', 'label: Penghalang')));
    const shown = telaah(dir, ['codebook', 'show', '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stderr).toMatch(/Stored "Mini" 1 \(codebooks\/mini\.yaml\)/);
    expect(shown.stderr).toMatch(/differs from the project's current codebook \("Mini" 1, as applied\), which is still the one used; to apply the file, raise version: in it and run `telaah codebook use codebooks\/mini\.yaml`/);
    expect(shownCodes(dir)).toContain('barrier=Hambatan');
  });

  it('asks for `codebook use` when the file telaah.yaml names was never stored and cannot be read', () => {
    const dir = tempDir();
    expect(telaah(dir, ['init']).code).toBe(0);
    writeFileSync(join(dir, 'telaah.yaml'), readFileSync(join(dir, 'telaah.yaml'), 'utf8').replace('codebook: null', 'codebook: codebooks/gone.yaml'));
    expect(ok(dir, ['sources', 'list']).stderr).not.toMatch(/codebook/);
    const result = telaah(dir, ['triangulate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('telaah: the codebook codebooks/gone.yaml named in telaah.yaml is not stored in the project. Apply it with `telaah codebook use codebooks/gone.yaml`\n');
  });
});

describe('a project without a codebook', () => {
  it('says how to choose one', () => {
    const dir = tempDir();
    expect(telaah(dir, ['init']).code).toBe(0);
    for (const args of [['codebook', 'show'], ['code', 'auto'], ['code', 'rename', 'a', 'b']]) {
      const result = telaah(dir, args);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('telaah: the project has no codebook yet. Choose one with `telaah codebook use FILE`\n');
    }
  });
});
