import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { newProject, REFERENCE, REPO, telaah, tempDir } from '../helpers/spawn-cli.js';

// Issue 10 item 3: REFI-QDA files as other programs write them, and broken ones.
const EXAMPLES = join(REFERENCE, 'refi-qda', 'examples');

type Coding = { source: string; segment: string; code: string; coder: string; origin: string; matched: string; participant: string | null };

/** A .qdpx in `dir`: the project XML under `qde`, and text files by path (strings are written as UTF-8). */
function qdpx(dir: string, name: string, qde: [string, string], files: Record<string, string | Uint8Array> = {}): string {
  const entries: Record<string, Uint8Array> = { [qde[0]]: strToU8(qde[1]) };
  for (const [path, content] of Object.entries(files)) entries[path] = typeof content === 'string' ? strToU8(content) : content;
  const path = join(dir, name);
  writeFileSync(path, zipSync(entries));
  return path;
}

const BOM = '\ufeff';
// An interview as a Windows program saves it: CRLF line ends, and a BOM.
const INTERVIEW = `${BOM}Pewawancara: Sudah daftar, Bu?\r\n\r\nSumiati: Belum. Kartu keluarga masih di kampung.\r\nNanti kalau pulang.\r\n`;

/** Code points of `phrase` in `text` (BOM left out) with each CRLF counted as `crlf` characters. */
function position(text: string, phrase: string, crlf: 1 | 2): [number, number] {
  const body = text.replace(/^\ufeff/, '');
  const one = (t: string) => (crlf === 1 ? t.replace(/\r\n/g, '\n') : t);
  const [counted, wanted] = [one(body), one(phrase)];
  expect(counted.includes(wanted)).toBe(true);
  const start = Array.from(counted.slice(0, counted.indexOf(wanted))).length;
  return [start, start + Array.from(wanted).length];
}

