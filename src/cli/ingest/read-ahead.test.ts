import { describe, expect, it } from 'vitest';
import type { InputFile } from '../../io/collect-files.js';
import { fileListData, filesFrom } from './read-ahead.js';

describe('the run\'s files as they cross to the parse worker', () => {
  it('come back as they were, in order, whatever their paths hold', () => {
    const files: InputFile[] = [
      { path: '/study/interviews/w01.txt', display: 'interviews/w01.txt', explicit: false },
      { path: '/study/fgd/diskusi kelompok\n1.vtt', display: 'fgd/diskusi kelompok\n1.vtt', explicit: true },
      { path: '/studi/wawancara/Ibu Sri – 😀.md', display: '/studi/wawancara/Ibu Sri – 😀.md', explicit: false },
    ];
    expect(filesFrom(structuredClone(fileListData(files)))).toEqual(files);
    expect(filesFrom(fileListData([]))).toEqual([]);
    expect(filesFrom(fileListData([files[0]!]))).toEqual([files[0]]);
  });
});
