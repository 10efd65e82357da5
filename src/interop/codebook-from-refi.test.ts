import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE } from '../../test/helpers/spawn-cli.js';
import { parseCodebook } from '../core/codebook/parse-codebook.js';
import { codebookFromRefi, slugify } from './codebook-from-refi.js';
import { readCodebookTree } from './read-refi-xml.js';
import { parseXmlTree } from './xml-tree.js';

const example = (name: string) => {
  const file = join(REFERENCE, 'refi-qda', 'examples', name);
  return readCodebookTree(parseXmlTree(readFileSync(file, 'utf8'), name), name);
};
const header = { name: 'Imported', version: '1', languages: ['en'], from: 'a test' };

describe('codebookFromRefi', () => {
  it("turns ATLAS.ti's codebook into a valid telaah codebook, colours and descriptions kept", () => {
    const refi = example('atlasti-23.4-codebook.qdc');
    const made = codebookFromRefi(refi.codes, header, refi.sets);
    const { codebook, problems } = parseCodebook(made.yaml);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(codebook!.codes.map((c) => [c.id, c.definition, c.color])).toEqual([['code1', 'description', '#46AA00']]);
    expect(made.idByGuid.get('1ff58b12-6f6f-4b0c-8be5-bbdc91f55294')).toBe('code1');
    expect(made.yaml).toMatch(/code group 1 \(1\)/);
  });

  it('reads the spec example with braced and bare GUIDs, names as labels', () => {
    const refi = example('refi-qda-1.5-spec-annexA1-codebook.qdc');
    const made = codebookFromRefi(refi.codes, header);
    const { codebook, problems } = parseCodebook(made.yaml);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(codebook!.codes.map((c) => c.id)).toEqual(['topics', 'economy', 'health-care', 'values', 'conservatives', 'liberals']);
    expect(codebook!.codes.find((c) => c.id === 'health-care')!.label).toEqual({ en: 'Health care' });
    expect(made.idByGuid.get('5215cc69-b628-4e02-afb9-9beeaee55808')).toBe('topics');
    expect(made.idByGuid.get('9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520')).toBe('values');
  });

  it('nests children and keeps sibling ids apart', () => {
    const code = (name: string, children: never[] = []) => ({ guid: name, name, isCodable: true, noteRefs: [], children });
    const made = codebookFromRefi([{ ...code('Kebutuhan dasar (pangan)'), children: [code('Beras'), code('beras')] as never[] }], header);
    const { codebook } = parseCodebook(made.yaml);
    expect(codebook!.codes.map((c) => c.id)).toEqual(['kebutuhan-dasar-pangan', 'kebutuhan-dasar-pangan/beras', 'kebutuhan-dasar-pangan/beras-2']);
  });

  it.each([
    ['subcode 3.1', 'subcode-3-1'],
    ['Pendaftaran Mandiri', 'pendaftaran-mandiri'],
    ['přesněji', 'presneji'],
    ['日本', 'code'],
    ['a--b', 'a--b'],
    ['tidak-', 'tidak-'],
    ['-tidak-', 'tidak'],
  ])('slugify(%s) is %s', (name, slug) => expect(slugify(name)).toBe(slug));

  it('keeps a line break in the origin, archive or set names inside the leading comment (fuzz counterexample)', () => {
    const code = { guid: 'g1', name: '\u0000', isCodable: true, noteRefs: [], children: [] as never[] };
    const made = codebookFromRefi([code], { ...header, from: '\n\r.qdpx' });
    expect(parseCodebook(made.yaml).problems.filter((p) => p.severity === 'error')).toEqual([]);
    // A .qdpx whose Project/@origin is "a&#10;&#13;b" made `import qdpx` stop with an internal error (the
    // codebook did not read back); nothing of the file's words may become a key of the codebook either.
    const injected = codebookFromRefi([code], { ...header, from: 'a.qdpx (x\ncodes: [])' }, [{ guid: 's', name: 'set\r\nnegation: 1', memberCodes: [] }]);
    const { codebook, problems } = parseCodebook(injected.yaml);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(codebook!.codes.map((c) => c.id)).toEqual(['code']);
  });

  it('gives a telaah code exported as .qdc its own id back (fuzz counterexample: `a-` came back as `a`)', () => {
    const code = (name: string) => ({ guid: name, name, isCodable: true, noteRefs: [], children: [] as never[] });
    const made = codebookFromRefi([{ ...code('a-'), children: [code('x--y')] as never[] }], header);
    expect(parseCodebook(made.yaml).codebook!.codes.map((c) => c.id)).toEqual(['a-', 'a-/x--y']);
  });
});