/** A project.qde as ATLAS.ti writes it (upper-case GUIDs, namespace 0:4) or as NVivo does (lower case, braces). */
function projectXml(options: { origin: string; ns: string; crlf: 1 | 2; brace: boolean; upper: boolean; folderGuid: string; selection?: [number, number]; codeRef?: string }): string {
  const g = (guid: string) => {
    const written = options.upper ? guid.toUpperCase() : guid.toLowerCase();
    return options.brace ? `{${written}}` : written;
  };
  const code = '1ff58b12-6f6f-4b0c-8be5-bbdc91f55294';
  const [start, end] = options.selection ?? position(INTERVIEW, 'Kartu keluarga masih di kampung.', options.crlf);
  const [turnStart, turnEnd] = position(INTERVIEW, 'Belum. Kartu keluarga masih di kampung.\r\nNanti kalau pulang.', options.crlf);
  return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="${options.ns}" name="Studi BPJS" origin="${options.origin}">
  <Users><User guid="${g('aa58b12a-6f6f-4b0c-8be5-bbdc91f55294')}" name="Rina" /></Users>
  <CodeBook><Codes>
    <Code guid="${code.toUpperCase()}" name="Dokumen" isCodable="true" color="#46AA00"><Description>Masalah dokumen kependudukan.</Description>
      <Code guid="${g('bb58b12a-6f6f-4b0c-8be5-bbdc91f55294')}" name="Kartu keluarga" isCodable="true" />
    </Code>
  </Codes></CodeBook>
  <Variables><Variable guid="${g('cc58b12a-6f6f-4b0c-8be5-bbdc91f55294')}" name="kelompok" typeOfVariable="Text" /></Variables>
  <Cases><Case guid="${g('dd58b12a-6f6f-4b0c-8be5-bbdc91f55294')}" name="Sumiati">
    <VariableValue><VariableRef targetGUID="${g('cc58b12a-6f6f-4b0c-8be5-bbdc91f55294')}" /><TextValue>pemulung</TextValue></VariableValue>
  </Case></Cases>
  <Sources>
    <TextSource guid="${g(options.folderGuid)}" name="w01 Sumiati" plainTextPath="internal://${options.folderGuid.toUpperCase()}.txt">
      <PlainTextSelection guid="${g('ee58b12a-6f6f-4b0c-8be5-bbdc91f55294')}" name="KK" startPosition="${start}" endPosition="${end}" creatingUser="${g('aa58b12a-6f6f-4b0c-8be5-bbdc91f55294')}">
        <Coding guid="${g('ff58b12a-6f6f-4b0c-8be5-bbdc91f55294')}" creatingUser="${g('aa58b12a-6f6f-4b0c-8be5-bbdc91f55294')}"><CodeRef targetGUID="${options.codeRef ?? g(code)}" /></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${g('0058b12a-6f6f-4b0c-8be5-bbdc91f55294')}" startPosition="${turnStart}" endPosition="${turnEnd}">
        <Coding guid="${g('0158b12a-6f6f-4b0c-8be5-bbdc91f55294')}" creatingUser="${g('aa58b12a-6f6f-4b0c-8be5-bbdc91f55294')}"><CodeRef targetGUID="${g('bb58b12a-6f6f-4b0c-8be5-bbdc91f55294')}" /></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="${g('0258b12a-6f6f-4b0c-8be5-bbdc91f55294')}" name="leaflet" path="internal://x.pdf" />
  </Sources>
  <Notes><Note guid="${g('0358b12a-6f6f-4b0c-8be5-bbdc91f55294')}" name="Refleksi"><PlainTextContent>Catatan lapangan.</PlainTextContent></Note></Notes>
  <Sets><Set guid="${g('0458b12a-6f6f-4b0c-8be5-bbdc91f55294')}" name="grup"><MemberCode guid="${g(code)}" /></Set></Sets>
</Project>
`;
}

const FOLDER_GUID = '9a58b12a-6f6f-4b0c-8be5-bbdc91f55294';

function importInto(file: string, extra: string[] = []): { dir: string; result: ReturnType<typeof telaah> } {
  const root = tempDir();
  const dir = join(root, 'study');
  return { dir, result: telaah(root, ['import', 'qdpx', file, '--into', dir, ...extra]) };
}

function codings(dir: string): Coding[] {
  const result = telaah(dir, ['codings', 'list', '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Coding[];
}

describe('import qdpx from other programs', () => {
  it('reads an ATLAS.ti project: namespace 0:4, upper-case GUIDs, any .qde name, CRLF counted as one, a BOM', () => {
    const root = tempDir();
    const file = qdpx(root, 'atlas.qdpx', ['Studi BPJS.qde', projectXml({ origin: 'ATLAS.ti Win 23.4.0', ns: 'urn:QDA-XML:project:0:4', crlf: 1, brace: false, upper: true, folderGuid: FOLDER_GUID })], {
      [`sources/${FOLDER_GUID.toUpperCase()}.txt`]: INTERVIEW,
    });
    const { dir, result } = importInto(file);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^Imported from ATLAS\.ti Win 23\.4\.0 into a new project in .*: 1 source \(2 turns\), 2 codings \(origin imported; coders: Rina\), 1 participant, 1 memo$/m);
    expect(result.stderr).toMatch(/^Note: 1 PDFSource source was left out: telaah reads text sources$/m);
    expect(result.stderr).toMatch(/^Note: 1 set was left out: telaah has no sets$/m);
    const coded = codings(dir).map((c) => [c.segment, c.code, c.coder, c.origin, c.matched, c.participant]);
    expect(coded).toEqual([
      ['2', 'dokumen/kartu-keluarga', 'Rina', 'imported', 'Belum. Kartu keluarga masih di kampung.\nNanti kalau pulang.', 'Sumiati'],
      ['2.2', 'dokumen', 'Rina', 'imported', 'Kartu keluarga masih di kampung.', 'Sumiati'],
    ]);
    const shown = JSON.parse(telaah(dir, ['sources', 'show', 'w01 Sumiati', '--json']).stdout) as { text: string };
    expect(shown.text).toBe(INTERVIEW.slice(1).replace(/\r\n/g, '\n'));
    const people = JSON.parse(telaah(dir, ['participants', 'list', '--json']).stdout) as { pseudonym: string; attributes: object }[];
    expect(people).toMatchObject([{ pseudonym: 'Sumiati', attributes: { kelompok: 'pemulung' }, turns: 1 }]);
    const codebook = readFileSync(join(dir, 'codebook.yaml'), 'utf8');
    expect(codebook).toMatch(/color: "#46AA00"/);
    expect(JSON.parse(telaah(dir, ['memo', 'list', '--json']).stdout)).toMatchObject([{ target: 'project', author: 'unknown', text: 'Catatan lapangan.' }]);
  });

  it('reads an NVivo-style project: Sources/ folder, braced lower-case GUIDs, CRLF counted as two', () => {
    const root = tempDir();
    const file = qdpx(root, 'nvivo.qdpx', ['project.qde', projectXml({ origin: 'NVivo 14', ns: 'urn:QDA-XML:project:1.0', crlf: 2, brace: true, upper: false, folderGuid: FOLDER_GUID })], {
      [`Sources/${FOLDER_GUID}.txt`]: INTERVIEW,
    });
    const { dir, result } = importInto(file);
    expect(result.code, result.stderr).toBe(0);
    expect(codings(dir).map((c) => [c.segment, c.matched])).toEqual([
      ['2', 'Belum. Kartu keluarga masih di kampung.\nNanti kalau pulang.'],
      ['2.2', 'Kartu keluarga masih di kampung.'],
    ]);
  });

  it('counts CRLF as --crlf says, whatever the origin', () => {
    const root = tempDir();
    const file = qdpx(root, 'x.qdpx', ['project.qde', projectXml({ origin: 'Some QDA 1.0', ns: 'urn:QDA-XML:project:1.0', crlf: 1, brace: false, upper: false, folderGuid: FOLDER_GUID })], {
      [`sources/${FOLDER_GUID}.txt`]: INTERVIEW,
    });
    const { dir, result } = importInto(file, ['--crlf', '1']);
    expect(result.code, result.stderr).toBe(0);
    expect(codings(dir).find((c) => c.segment === '2.2')!.matched).toBe('Kartu keluarga masih di kampung.');
  });

  it('imports into the current project, next to what it holds', () => {
    const dir = newProject();
    const file = qdpx(dir, 'nvivo.qdpx', ['project.qde', projectXml({ origin: 'NVivo 14', ns: 'urn:QDA-XML:project:1.0', crlf: 2, brace: true, upper: false, folderGuid: FOLDER_GUID })], {
      [`Sources/${FOLDER_GUID}.txt`]: INTERVIEW,
    });
    writeFileSync(join(dir, 'w02.txt'), 'Pewawancara: Sudah daftar?\n\nDarto: Sudah, lewat kader.\n');
    expect(telaah(dir, ['ingest', 'w02.txt', '--type', 'interview']).code).toBe(0);
    const result = telaah(dir, ['import', 'qdpx', file]);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(telaah(dir, ['sources', 'list', '--json']).stdout) as { name: string }[]).map((s) => s.name)).toEqual(['w01 Sumiati', 'w02']);
    expect(codings(dir)).toHaveLength(2);
    // Again: the source is there already, and nothing is imported twice.
    const again = telaah(dir, ['import', 'qdpx', 'nvivo.qdpx']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/the project already has a source named "w01 Sumiati"/);
    expect(codings(dir)).toHaveLength(2);
  });
});

describe('import qdpx of what telaah cannot read', () => {
  it('lists a source with only a rich-text file, and tells a codebook from a project', () => {
    const root = tempDir();
    const file = qdpx(root, 'rich.qdpx', ['project.qde', `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="MAXQDA 24">
  <Sources>
    <TextSource guid="${FOLDER_GUID}" name="w01" richTextPath="internal://${FOLDER_GUID}.docx" />
    <TextSource guid="1a58b12a-6f6f-4b0c-8be5-bbdc91f55294" name="w02"><PlainTextContent>Darto: Sudah.</PlainTextContent></TextSource>
  </Sources>
</Project>
`]);
    const { dir, result } = importInto(file);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^Note: source "w01" was left out: it has only a rich-text file \(internal:\/\/\S+\.docx\) and no plain text$/m);
    expect((JSON.parse(telaah(dir, ['sources', 'list', '--json']).stdout) as { name: string }[]).map((s) => s.name)).toEqual(['w02']);
    const qdc = telaah(root, ['import', 'qdpx', join(EXAMPLES, 'atlasti-23.4-codebook.qdc'), '--into', 'x']);
    expect(qdc.code).toBe(2);
    expect(qdc.stderr).toMatch(/is a REFI-QDA codebook, not a project\. Import it with `telaah import qdc /);
  });
});

