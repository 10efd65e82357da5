import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newProject, REFERENCE, telaah, writeFile } from '../helpers/spawn-cli.js';

const project = newProject;

const write = writeFile;

function show(dir: string, name: string): { turns: { speaker: string | null; role: string | null; text: string; startMs: number | null }[] } {
  const result = telaah(dir, ['sources', 'show', name, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('real transcripts from other tools', () => {
  it('reads QualCoder and qcoder examples in place', () => {
    const dir = project();
    const q = join(REFERENCE, 'transcripts');
    expect(telaah(dir, ['ingest', join(q, 'qualcoder', 'transcript.txt'), '--type', 'fgd']).code).toBe(0);
    expect(telaah(dir, ['ingest', join(q, 'qualcoder', 'ID1.docx'), '--type', 'interview']).code).toBe(0);
    expect(telaah(dir, ['ingest', join(q, 'qualcoder', 'survey456.csv'), '--type', 'document']).code).toBe(0);
    expect(telaah(dir, ['ingest', join(q, 'qcoder', 'CoC_Example1.txt'), '--type', 'document']).code).toBe(0);
    const fgd = show(dir, 'transcript');
    expect(fgd.turns.map((t) => t.speaker)).toEqual(['id1', 'id2', 'id3', 'id1', 'id3', 'id1', 'id2']);
    expect(fgd.turns[0]!.text).toMatch(/^hello, I like the course\./);
    const word = show(dir, 'ID1');
    expect(word.turns.every((t) => t.speaker === null)).toBe(true);
    expect(word.turns.map((t) => t.text).join(' ')).toMatch(/€/);
  });

  it('refuses an OpenDocument file by name with a way out', () => {
    const dir = project();
    const result = telaah(dir, ['ingest', join(REFERENCE, 'transcripts', 'qualcoder', 'ID2.odt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/does not read \.odt\. Save it as .*\.docx/);
  });

  it('reads the reference WebVTT voice-tag dialogue as merged turns', () => {
    const dir = project();
    const vtt = join(REFERENCE, 'subtitles', 'vttjs', 'cuetext', 'voice', 'with-annotation.vtt');
    const result = telaah(dir, ['ingest', vtt, '--type', 'interview']);
    expect(result.code, result.stderr).toBe(0);
    expect(show(dir, 'with-annotation').turns.length).toBeGreaterThan(0);
  });
});

describe('subtitles with a malformed cue', () => {
  const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Moderator>Halo semua.\n\n00:00:04,000 --> 00:00:05.000\n<v Darto>Saya dulu.\n\n00:00:06.000 --> 00:00:08.000\n<v Darto>Sudah daftar.\n';

  it('is refused with line:col by default', () => {
    const dir = project();
    const file = write(dir, 'fgd/pasar.vtt', vtt);
    const result = telaah(dir, ['ingest', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pasar\.vtt:6:\d+: .*--lenient/);
  });

  it('loses only that cue with --lenient, and says so', () => {
    const dir = project();
    const file = write(dir, 'fgd/pasar.vtt', vtt);
    const result = telaah(dir, ['ingest', file, '--lenient']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: .*pasar\.vtt:6/);
    expect(show(dir, 'pasar').turns.map((t) => [t.speaker, t.role, t.startMs])).toEqual([
      ['Moderator', 'interviewer', 1000],
      ['Darto', 'participant', 6000],
    ]);
  });
});

describe('CSV transcripts', () => {
  it('take other column names by flag', () => {
    const dir = project();
    const file = write(dir, 'interviews/jawaban.csv', 'kode,waktu,ucapan_peserta\nPeneliti,00:00:02,"Apa kabar, Pak?"\nDarto,00:00:05,"Baik, ""alhamdulillah""."\n');
    const refused = telaah(dir, ['ingest', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/no text column: the header has kode, waktu, ucapan_peserta/);
    const ok = telaah(dir, ['ingest', file, '--text-column', 'ucapan_peserta', '--speaker-column', 'kode', '--start-column', 'waktu']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(show(dir, 'jawaban').turns.map((t) => [t.speaker, t.text, t.startMs])).toEqual([
      ['Peneliti', 'Apa kabar, Pak?', 2000],
      ['Darto', 'Baik, "alhamdulillah".', 5000],
    ]);
  });
});

describe('speakers without participants', () => {
  it('are summed up in one warning, not one per file', () => {
    const dir = project();
    for (const n of [1, 2, 3]) write(dir, `fgd/f${n}.txt`, `Moderator: Sesi ${n}, mulai ya.\nDarto: Saya dulu.\nJoko: Saya juga.\nDarto: Sudah.\nJoko: Belum.\n`);
    const result = telaah(dir, ['ingest', join(dir, 'fgd')]);
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toEqual(['  warning: speakers not matched to a participant: Darto (3 files), Joko (3 files). Import participants, or map labels with --speakers']);
    expect(show(dir, 'f1').turns.map((t) => t.role)).toEqual(['interviewer', 'participant', 'participant', 'participant', 'participant']);
  });
});

describe('role labels', () => {
  it.each(['Participant', 'Responden', 'A'])('take "%s:" as the participant\'s turn even when it answers once', (label) => {
    const dir = project();
    write(dir, 'interviews/short.txt', `Interviewer: Did you register?\n${label}: Yes, at the market stall.\nInterviewer: Thank you.\n`);
    const result = telaah(dir, ['ingest', join(dir, 'interviews')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/every turn is by an interviewer label/);
    expect(show(dir, 'short').turns.map((t) => [t.role, t.text])).toEqual([
      ['interviewer', 'Did you register?'],
      ['participant', 'Yes, at the market stall.'],
      ['interviewer', 'Thank you.'],
    ]);
  });
});
