/**
 * The Word report's page and styles: A4, Times New Roman body (what Indonesian universities ask for;
 * LibreOffice draws it with the metric-compatible Liberation Serif), Arial headings, Word's own heading
 * style ids (Heading1..6) so the navigation pane and the table of contents see them, and paragraph styles
 * of our own for quotes, their sources, memos and captions.
 */
import { AlignmentType, BorderStyle, LineRuleType, type IStylesOptions } from 'docx';

/** A4 in twips, with 2.5 cm margins. */
export const PAGE = { width: 11_906, height: 16_838, margin: 1_418 } as const;
/** The width text runs across, in twips. */
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** The same in pixels at 96 to the inch, as docx sizes images. */
export const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH / 1440) * 96);
/** The tallest an image may be, in pixels: a page less its margins and room for a heading and caption. */
export const IMAGE_MAX_HEIGHT_PX = Math.floor(((PAGE.height - 2 * PAGE.margin) / 1440) * 96) - 120;

export const BODY_FONT = 'Times New Roman';
export const HEADING_FONT = 'Arial';
export const ACCENT = '1F5F99';
export const MUTED = '5F6368';

/** Paragraph style ids of our own. */
export const STYLE = { quote: 'Quote', quoteSource: 'QuoteSource', memo: 'Memo', caption: 'Caption', small: 'Small', tableText: 'TableText' } as const;

// The outline level is said outright (Word infers it from the built-in names, other readers may not):
// it is what the navigation pane and the contents go by.
const heading = (level: number, size: number, before: number, extra: { color?: string; italics?: boolean } = {}) => ({
  run: { font: HEADING_FONT, size, bold: true, color: extra.color ?? '1D1D1F', italics: extra.italics ?? false },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel: level - 1 },
});

/** The document's styles. */
export const REPORT_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: BODY_FONT, size: 24 }, paragraph: { spacing: { after: 120, line: 300, lineRule: LineRuleType.AUTO } } },
    title: { run: { font: HEADING_FONT, size: 52, bold: true, color: '1D1D1F' }, paragraph: { spacing: { before: 2400, after: 240 } } },
    heading1: { run: { font: HEADING_FONT, size: 34, bold: true, color: '1D1D1F' }, paragraph: { spacing: { before: 240, after: 200 }, keepNext: true, outlineLevel: 0, border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '1D1D1F', space: 4 } } } },
    heading2: heading(2, 28, 320, { color: ACCENT }),
    heading3: heading(3, 25, 260),
    heading4: heading(4, 24, 220, { color: '333333' }),
    heading5: heading(5, 23, 200, { color: '333333', italics: true }),
    heading6: heading(6, 22, 200, { color: MUTED, italics: true }),
  },
  paragraphStyles: [
    // The contents' entries (they replace docx's own TOC styles): chapters in bold, tighter than body text,
    // so the contents of a report with a few dozen codes stay on one page.
    ...[1, 2, 3].map((level) => ({
      id: `TOC${level}`,
      name: `toc ${level}`,
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 22, bold: level === 1 },
      paragraph: { spacing: { before: level === 1 ? 100 : 0, after: 30, line: 250, lineRule: LineRuleType.AUTO }, indent: { left: (level - 1) * 360 } },
    })),
    {
      id: STYLE.quote,
      name: 'Quote',
      basedOn: 'Normal',
      next: STYLE.quoteSource,
      quickFormat: true,
      run: { italics: true, size: 23, color: '222222' },
      paragraph: {
        indent: { left: 567, right: 283 },
        spacing: { before: 160, after: 40, line: 280, lineRule: LineRuleType.AUTO },
        keepNext: true,
        border: { left: { style: BorderStyle.SINGLE, size: 18, color: ACCENT, space: 10 } },
      },
    },
    {
      id: STYLE.quoteSource,
      name: 'Quote Source',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: HEADING_FONT, size: 17, color: MUTED },
      // The same indents and border as the quote, so Word and LibreOffice draw one rule down both.
      paragraph: { indent: { left: 567, right: 283 }, spacing: { before: 0, after: 160 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: ACCENT, space: 10 } } },
    },
    {
      id: STYLE.memo,
      name: 'Memo',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: 21 },
      paragraph: {
        indent: { left: 283, right: 283 },
        spacing: { before: 120, after: 120, line: 276, lineRule: LineRuleType.AUTO },
        shading: { type: 'clear', color: 'auto', fill: 'FFFBEA' },
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: 'EFE2B0', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 4, color: 'EFE2B0', space: 4 }, left: { style: BorderStyle.SINGLE, size: 4, color: 'EFE2B0', space: 4 }, right: { style: BorderStyle.SINGLE, size: 4, color: 'EFE2B0', space: 4 } },
      },
    },
    { id: STYLE.caption, name: 'Caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: HEADING_FONT, size: 18, italics: true, color: MUTED }, paragraph: { spacing: { before: 60, after: 240 } } },
    { id: STYLE.small, name: 'Report Detail', basedOn: 'Normal', next: 'Normal', run: { font: HEADING_FONT, size: 19, color: '333333' }, paragraph: { spacing: { before: 0, after: 60, line: 260, lineRule: LineRuleType.AUTO } } },
    { id: STYLE.tableText, name: 'Table Text', basedOn: 'Normal', next: STYLE.tableText, run: { font: HEADING_FONT, size: 18 }, paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO }, alignment: AlignmentType.LEFT } },
  ],
};
