/**
 * A member-check packet as a Word document: real heading styles (Word's navigation pane lists the
 * themes, the sources and the closing note), the participant's turns as plain paragraphs with room to
 * write beside them, the themes each turn was given in a small grey line, page numbers at the foot. The
 * same packet gives the same bytes (docx-deterministic.ts), so a packet sent twice can be compared.
 */
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { MemberCheckPacket } from '../core/report/member-check.js';
import { deterministicDocx } from './docx-deterministic.js';
import { memberCheckWords } from './member-check-text.js';

/** The packet as .docx bytes. */
export async function renderMemberCheckDocx(packet: MemberCheckPacket): Promise<Buffer> {
  const w = memberCheckWords(packet.language);
  const title = w.title(packet.participant);
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    new Paragraph({ children: [new TextRun({ text: w.study(packet.project), italics: true })] }),
    new Paragraph({ spacing: { after: 200 }, children: [new TextRun(w.intro)] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(w.themesHeading)] }),
    ...(packet.themes.length
      ? packet.themes.map((t) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 120 }, children: [new TextRun(w.themeSummary(t))] }))
      : [new Paragraph({ children: [new TextRun({ text: w.noThemes, italics: true })] })]),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(w.wordsHeading)] }),
  ];
  for (const source of packet.sources) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(w.sourceHeading(source.type, source.date, source.source))] }));
    for (const turn of source.turns) {
      children.push(new Paragraph({ keepNext: true, spacing: { before: 160 }, children: [new TextRun({ text: w.turnPlace(turn.turn, turn.startMs), bold: true, size: 18, color: '595959' })] }));
      // A line break in a turn (a list read out, a pause) stays a line break.
      const lines = turn.text.split('\n');
      children.push(
        new Paragraph({
          indent: { left: 360 },
          children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
        }),
      );
      if (turn.codes.length) {
        children.push(new Paragraph({ indent: { left: 360 }, children: [new TextRun({ text: w.turnThemes(turn.codes.map((c) => c.label)), italics: true, size: 18, color: '595959' })] }));
      }
    }
  }
  children.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(w.closingHeading)] }),
    new Paragraph({ children: [new TextRun(w.closing)] }),
  );
  const document = new Document({
    title,
    creator: 'telaah',
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) },
        children,
      },
    ],
  });
  // Undated: the packet has no date of its own, and the clock would make every run's bytes differ.
  return deterministicDocx(await Packer.toBuffer(document), { title, creator: 'telaah', date: null });
}