describe('import qdpx into a project with its own codebook', () => {
  it('keeps that codebook, writes the file\'s codes beside it, and imports the codings under their ids', () => {
    const dir = newProject();
    expect(telaah(dir, ['codebook', 'use', join(REPO, 'codebooks', 'bpjs-social-work.yaml')]).code).toBe(0);
    const file = qdpx(dir, 'nvivo.qdpx', ['project.qde', projectXml({ origin: 'NVivo 14', ns: 'urn:QDA-XML:project:1.0', crlf: 2, brace: false, upper: false, folderGuid: FOLDER_GUID })], {
      [`sources/${FOLDER_GUID}.txt`]: INTERVIEW,
    });
    const result = telaah(dir, ['import', 'qdpx', file, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ origin: 'NVivo 14', sources: 1, codings: 2, merged: 0, memos: 1, coders: ['Rina'], codebook: 'imported-codebook.yaml', codebookApplied: false });
    expect(readFileSync(join(dir, 'imported-codebook.yaml'), 'utf8')).toMatch(/id: dokumen\/kartu-keluarga/);
    const shown = JSON.parse(telaah(dir, ['codebook', 'show', '--json']).stdout) as { name: string };
    expect(shown.name).toBe('BPJS social work');
    expect(codings(dir).map((c) => c.code)).toEqual(['dokumen/kartu-keluarga', 'dokumen']);
  });
});

