import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, telaah } from '../helpers/spawn-cli.js';

/** Every file under `dir` with the sha256 of its bytes: what "nothing changed" means. */
function fingerprint(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

describe('telaah demo in a folder that holds a project', () => {
  it('refuses a project it did not make: one line, exit 2, no file touched', () => {
    const root = tempDir();
    expect(telaah(root, ['init', 'study']).code).toBe(0);
    const study = join(root, 'study');
    mkdirSync(join(study, 'interviews'));
    writeFileSync(join(study, 'interviews', 'w01.txt'), 'Pewawancara: Sudah daftar?\nRina: Belum.\n');
    expect(telaah(study, ['ingest', 'interviews']).code).toBe(0);
    const before = fingerprint(root);

    const result = telaah(root, ['demo', 'study']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('telaah: study holds a telaah project that `telaah demo` did not make, so the demo leaves it alone. Run the demo in another folder: telaah demo DIR\n');
    expect(fingerprint(root)).toEqual(before);
  });

  it.each([
    ['a database without telaah.yaml', (config: string) => rmSync(config)],
    ['settings it cannot read', (config: string) => writeFileSync(config, 'name: [unclosed\n')],
  ])('refuses a folder with %s', (_case, damage) => {
    const root = tempDir();
    expect(telaah(root, ['init', 'study']).code).toBe(0);
    damage(join(root, 'study', 'telaah.yaml'));
    const before = fingerprint(root);
    const result = telaah(root, ['demo', 'study']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^telaah: study holds a telaah project that `telaah demo` did not make/);
    expect(fingerprint(root)).toEqual(before);
  });

  it('goes on with a project it made, quickly and without changing anything', () => {
    const root = tempDir();
    const first = telaah(root, ['demo', 'd']);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(join(root, 'd', 'telaah.yaml'), 'utf8')).toMatch(/^demo: true$/m);
    const again = telaah(root, ['demo', 'd']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/using the demo project made earlier in d\n[\s\S]*48 unchanged[\s\S]*No change/);
  });
});
