import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE, tempDir } from '../../test/helpers/spawn-cli.js';
import { HAS_XMLLINT, xmllintSchema } from '../../test/helpers/xmllint.js';
import type { ProjectSnapshot } from '../core/interop/snapshot.js';
import { buildRefiProject } from './build-refi-project.js';
import { renderProjectXml } from './write-qde.js';

const NAMESPACE = '0f6a3c52-1b1e-4c55-9d8e-2a8f0f7c1e10';
const snapshot = (more: Partial<ProjectSnapshot> = {}): ProjectSnapshot => ({
  name: 'Studi <BPJS> & "kader"',
  namespace: NAMESPACE,
  createdAt: null,
  modifiedAt: null,
  codebook: null,
  sources: [{ id: 1, name: 'w01', type: 'interview', text: 'Siti: Belum\u0007 daftar.', language: null, date: null, site: null, attributes: {}, addedAt: '2026-01-02T03:04:05.000Z' }],
  codings: [],
  participants: [],
  memos: [],
  ...more,
});

describe('renderProjectXml', () => {
  it('leaves out every empty container (the schema wants at least one child in each)', () => {
    const xml = renderProjectXml(buildRefiProject(snapshot(), 'telaah test').project);
    for (const element of ['Users', 'CodeBook', 'Cases', 'Notes', 'Links', 'Sets']) expect(xml).not.toContain(`<${element}`);
    // Every source has a type, so there is always one variable.
    expect(xml).toMatch(/<Variables>\n {4}<Variable guid="[0-9A-F-]{36}" name="source\.type" typeOfVariable="Text" \/>\n {2}<\/Variables>/);
    expect(xml).toContain('name="Studi &lt;BPJS&gt; &amp; &quot;kader&quot;"');
  });

  it('types variables and keeps a coding of a code the codebook no longer has under its nearest ancestor', () => {
    const { project } = buildRefiProject(
      snapshot({
        codebook: { name: 'cb', version: '1', codes: [{ id: 'barrier', parent: null, label: {}, definition: 'Barriers.', color: '#46AA00' }] },
        codings: [{ sourceId: 1, start: 6, end: 20, code: 'barrier/old', coder: 'ana', origin: 'manual', createdAt: '2026-01-02T03:04:05.000Z', memo: null }],
        participants: [{ id: 7, pseudonym: 'Siti', group: 'pekerja', attributes: { age: '41', joined: '2024-05-01' }, sourceIds: [1] }],
      }),
      'telaah test',
    );
    expect(project.codes).toMatchObject([{ name: 'barrier', color: '#46AA00', children: [{ name: 'old', isCodable: true }] }]);
    expect(project.variables.map((v) => [v.name, v.type])).toEqual([['age', 'Integer'], ['group', 'Text'], ['joined', 'Date'], ['source.type', 'Text']]);
    expect(project.sources[0]!.selections).toMatchObject([{ start: 6, end: 20, name: 'Belum\u0007 daftar.', codings: [{ codeGuid: project.codes[0]!.children[0]!.guid }] }]);
  });

  it.skipIf(!HAS_XMLLINT)('gives a valid document for a small project, control characters and all', () => {
    const { project } = buildRefiProject(
      snapshot({
        codebook: { name: 'cb', version: '1', codes: [{ id: 'barrier', parent: null, label: {}, definition: 'Barriers\u0001.' }] },
        codings: [{ sourceId: 1, start: 6, end: 20, code: 'barrier', coder: 'ana', origin: 'manual', createdAt: '2026-01-02T03:04:05.000Z', memo: 'catatan\r\nbaru' }],
        memos: [{ id: 1, kind: 'project', author: 'rina', text: 'Refleksi', createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-02T03:04:05.000Z' }],
      }),
      'telaah test',
    );
    const file = join(tempDir(), 'project.qde');
    writeFileSync(file, renderProjectXml(project));
    expect(xmllintSchema(join(REFERENCE, 'refi-qda', 'Project.xsd'), file).code).toBe(0);
  });
});
