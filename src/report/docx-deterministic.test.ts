import { describe, expect, it } from 'vitest';
import { coreProperties, renumberIds } from './docx-deterministic.js';

describe('renumberIds', () => {
  it('numbers bookmarks and drawings from 1 in the order they appear, references and all', () => {
    const xml =
      '<w:hyperlink w:anchor="_Toc225"/><w:instrText>PAGEREF _Toc225 \\h</w:instrText><w:hyperlink w:anchor="_Toc226"/>' +
      '<w:bookmarkStart w:name="_Toc225" w:id="225"/><w:bookmarkEnd w:id="225"/><w:bookmarkStart w:name="_Toc226" w:id="226"/><w:bookmarkEnd w:id="226"/>' +
      '<wp:docPr id="9" name="a"/><wp:docPr id="10" name="b"/>';
    expect(renumberIds(xml)).toBe(
      '<w:hyperlink w:anchor="_Toc1"/><w:instrText>PAGEREF _Toc1 \\h</w:instrText><w:hyperlink w:anchor="_Toc2"/>' +
        '<w:bookmarkStart w:name="_Toc1" w:id="1"/><w:bookmarkEnd w:id="1"/><w:bookmarkStart w:name="_Toc2" w:id="2"/><w:bookmarkEnd w:id="2"/>' +
        '<wp:docPr id="1" name="a"/><wp:docPr id="2" name="b"/>',
    );
  });
});

describe('coreProperties', () => {
  it('escapes the title and dates the file only by the date given', () => {
    const xml = coreProperties({ title: 'a < b & "c"', creator: 'telaah', date: null });
    expect(xml).toContain('<dc:title>a &lt; b &amp; &quot;c&quot;</dc:title>');
    expect(xml).not.toContain('dcterms:created');
    expect(coreProperties({ title: 't', creator: 'telaah', date: '2025-06-30' })).toContain('>2025-06-30T00:00:00Z</dcterms:modified>');
  });
});
