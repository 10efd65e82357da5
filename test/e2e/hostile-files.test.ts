import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateSync } from 'node:zlib';
import Database from 'better-sqlite3-multiple-ciphers';
import { Document, Packer, Paragraph } from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { newProject, REPO, telaah, tempDir, writeFile } from '../helpers/spawn-cli.js';

// Issue 11 item 5: hostile files. Each is refused in one line with exit 2 and leaves the project as it was,
// or is read in bounded memory; what comes from a file is shown escaped and cut, and stored as it is.

/** Every file of the project (but SQLite's -wal/-shm) by hash, and every table's row count. */
function state(dir: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!/-(wal|shm)$/.test(name)) out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  const db = new Database(join(dir, 'telaah.db'), { readonly: true });
  try {
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]) {
      out[`rows:${name}`] = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
    }
  } finally {
    db.close();
  }
  return out;
}

/** Runs a command that must refuse its input: exit 2, one line on stderr, nothing on stdout, the project unchanged. */
function refused(dir: string, args: string[]): string {
  const before = state(dir);
  const result = telaah(dir, args);
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^telaah: [^\n]+\n$/);
  expect(result.stderr).not.toMatch(/internal error/);
  expect(state(dir)).toEqual(before);
  return result.stderr;
}

async function docxParts(): Promise<Record<string, Uint8Array>> {
  return unzipSync(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Pewawancara: halo')] }] })));
}

describe('zip bombs', () => {
  it('refuses a .docx whose document.xml inflates past 16 MB, before mammoth reads it', async () => {
    const dir = newProject();
    const files = await docxParts();
    const xml = new TextDecoder().decode(files['word/document.xml']);
    const at = xml.indexOf('<w:body>') + '<w:body>'.length;
    const paragraph = '<w:p><w:r><w:t>Sumiati: saya belum daftar BPJS karena iurannya mahal.</w:t></w:r></w:p>';
    files['word/document.xml'] = strToU8(xml.slice(0, at) + paragraph.repeat(Math.ceil((20 * 1024 ** 2) / paragraph.length)) + xml.slice(at));
    const bomb = writeFile(tempDir(), 'bomb.docx', '');
    writeFileSync(bomb, zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 9 }]]))));
    expect(statSync(bomb).size).toBeLessThan(300 * 1024);
    const line = refused(dir, ['ingest', '--type', 'interview', bomb]);
    expect(line).toMatch(/bomb\.docx: the \.docx inflates to more than 16 MB of XML \(at word\/document\.xml\); a transcript needs a few MB\. .*zip bomb/);
  });

  it('refuses a .docx with an external entity, naming the part', async () => {
    const dir = newProject();
    const files = await docxParts();
    files['word/document.xml'] = strToU8(
      new TextDecoder().decode(files['word/document.xml']).replace(/^<\?xml[^>]*\?>/, '$&<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>').replace('Pewawancara: halo', '&x;'),
    );
    const file = join(tempDir(), 'xxe.docx');
    writeFileSync(file, zipSync(files));
    expect(refused(dir, ['ingest', '--type', 'interview', file])).toMatch(/xxe\.docx: word\/document\.xml has a DOCTYPE declaration, which Word never writes\./);
  });
});

