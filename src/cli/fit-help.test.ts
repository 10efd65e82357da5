import { describe, expect, it } from 'vitest';
import { fitHelpText } from './fit-help.js';

const AFTER = `
Source types come from --type, else the file's front matter (type: interview), else the folder name
(interviews/, fgd/, observations/, documents/). Unchanged files are skipped.

Examples:
  $ telaah ingest samples/bpjs-medan --pseudonyms samples/bpjs-medan/pseudonyms.csv
`;

describe('fitHelpText', () => {
  it('reflows prose paragraphs to the width and leaves indented lines (examples, options) as they are', () => {
    expect(fitHelpText(AFTER, 60)).toBe(`
Source types come from --type, else the file's front matter
(type: interview), else the folder name (interviews/, fgd/,
observations/, documents/). Unchanged files are skipped.

Examples:
  $ telaah ingest samples/bpjs-medan --pseudonyms samples/bpjs-medan/pseudonyms.csv
`);
  });

  it('uses the whole width of a wide terminal', () => {
    expect(fitHelpText(AFTER, 200).split('\n')[1]).toBe(
      "Source types come from --type, else the file's front matter (type: interview), else the folder name (interviews/, fgd/, observations/, documents/). Unchanged files are skipped.",
    );
  });

  it('leaves text without prose paragraphs alone', () => {
    expect(fitHelpText('0.1.0\n', 20)).toBe('0.1.0\n');
    expect(fitHelpText('Options:\n  -h, --help  display help for command\n', 20)).toBe('Options:\n  -h, --help  display help for command\n');
  });
});
