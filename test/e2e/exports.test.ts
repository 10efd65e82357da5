import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject, REFERENCE, telaah, writeFile } from '../helpers/spawn-cli.js';

const project = newProject;

const write = writeFile;

function turns(dir: string, name: string): [string | null, string | null, number | null, number | null, string][] {
  const result = telaah(dir, ['sources', 'show', name, '--json']);
  expect(result.code, result.stderr).toBe(0);
  const shown = JSON.parse(result.stdout) as { turns: { speaker: string | null; role: string | null; startMs: number | null; endMs: number | null; text: string }[] };
  return shown.turns.map((t) => [t.speaker, t.role, t.startMs, t.endMs, t.text]);
}

// Issue 8 item 16: the exports of common transcription tools read right without flags.
describe('exports of transcription tools', () => {
  it('reads a CSV with Speaker Name, Start Time, End Time and Text columns', () => {
    const dir = project();
    write(dir, 'interviews/rev.csv', 'Speaker Name,Start Time,End Time,Text\nInterviewer,00:00:01,00:00:04,How did you hear about BPJS?\nDarto,00:00:05,00:00:12,"From a social worker, at the market."\n');
    const result = telaah(dir, ['ingest', 'interviews/rev.csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(turns(dir, 'rev')).toEqual([
      ['Interviewer', 'interviewer', 1_000, 4_000, 'How did you hear about BPJS?'],
      ['Darto', 'participant', 5_000, 12_000, 'From a social worker, at the market.'],
    ]);
  });

  it('reads an Otter/Zoom txt export, name and time on a line of their own', () => {
    const dir = project();
    const otter = ['Interviewer  0:01', 'How did you hear about BPJS?', '', 'Darto  0:05', 'From a social worker.', 'At the market.', '', 'Transcribed by https://otter.ai', ''].join('\n');
    write(dir, 'interviews/otter.txt', otter);
    const result = telaah(dir, ['ingest', 'interviews/otter.txt']);
    expect(result.code, result.stderr).toBe(0);
    expect(turns(dir, 'otter')).toEqual([
      ['Interviewer', 'interviewer', 1_000, null, 'How did you hear about BPJS?'],
      ['Darto', 'participant', 5_000, null, 'From a social worker.\nAt the market.'],
    ]);
  });

  it("reads QualCoder's survey export as one turn per case, in place", () => {
    const dir = project();
    const result = telaah(dir, ['ingest', join(REFERENCE, 'transcripts', 'qualcoder', 'survey456.csv'), '--type', 'interview']);
    expect(result.code, result.stderr).toBe(0);
    const read = turns(dir, 'survey456');
    expect(read.map((t) => t[0])).toEqual(['ID4', 'ID5', 'ID6']);
    expect(read[0]![4]).toMatch(/^I wanted to do some more studies/);
  });
});
