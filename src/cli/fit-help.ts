import { wrapText } from '../report/text-layout.js';

/**
 * Fits help text to the terminal: each paragraph of plain lines (prose, such as the notes added after a
 * command's options) is reflowed to `columns`. Indented lines are left as they are: commander has wrapped
 * its option lists already, and an example command stays whole so that it can be copied.
 */
export function fitHelpText(text: string, columns: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i] === '' || /^\s/.test(lines[i]!)) {
      out.push(lines[i++]!);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i] !== '' && !/^\s/.test(lines[i]!)) paragraph.push(lines[i++]!);
    out.push(...wrapText(paragraph.join(' '), columns));
  }
  return out.join('\n');
}
