/** Renders a codebook as a .qdc file (Codebook.xsd, urn:QDA-XML:codebook:1.0). */
import type { RefiCodebook } from './refi-model.js';
import { writeCode } from './write-qde.js';
import { XmlWriter } from './xml-writer.js';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** The .qdc document: the code tree, then the sets when there are any (an empty Sets is invalid). */
export function renderCodebookXml(codebook: RefiCodebook): string {
  const xml = new XmlWriter();
  xml.start('CodeBook', [['xmlns', CODEBOOK_NAMESPACE], ['origin', codebook.origin]]);
  xml.start('Codes');
  for (const code of codebook.codes) writeCode(xml, code, false);
  xml.end();
  if (codebook.sets.length > 0) {
    xml.start('Sets');
    for (const set of codebook.sets) {
      xml.start('Set', [['guid', set.guid], ['name', set.name]]);
      if (set.description !== undefined) xml.text('Description', set.description);
      // In a .qdc a member is @guid; in a project it is @targetGUID.
      for (const member of set.memberCodes) xml.empty('MemberCode', [['guid', member]]);
      xml.end();
    }
    xml.end();
  }
  return xml.end().toString();
}
