import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newProject, telaah, tempDir, writeFile } from '../helpers/spawn-cli.js';

// The built CLI counts a large project's words in worker threads; TELAAH_THREADS makes it share even a
// small one, so these tests take the worker path (vitest's own in-process runs never can: see turn-words.ts).

function run(dir: string, threads: number, ...args: string[]): string {
  const result = telaah(dir, ['stats', 'words', ...args], { TELAAH_THREADS: String(threads) });
  expect(result.code, `${args.join(' ')} in ${threads} threads: ${result.stderr}`).toBe(0);
  return result.stdout;
}

const counts = (dir: string, threads: number, ...args: string[]): Record<string, number> =>
  Object.fromEntries((JSON.parse(run(dir, threads, ...args, '--json')) as { top: { word: string; count: number }[] }).top.map((w) => [w.word, w.count]));

describe('telaah stats words in several threads', () => {
  it('counts exactly the participant words of the turns asked for, whichever thread reads them', () => {
    const dir = newProject();
    writeFile(dir, 'participants.csv', 'pseudonym,group,category\nSumiati,pekerja-rentan,pemulung\nHendra,pekerja-sosial,pekerja sosial\n');
    expect(telaah(dir, ['participants', 'import', 'participants.csv']).code).toBe(0);
    writeFile(dir, 'interviews/w01.txt', 'Pewawancara: Iuran iuran iuran, Bu?\nSumiati: Iuran mahal, Pak. Iuran naik lagi.\nPewawancara: Kartu?\nSumiati: Kartu belum ada.\n');
    writeFile(dir, 'interviews/w02.txt', 'Pewawancara: Kartu gimana?\nHendra: Kartu dibagikan, iuran dibantu.\n');
    writeFile(dir, 'observations/o1.md', 'Poster iuran di dinding kelurahan.\n');
    expect(telaah(dir, ['ingest', 'interviews', 'observations']).code).toBe(0);
    // 15 segments: in five threads a chunk is one segment and each thread counts its first chunk, so the
    // worker given segment 3 (Sumiati's first turn) counts words that the merge must add in.
    for (const threads of [1, 2, 5]) {
      expect(counts(dir, threads)).toEqual({ iuran: 3, kartu: 2, mahal: 1, naik: 1, dibagikan: 1, dibantu: 1 });
      expect(counts(dir, threads, '--where', 'category=pemulung')).toEqual({ iuran: 2, kartu: 1, mahal: 1, naik: 1 });
      expect(counts(dir, threads, '--include-interviewer', '--top', '2')).toEqual({ iuran: 6, kartu: 4 });
      expect(counts(dir, threads, '--type', 'observation')).toEqual({ iuran: 1, poster: 1, dinding: 1, kelurahan: 1 });
      expect(counts(dir, threads, '--stems', '--include-interviewer', '--top', '3')).toEqual({ iur: 6, kartu: 4, bagi: 1 });
    }
  });

  describe('on the sample study', () => {
    let dir: string;
    beforeAll(() => {
      const root = tempDir();
      expect(telaah(root, ['demo', 'demo']).code).toBe(0);
      dir = join(root, 'demo');
    }, 120_000);

    it.each([[[]], [['--stems', '--include-interviewer']], [['--keep-stop-words', '--type', 'fgd']], [['--where', 'group=pekerja-sosial', '--stems']]])(
      'prints the same words, byte for byte, in 1, 2 and 4 threads: %j',
      (args) => {
        const one = run(dir, 1, ...args, '--top', '100000', '--json');
        expect(JSON.parse(one).turns).toBeGreaterThan(0);
        expect(run(dir, 2, ...args, '--top', '100000', '--json')).toBe(one);
        expect(run(dir, 4, ...args, '--top', '100000', '--json')).toBe(one);
        expect(run(dir, 2, ...args, '--csv')).toBe(run(dir, 1, ...args, '--csv'));
      },
    );
  });

  it('refuses a TELAAH_THREADS that is not a whole number, exit 2', () => {
    const dir = newProject();
    const result = telaah(dir, ['stats', 'words'], { TELAAH_THREADS: 'two' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/TELAAH_THREADS must be a whole number from 1 to 64, not "two"/);
  });
});
