import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempDir, telaah } from '../helpers/spawn-cli.js';
import { HAS_TMUX, Tmux } from '../helpers/tmux.js';

interface CodeRow {
  code: string;
  units: number;
  coded: Record<string, number>;
  percentAgreement: number | null;
  kappa: number | null;
  alpha: number | null;
  precision?: number | null;
  recall?: number | null;
  f1?: number | null;
}

interface Agreement {
  units: number;
  coders: string[];
  sources: { compared: string[]; leftOut: { name: string; coders: string[] }[] };
  codes: CodeRow[];
  pooled: { percentAgreement: number | null; kappa: number | null; alpha: number | null };
  machine?: { machine: string; human: string; micro: { precision: number; recall: number; f1: number } };
}

/** The README's worked example of agreement: the demo project, with ana and budi coding three turns of 09-sumiati by hand. */
describe('telaah agree on the sample study', () => {
  let dir: string;
  const run = (...args: string[]): { stdout: string; stderr: string } => {
    const result = telaah(dir, args);
    expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
    return result;
  };
  const agree = (...args: string[]): Agreement => JSON.parse(run('agree', '--json', ...args).stdout) as Agreement;

  beforeAll(() => {
    const root = tempDir();
    expect(telaah(root, ['demo', 'study']).code).toBe(0);
    dir = join(root, 'study');
    run('code', 'add', '09-sumiati', '10', 'role/educator', 'strategy/tailored-education', '--coder', 'ana');
    run('code', 'add', '09-sumiati', '12', 'barrier/distrust', '--coder', 'ana');
    run('code', 'add', '09-sumiati', '20', 'barrier/documentation', 'role/broker', '--coder', 'ana');
    run('code', 'add', '09-sumiati', '10', 'role/educator', '--coder', 'budi');
    run('code', 'add', '09-sumiati', '12', 'barrier/distrust', '--coder', 'budi');
    run('code', 'add', '09-sumiati', '20', 'barrier/documentation', 'barrier/economic', '--coder', 'budi');
  });

  it("gives DESIGN.md's shape for two human coders", () => {
    const a = agree('--coders', 'ana,budi');
    expect(a).toMatchObject({ units: 20, coders: ['ana', 'budi'], sources: { compared: ['09-sumiati'], leftOut: [] } });
    const byCode = new Map(a.codes.map((c) => [c.code, c]));
    expect(byCode.get('barrier/distrust')).toMatchObject({ units: 20, coded: { ana: 1, budi: 1 }, percentAgreement: 1, kappa: 1, alpha: 1 });
    // One of 20 turns coded by ana alone: po 0.95 = pe, kappa 0.
    expect(byCode.get('role/broker')).toMatchObject({ percentAgreement: 0.95, kappa: 0 });
    expect(Object.keys(a.pooled).sort()).toEqual(['alpha', 'codes', 'judgements', 'kappa', 'percentAgreement']);
  });

  it('scores auto against ana: per code precision and recall match what codings list shows', () => {
    const a = agree('--coders', 'ana,auto');
    // ana coded 09-sumiati only: every other source auto coded is left out.
    expect(a.sources.compared).toEqual(['09-sumiati']);
    expect(a.sources.leftOut.length).toBeGreaterThan(40);
    expect(a.machine).toMatchObject({ machine: 'auto', human: 'ana' });
    const codings = JSON.parse(run('codings', 'list', '--source', '09-sumiati', '--json').stdout) as { segment: string; code: string; coder: string }[];
    const turns = (coder: string, code: string): Set<string> => new Set(codings.filter((c) => c.coder === coder && c.code === code).map((c) => c.segment.split('.')[0]!));
    for (const row of a.codes) {
      const human = turns('ana', row.code);
      const machine = turns('auto', row.code);
      const tp = [...machine].filter((t) => human.has(t)).length;
      expect(row.coded).toEqual({ ana: human.size, auto: machine.size });
      if (machine.size > 0) expect(row.precision).toBeCloseTo(tp / machine.size, 12);
      if (human.size > 0) expect(row.recall).toBeCloseTo(tp / human.size, 12);
    }
    const table = run('agree', '--coders', 'ana,auto').stdout;
    expect(table.split('\n')[0]).toBe('code\tana\tauto\tagree\tkappa\talpha\tP\tR\tF1');
  });

  it("prints the README's table for auto against ana on barriers", () => {
    const rows = run('agree', '--coders', 'ana,auto', '--codes', 'barrier').stdout.trim().split('\n').map((line) => line.split('\t'));
    expect(rows).toEqual([
      ['code', 'ana', 'auto', 'agree', 'kappa', 'alpha', 'P', 'R', 'F1'],
      ['barrier/literacy-information', '0', '3', '85.0%', '0.000', '-0.054', '0.00', '—', '0.00'],
      ['barrier/distrust', '1', '2', '95.0%', '0.643', '0.649', '0.50', '1.00', '0.67'],
      ['barrier/documentation', '1', '2', '95.0%', '0.643', '0.649', '0.50', '1.00', '0.67'],
      ['barrier/digital-access', '0', '1', '95.0%', '0.000', '0.000', '0.00', '—', '0.00'],
      ['barrier/economic', '0', '3', '85.0%', '0.000', '-0.054', '0.00', '—', '0.00'],
      ['(pooled)', '2', '11', '91.0%', '0.283', '0.263', '0.18', '1.00', '0.31'],
      ['(mean)', '', '', '91.0%', '0.257', '0.238', '0.20', '1.00', '0.27'],
    ]);
  });

  it('lists the disagreement on turn 20 side by side', () => {
    const { stdout } = run('agree', '--coders', 'ana,budi', '--disagreements', '--codes', 'barrier');
    expect(stdout).toMatch(/^1 unit judged differently\n\n09-sumiati · 20 · Sumiati\n {4}Mana ada langsung\./m);
    expect(stdout).toMatch(/^ {2}both {2}barrier\/documentation\n {2}ana {3}—\n {2}budi {2}barrier\/economic$/m);
  });

  describe.skipIf(!HAS_TMUX)('in a terminal', () => {
    let tmux: Tmux | undefined;
    afterAll(() => tmux?.stop());

    it.each([80, 120])('fits %i columns', async (columns) => {
      tmux?.stop();
      tmux = new Tmux(dir, { columns, rows: 60 });
      tmux.start(['agree', '--coders', 'ana,auto']);
      const screen = await tmux.waitFor('[exit 0]');
      expect(screen).toMatch(/^ana × auto: 20 turns in 1 source, interviewer turns left out$/m);
      expect(screen).toMatch(/^code +ana +auto +agree +kappa +alpha +P +R +F1$/m);
      expect(screen).toMatch(/^\(pooled\) +\d+ +\d+ +\d+\.\d%/m);
      expect(screen).toMatch(/^Left out \(\d+, coded by auto only; --all-sources compares them\):/m);
      const raw = tmux.screen(false);
      expect(raw.split('\n').every((line) => line.length <= columns)).toBe(true);
    });
  });
});
