import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareCoders } from '../../src/cli/agreement/compare-coders.js';
import { openStore } from '../../src/store/open.js';
import { runInProcess } from '../helpers/fake-ctx.js';
import { FIXTURES, tempDir } from '../helpers/spawn-cli.js';

interface Agreement {
  unit: string;
  units: number;
  pairable: number;
  coders: string[];
  sources: { compared: string[]; leftOut: { name: string; coders: string[] }[] };
  codes: { code: string; units: number; coded: Record<string, number>; agreed: number; percentAgreement: number | null; kappa: number | null; alpha: number | null }[];
  unused: string[];
  pooled: { percentAgreement: number | null; kappa: number | null; alpha: number | null };
  disagreements?: { source: string; segment: string; text: string; codes: Record<string, string[] | null> }[];
}

async function ok(dir: string, ...argv: string[]): Promise<{ stdout: string; stderr: string }> {
  const result = await runInProcess(dir, argv);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

const agree = async (dir: string, ...argv: string[]): Promise<Agreement> => JSON.parse((await ok(dir, 'agree', '--json', ...argv)).stdout) as Agreement;

/**
 * The mini study (participant turns: w01-sumiati 2 and 4, fgd-pasar 2 and 3, obs01 1–3, partisipasi 1–2)
 * coded by rina and budi. rina also codes interviewer turn 1 of w01, which is never a unit; budi alone
 * codes obs01, cici only partisipasi.
 */
describe('telaah agree (in process)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await ok(dir, 'init');
    cpSync(join(FIXTURES, 'mini-study'), join(dir, 'data'), { recursive: true });
    await ok(dir, 'participants', 'import', join(dir, 'data', 'participants.csv'));
    await ok(dir, 'ingest', 'data', '--pseudonyms', join(dir, 'data', 'names.csv'));
    await ok(dir, 'codebook', 'use', join(FIXTURES, 'codebooks', 'mini.yaml'));
    await ok(dir, 'code', 'auto');
    const add = (source: string, segment: string, code: string, coder: string) => ok(dir, 'code', 'add', source, segment, code, '--coder', coder);
    await add('w01-sumiati', '4.2', 'strategy/tailored-education', 'rina');
    await add('w01-sumiati', '2.1', 'barrier/economic', 'rina');
    await add('w01-sumiati', '1', 'barrier/economic', 'rina');
    await add('fgd-pasar', '2', 'strategy/registration-assistance', 'rina');
    await add('w01-sumiati', '4', 'strategy/tailored-education', 'budi');
    await add('fgd-pasar', '3.2', 'barrier/economic', 'budi');
    await add('obs01', '1.1', 'strategy/tailored-education', 'budi');
    await add('partisipasi', '1', 'barrier/economic', 'cici');
  });

  it('compares only the sources both coded, at the turn, interviewer turns left out', async () => {
    const a = await agree(dir, '--coders', 'rina,budi');
    expect(a.sources).toEqual({ compared: ['fgd-pasar', 'w01-sumiati'], leftOut: [{ name: 'obs01', coders: ['budi'] }] });
    expect([a.unit, a.units, a.pairable]).toEqual(['turn', 4, 4]);
    const byCode = new Map(a.codes.map((c) => [c.code, c]));
    expect(byCode.get('strategy/tailored-education')).toMatchObject({ units: 4, coded: { rina: 1, budi: 1 }, agreed: 4, percentAgreement: 1, kappa: 1, alpha: 1 });
    // rina yes, budi no on one turn of four: po 0.75 = pe.
    expect(byCode.get('strategy/registration-assistance')).toMatchObject({ coded: { rina: 1, budi: 0 }, agreed: 3, percentAgreement: 0.75, kappa: 0 });
    // Each gave it to a different turn (rina's interviewer turn is not a unit): po 0.5, pe 0.625.
    const economic = byCode.get('barrier/economic')!;
    expect(economic).toMatchObject({ coded: { rina: 1, budi: 1 }, agreed: 2, percentAgreement: 0.5 });
    expect(economic.kappa).toBeCloseTo(-1 / 3, 12);
    expect(a.unused).toEqual([]);
  });

  it('with --all-sources takes obs01 in; its units are judged by budi alone, so no statistic changes', async () => {
    const base = await agree(dir, '--coders', 'rina,budi');
    const all = await agree(dir, '--coders', 'rina,budi', '--all-sources');
    expect(all.sources.compared).toEqual(['fgd-pasar', 'obs01', 'w01-sumiati']);
    expect([all.units, all.pairable]).toEqual([7, 4]);
    // coded counts units two coders judged: budi's obs01 turn is not among them.
    expect(all.codes.find((c) => c.code === 'strategy/tailored-education')!.coded).toEqual({ rina: 1, budi: 1 });
    expect(all.codes.map((c) => [c.kappa, c.alpha, c.percentAgreement])).toEqual(base.codes.map((c) => [c.kappa, c.alpha, c.percentAgreement]));
  });

  it('at the sentence, with --exclude-uncoded, --codes and --source', async () => {
    const sentences = await agree(dir, '--coders', 'rina,budi', '--unit', 'sentence');
    expect(sentences.units).toBe(10);
    // budi coded turn 4 whole: its three sentences carry the code, rina's only 4.2.
    expect(sentences.codes.find((c) => c.code === 'strategy/tailored-education')).toMatchObject({ coded: { rina: 1, budi: 3 }, agreed: 8 });
    expect((await agree(dir, '--coders', 'rina,budi', '--exclude-uncoded')).units).toBe(4);
    expect((await agree(dir, '--coders', 'rina,budi', '--unit', 'sentence', '--exclude-uncoded')).units).toBe(7);
    const strategy = await agree(dir, '--coders', 'rina,budi', '--codes', 'strategy');
    expect(strategy.codes.map((c) => c.code)).toEqual(['strategy/tailored-education', 'strategy/registration-assistance']);
    const w01 = await agree(dir, '--coders', 'rina,budi', '--source', 'w01-sumiati', '--source', 'obs01');
    expect(w01.sources).toEqual({ compared: ['w01-sumiati'], leftOut: [{ name: 'obs01', coders: ['budi'] }] });
    expect(w01.units).toBe(2);
  });

  it('lists disagreements with their text and each coder’s codes', async () => {
    const a = await agree(dir, '--coders', 'rina,budi', '--disagreements', '--codes', 'barrier');
    expect(a.disagreements).toEqual([
      { source: 'fgd-pasar', segment: '3', speaker: 'Joko', participant: 'Joko', text: 'Saya belum. Penghasilan nggak tentu, Bang.', codes: { rina: [], budi: ['barrier/economic'] } },
      expect.objectContaining({ source: 'w01-sumiati', segment: '2', codes: { rina: ['barrier/economic'], budi: [] } }),
    ]);
    const text = await ok(dir, 'agree', '--coders', 'rina,budi', '--disagreements', '--codes', 'barrier');
    expect(text.stdout).toMatch(/^2 units judged differently$/m);
    expect(text.stdout).toMatch(/^fgd-pasar · 3 · Joko\n {4}Saya belum\. Penghasilan nggak tentu, Bang\.\n {2}rina {2}—\n {2}budi {2}barrier\/economic$/m);
  });

  it('prints the table with pooled and mean rows, and on a terminal the sources and a reading guide', async () => {
    const piped = await ok(dir, 'agree', '--coders', 'rina,budi');
    expect(piped.stdout.split('\n')[0]).toBe('code\trina\tbudi\tagree\tkappa\talpha');
    expect(piped.stdout).toMatch(/^\(pooled\)\t3\t2\t/m);
    expect(piped.stderr).toMatch(/^Left out \(1, coded by budi only; --all-sources compares them\): obs01$/m);
    const tty = await runInProcess(dir, ['agree', '--coders', 'rina,budi'], { stdoutIsTTY: true, columns: 80 });
    expect(tty.stdout).toMatch(/^rina × budi: 4 turns in 2 sources, interviewer turns left out$/m);
    expect(tty.stdout).toMatch(/^Compared \(2\): fgd-pasar, w01-sumiati$/m);
    expect(tty.stdout).toMatch(/^Reading: ≥ \.80 reliable/m);
    expect(tty.stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
  });

  it.each([
    [['--coders', 'rina'], /--coders needs at least two coders/],
    [['--coders', 'rina,rina'], /--coders names rina twice/],
    [['--coders', 'rina,bud'], /no coder named "bud" has coded or reviewed anything\. Did you mean budi\?/],
    [['--coders', 'rina,zzzzzz'], /no coder named "zzzzzz" has coded anything\. Coders: /],
    [['--coders', 'rina,budi', '--codes', 'strategi'], /unknown code "strategi"\. Did you mean strategy/],
    [['--coders', 'rina,budi', '--source', 'w01-sumiat'], /no source named "w01-sumiat"\. Did you mean "w01-sumiati"\?/],
    [['--coders', 'rina,budi', '--source', 'obs01'], /rina has coded none of the sources named with --source/],
    [['--coders', 'rina,budi', '--unit', 'paragraph'], /argument 'paragraph' is invalid/],
  ])('refuses %j in one line, exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await runInProcess(dir, ['agree', ...(argv as string[])]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('says when no source was coded by every coder; --all-sources then compares nothing pairable', async () => {
    const { code, stderr } = await runInProcess(dir, ['agree', '--coders', 'rina,cici']);
    expect(code).toBe(2);
    expect(stderr).toBe('telaah: no source was coded by all of rina, cici (sources coded: rina 2, cici 1). Add --all-sources to compare the sources any of them coded\n');
    const all = await agree(dir, '--coders', 'rina,cici', '--all-sources');
    expect([all.units, all.pairable]).toEqual([6, 0]);
    expect(all.codes.every((c) => c.units === 0 && c.kappa === null && c.alpha === null && c.percentAgreement === null)).toBe(true);
    expect(all.pooled).toMatchObject({ percentAgreement: null, kappa: null, alpha: null });
  });

  it('reads source by source or in one pass over the range, with the same result', () => {
    const db = openStore(join(dir, 'telaah.db'));
    try {
      for (const unit of ['turn', 'sentence'] as const) {
        for (const allSources of [false, true]) {
          const request = { coders: ['rina', 'budi', 'auto'], unit, allSources, excludeUncoded: false, disagreements: true };
          const perSource = compareCoders(db, null, request, { onePass: false });
          const onePass = compareCoders(db, null, request, { onePass: true });
          expect(onePass).toEqual(perSource);
          expect(perSource.disagreements.length).toBeGreaterThan(0);
        }
      }
    } finally {
      db.close();
    }
  });
});