describe('zip-slip paths in a .qdpx', () => {
  const qde = (path: string): string => `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="slip" origin="evil"><Sources>
  <TextSource guid="9a58b12a-6f6f-4b0c-8be5-bbdc91f55294" name="slip" plainTextPath="internal://${path}"/>
</Sources></Project>`;

  it.each([
    ['../', '../../outside/slip.txt', /the text of source "slip" \(internal:\/\/\.\.\/\.\.\/outside\/slip\.txt\) is not in the archive/],
    ['absolute', '/tmp/outside/slip.txt', /the text of source "slip" \(internal:\/\/\/tmp\/outside\/slip\.txt\) is not in the archive/],
    ['sources/../', 'sources/../../outside/slip.txt', /is not in the archive/],
    ['backslash', '..\\..\\outside\\slip.txt', null],
  ])('never writes a %s entry anywhere: it is only looked up inside the archive', (_, path, refusal) => {
    const root = tempDir();
    writeFile(root, 'a/b/slip.qdpx', '');
    writeFileSync(join(root, 'a', 'b', 'slip.qdpx'), zipSync({ 'project.qde': strToU8(qde(path)), [path]: strToU8('Sumiati: keluar dari folder.\n') }));
    const before = readdirSync(root, { recursive: true }).map(String);
    const result = telaah(join(root, 'a', 'b'), ['import', 'qdpx', 'slip.qdpx', '--into', 'project']);
    if (refusal) {
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^telaah: [^\n]+\n$/);
      expect(result.stderr).toMatch(refusal);
    } else {
      // A name with backslashes is one file name in a ZIP: its text is read from memory into the project.
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(telaah(join(root, 'a', 'b', 'project'), ['sources', 'list', '--json']).stdout)).toMatchObject([{ name: 'slip', file: `slip.qdpx:${path}` }]);
    }
    const added = readdirSync(root, { recursive: true }).map(String).filter((p) => !before.includes(p));
    expect(added.filter((p) => !p.startsWith(join('a', 'b', 'project')))).toEqual([]);
    expect(existsSync(join(root, 'outside'))).toBe(false);
    expect(existsSync('/tmp/outside/slip.txt')).toBe(false);
  });
});