describe('import of broken files: one line, exit 2, nothing imported', () => {
  const broken = (name: string, qde: [string, string] | null, files: Record<string, string> = {}) => {
    const root = tempDir();
    const entries: Record<string, Uint8Array> = {};
    if (qde) entries[qde[0]] = strToU8(qde[1]);
    for (const [path, content] of Object.entries(files)) entries[path] = strToU8(content);
    writeFileSync(join(root, name), zipSync(entries));
    const dir = join(root, 'study');
    const result = telaah(root, ['import', 'qdpx', name, '--into', dir]);
    return { result, dir };
  };
  const xml = (options: Partial<Parameters<typeof projectXml>[0]> = {}) =>
    projectXml({ origin: 'NVivo 14', ns: 'urn:QDA-XML:project:1.0', crlf: 2, brace: false, upper: false, folderGuid: FOLDER_GUID, ...options });

  it.each([
    ['a zip without a .qde', null, { 'sources/a.txt': 'x' }, /^telaah: x\.qdpx: the archive holds no project file \(\*\.qde\)\. A \.qdpx holds project\.qde/],
    ['a selection past the end of its text', ['project.qde', xml({ selection: [10, 999] })], { [`sources/${FOLDER_GUID}.txt`]: INTERVIEW }, /^telaah: x\.qdpx:project\.qde:\d+:\d+: selection ee58b12a-\S+ in source "w01 Sumiati" is 10-999, outside its text of \d+ characters\. /],
    ['a coding of a code the file lacks', ['project.qde', xml({ codeRef: '12345678-1234-1234-1234-123456789012' })], { [`sources/${FOLDER_GUID}.txt`]: INTERVIEW }, /^telaah: x\.qdpx:project\.qde:\d+:\d+: coding ff58b12a-\S+ refers to code 12345678-1234-1234-1234-123456789012, which is not in the file's codebook\. /],
    ['a source file missing from the archive', ['project.qde', xml()], {}, /^telaah: x\.qdpx:project\.qde:\d+:\d+: the text of source "w01 Sumiati" \(internal:\/\/9A58B12A-\S+\.txt\) is not in the archive\. /],
    ['a project file cut short', ['project.qde', xml().slice(0, 400)], {}, /^telaah: x\.qdpx:project\.qde:\d+:\d+: not well-formed XML: /],
    ['an entity declared in a DOCTYPE', ['project.qde', '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><Project name="&b;"/>'], {}, /^telaah: x\.qdpx:project\.qde:1:\d+: a DOCTYPE declaration is not allowed in a REFI-QDA file\. /],
  ] as const)('%s', (_what, qde, files, message) => {
    const { result, dir } = broken('x.qdpx', qde as [string, string] | null, files);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(dir)).toBe(false);
  });

  it('leaves a project it imports into unchanged', () => {
    const dir = newProject();
    const root = dir;
    writeFileSync(join(root, 'bad.qdpx'), zipSync({ 'project.qde': strToU8(xml({ selection: [50, 20] })), [`sources/${FOLDER_GUID}.txt`]: strToU8(INTERVIEW) }));
    const result = telaah(dir, ['import', 'qdpx', 'bad.qdpx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is 50-20, outside its text of \d+ characters \(it ends before it starts\)/);
    expect(JSON.parse(telaah(dir, ['sources', 'list', '--json']).stdout)).toEqual([]);
    expect((JSON.parse(telaah(dir, ['log', '--json']).stdout) as { command: string }[]).map((e) => e.command)).toEqual(['init']);
    expect(existsSync(join(dir, 'codebook.yaml'))).toBe(false);
  });

  it('refuses a file that is not a ZIP', () => {
    const root = tempDir();
    writeFileSync(join(root, 'x.qdpx'), '<Project/>');
    const result = telaah(root, ['import', 'qdpx', 'x.qdpx', '--into', 'study']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^telaah: x\.qdpx: not a ZIP archive/);
  });
});

describe('import qdc', () => {
  it("writes ATLAS.ti's codebook as a telaah codebook that codebook use applies", () => {
    const dir = newProject();
    const result = telaah(dir, ['import', 'qdc', join(EXAMPLES, 'atlasti-23.4-codebook.qdc')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      'Wrote 1 code to atlasti-23.4-codebook.yaml (1 code group left out: telaah has none)\n' +
        'Next: read it, add patterns if you want `code auto` to apply them, then `telaah codebook use atlasti-23.4-codebook.yaml`\n',
    );
    expect(telaah(dir, ['codebook', 'use', 'atlasti-23.4-codebook.yaml']).code).toBe(0);
    const shown = JSON.parse(telaah(dir, ['codebook', 'show', '--json']).stdout) as { codes: { id: string; definition: string }[] };
    expect(shown.codes).toMatchObject([{ id: 'code1', definition: 'description' }]);
  });

  it('reads the spec example (braced and bare GUIDs) and applies it with --use', () => {
    const dir = newProject();
    const result = telaah(dir, ['import', 'qdc', join(EXAMPLES, 'refi-qda-1.5-spec-annexA1-codebook.qdc'), '--output', 'spec.yaml', '--use']);
    expect(result.code, result.stderr).toBe(0);
    const shown = JSON.parse(telaah(dir, ['codebook', 'show', '--json']).stdout) as { codes: { id: string }[] };
    expect(shown.codes.map((c) => c.id)).toEqual(['topics', 'economy', 'health-care', 'values', 'conservatives', 'liberals']);
  });

  it('refuses the truncated ATLAS.ti codebook with one line, writing nothing', () => {
    const dir = newProject();
    const result = telaah(dir, ['import', 'qdc', join(EXAMPLES, 'atlasti-23.4-codebook-truncated-cs.qdc')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^telaah: \S*atlasti-23\.4-codebook-truncated-cs\.qdc:\d+:\d+: not well-formed XML: unclosed tag: Codes\. The file is damaged or cut short; export it again\n$/);
    expect(existsSync(join(dir, 'atlasti-23.4-codebook-truncated-cs.yaml'))).toBe(false);
  });

  it('gives back the codes export qdc wrote: ids, tree and definitions', () => {
    const dir = newProject();
    expect(telaah(dir, ['codebook', 'use', join(REPO, 'codebooks', 'bpjs-social-work.yaml')]).code).toBe(0);
    expect(telaah(dir, ['export', 'qdc', 'bpjs.qdc']).code).toBe(0);
    expect(telaah(dir, ['import', 'qdc', 'bpjs.qdc', '--output', 'back.yaml']).code).toBe(0);
    const codes = (...args: string[]) => (JSON.parse(telaah(dir, ['codebook', 'show', ...args, '--json']).stdout) as { codes: { id: string; definition: string }[] }).codes.map((c) => [c.id, c.definition]);
    expect(codes('back.yaml')).toEqual(codes());
  });
});