describe('YAML alias bombs', () => {
  const laughs = ['x0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...Array.from({ length: 9 }, (_, i) => `x${i + 1}: &x${i + 1} [${Array.from({ length: 10 }, () => `*x${i}`).join(', ')}]`)].join('\n');

  it('refuses a codebook with a billion laughs at its alias, and the project keeps its codebook', () => {
    const dir = newProject();
    const codebook = writeFile(
      dir,
      'bomb.yaml',
      `codebook:\n  name: bomb\n  version: 1.0.0\n  languages: [id]\n  description: x\ncodes:\n  - id: a\n    label: a\n    definition: aaaa\n    examples: [a]\n    patterns: {id: [a]}\n    children:\n${laughs
        .split('\n')
        .map((line, i) => `      - {id: a/x${i}, label: x, definition: xxxx, examples: ${line.slice(line.indexOf('&'))}}`)
        .join('\n')}\n`,
    );
    const line = refused(dir, ['codebook', 'use', codebook]);
    expect(line).toMatch(/bomb\.yaml:\d+:\d+: \*x\d and the aliases like it repeat values so often that reading them would not end/);
  });

  it('refuses a telaah.yaml with a billion laughs as bad input, not as a crash', () => {
    const dir = newProject();
    writeFileSync(join(dir, 'telaah.yaml'), `${readFileSync(join(dir, 'telaah.yaml'), 'utf8')}\n${laughs}\nextra: *x9\n`);
    expect(refused(dir, ['sources', 'list'])).toMatch(/telaah\.yaml: telaah\.yaml cannot be read: Excessive alias count/);
  });
});

describe('huge input', () => {
  it('reads a 10 MB transcript on one line as one turn', () => {
    const dir = newProject();
    const sentence = 'Saya belum daftar BPJS karena iurannya mahal dan kantornya jauh. ';
    writeFile(dir, 'interviews/panjang.txt', `Sumiati: ${sentence.repeat(Math.ceil((10 * 1024 ** 2) / sentence.length))}`);
    const result = telaah(dir, ['ingest', 'interviews', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { counts: { added: number; turns: number; segments: number } };
    expect(summary.counts).toMatchObject({ added: 1, turns: 1 });
    expect(summary.counts.segments).toBeGreaterThan(150_000);
  });

  it('refuses a 100,000-column CSV in one line under 1 KB that still says how to fix it', () => {
    const dir = newProject();
    const header = Array.from({ length: 100_000 }, (_, i) => `col${i}`).join(',');
    const file = writeFile(tempDir(), 'wide.csv', `${header}\n${header.replace(/col/g, 'v')}\n`);
    const line = refused(dir, ['ingest', '--type', 'interview', file]);
    expect(line.length).toBeLessThan(1024);
    expect(line).toMatch(/wide\.csv:1: no text column: the header has col0, col1, .* … \([\d,]+ characters left out\) … .*col99999\. Name it with --text-column/);
  });
});

describe('binary files', () => {
  it.each([
    ['a PNG renamed .txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]), /png\.txt: is a PNG image, not a text file\./],
    ['an ELF program renamed .txt', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(64)]), /png\.txt: is a program \(ELF executable\), not a text file\./],
    ['compressed data with no NUL', Buffer.from(deflateSync(Buffer.from('Sumiati: iuran mahal. '.repeat(500))).map((b) => (b === 0 ? 1 : b))), /png\.txt:\d+:\d+: looks like a binary file \(\d+ control bytes in its first \d+, the first at byte offset \d+\)/],
    ['text with a NUL byte', Buffer.from('Sumiati: iuran\nmahal\u0000.\n'), /png\.txt:2:6: looks like a binary file \(it holds NUL bytes, the first at byte offset 20\)/],
  ])('refuses %s in one line with where, and writes nothing', (_, bytes, message) => {
    const dir = newProject();
    const file = join(tempDir(), 'png.txt');
    writeFileSync(file, bytes);
    expect(refused(dir, ['ingest', '--type', 'interview', file])).toMatch(message);
  });
});

describe('file names with control characters', () => {
  const evil = 'evil\u001b]0;owned\u0007\u001b[2J\nname\u202e';

  it('are stored as they are, given exactly in JSON and CSV, and shown escaped in tables and messages', () => {
    const dir = newProject();
    writeFile(dir, `interviews/${evil}.txt`, 'Pewawancara: Sudah daftar?\nSumiati: Belum.\n');
    const ingest = telaah(dir, ['ingest', 'interviews']);
    expect(ingest.code, ingest.stderr).toBe(0);
    const json = JSON.parse(telaah(dir, ['sources', 'list', '--json']).stdout) as { name: string; file: string }[];
    expect(json.map((s) => s.name)).toEqual([evil]);
    const csvOut = parse(telaah(dir, ['sources', 'list', '--csv']).stdout, { columns: true, bom: true }) as { name: string }[];
    expect(csvOut.map((r) => r.name)).toEqual([evil]);
    const table = telaah(dir, ['sources', 'list']).stdout;
    expect(table).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(table.split('\n')[1]).toMatch(/^evil\\x1b\]0;owned\\x07\\x1b\[2J\\nname\\u202e\tinterview/);
    const shown = telaah(dir, ['sources', 'show', evil]).stdout;
    expect(shown.split('\n')[0]).toBe('evil\\x1b]0;owned\\x07\\x1b[2J\\nname\\u202e  interview');
    const missing = telaah(dir, ['sources', 'show', `${evil}x`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^telaah: [^\n]*evil\\x1b\]0;owned\\x07\\x1b\[2J\\nname\\u202ex[^\n]*\n$/);
  });

  it('in a file that cannot be read are escaped in the error line', () => {
    const dir = newProject();
    const file = writeFile(tempDir(), `${evil}.txt`, 'Pewawancara: Sudah daftar?\n');
    const line = refused(dir, ['ingest', file]);
    expect(line).toMatch(/evil\\x1b\]0;owned\\x07\\x1b\[2J\\nname\\u202e\.txt: cannot tell the source type/);
  });
});

describe('CSV cells a spreadsheet would run, in every --csv listing and export', () => {
  it('are neutralised, whatever the listing', () => {
    const root = tempDir();
    expect(telaah(root, ['demo', 'p']).code).toBe(0);
    const dir = join(root, 'p');
    writeFile(dir, 'parts.csv', 'pseudonym,group\n=cmd|calc,@SUM(A1)\n');
    expect(telaah(dir, ['participants', 'import', 'parts.csv']).code).toBe(0);
    writeFile(dir, 'iv/=HYPERLINK("x").txt', '---\ndate: 2025-01-02\nsite: "+62 812"\n---\nPewawancara: Sudah daftar?\nSumiati: =cmd|calc -2+3 iuran mahal. Saya tidak percaya BPJS.\n');
    expect(telaah(dir, ['ingest', '--type', 'interview', 'iv/=HYPERLINK("x").txt']).code).toBe(0);
    expect(telaah(dir, ['code', 'add', '=HYPERLINK("x")', '2.1', 'barrier/distrust', '--coder', 'ana', '--memo', '=HYPERLINK("http://evil")']).code).toBe(0);
    expect(telaah(dir, ['memo', 'add', 'code:barrier/distrust', '+SUM(1)']).code).toBe(0);
    const listings = [
      ['codings', 'list'],
      ['query', 'barrier/distrust'],
      ['agree', '--coders', 'ana,auto', '--all-sources'],
      ['sources', 'list'],
      ['participants', 'list'],
      ['search', 'iuran'],
      ['memo', 'list'],
      ['log'],
      ['stats'],
      ['stats', 'words'],
      ['triangulate'],
      ['matrix', 'cooccurrence'],
      ['matrix', 'attributes', '--by', 'group'],
    ].map((args) => [...args, '--csv']);
    // Exports go to a file: the demo's segments are more than a pipe's buffer here.
    const exports = [['segments'], ['codings'], ['quotes'], ['matrix', '--by', 'group'], ['matrix', '--matrix', 'cooccurrence']].map(([what, ...rest], i) => ['export', 'csv', '--what', what!, ...rest, '-o', `export-${i}.csv`]);
    let neutralised = 0;
    for (const args of [...listings, ...exports]) {
      const result = telaah(dir, args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      const output = args[0] === 'export' ? readFileSync(join(dir, args[args.length - 1]!), 'utf8') : result.stdout;
      const cells = (parse(output, { bom: true, relax_column_count: true }) as string[][]).flat();
      const live = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(c));
      expect(live, args.join(' ')).toEqual([]);
      neutralised += cells.filter((c) => /^'[=+\-@]/.test(c)).length;
    }
    // The hostile values reached the tables (and were neutralised there), so the check above saw them.
    expect(neutralised).toBeGreaterThan(20);
  });
});

describe('control characters inside a transcript', () => {
  it('are kept in the text and in JSON, and shown escaped in search, triangulate and memo listings', () => {
    const dir = newProject();
    const hostile = 'iuran \u001b]0;owned\u0007 mahal \u001b[2J sekali';
    writeFile(dir, 'interviews/ansi.txt', `Pewawancara: Sudah daftar?\nSumiati: ${hostile}.\n`);
    expect(telaah(dir, ['ingest', 'interviews']).code).toBe(0);
    const shown = JSON.parse(telaah(dir, ['sources', 'show', 'ansi', '--json']).stdout) as { text: string };
    expect(shown.text).toContain(hostile);
    const search = telaah(dir, ['search', 'mahal']).stdout;
    expect(search).toContain('iuran \\x1b]0;owned\\x07 «mahal» \\x1b[2J sekali.\n');
    expect(search.split('\n')).toHaveLength(2);
    const segment = search.split('\t')[1]!;
    expect(telaah(dir, ['codebook', 'use', join(REPO, 'codebooks', 'bpjs-social-work.yaml')]).code).toBe(0);
    expect(telaah(dir, ['code', 'add', 'ansi', segment, 'barrier/distrust', '--coder', 'ana']).code).toBe(0);
    expect(telaah(dir, ['memo', 'add', `segment:ansi:${segment}`, 'catatan \u001b[2J jahat']).code).toBe(0);
    for (const args of [['triangulate', '--code', 'barrier/distrust'], ['memo', 'list'], ['codings', 'list'], ['sources', 'show', 'ansi']]) {
      const out = telaah(dir, args).stdout;
      expect(out, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(out, args.join(' ')).toMatch(/\\x1b\[2J/);
    }
  });
});

describe('a codebook problem that echoes the file', () => {
  it('is escaped and cut in codebook validate', () => {
    const dir = tempDir();
    const key = `x\u001b[2J${'y'.repeat(1000)}`;
    const file = writeFile(dir, 'cb.yaml', `codebook:\n  name: T\n  version: '1'\n  "${key}": 1\ncodes: []\n`);
    const result = telaah(dir, ['codebook', 'validate', file]);
    expect(result.code).toBe(2);
    const line = result.stderr.split('\n').find((l) => l.includes('unknown key'))!;
    expect(line).toMatch(/unknown key "x\\x1b\[2Jyyy/);
    expect(line.length).toBeLessThan(1000);
    expect(result.stderr).not.toMatch(/\u001b/);
  });
});
