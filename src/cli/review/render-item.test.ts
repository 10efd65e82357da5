import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../output.js';
import type { ItemView } from './item-view.js';
import { renderItemScreen, type ItemScreenState } from './render-item.js';
import { renderEndScreen, renderHelpScreen } from './render-pages.js';

const PLAIN = { c: new Chalk({ level: 0 }), color: false };
const COLOUR = { c: new Chalk({ level: 1 }), color: true };
const visible = (line: string): string => line.replace(/\x1b\[[0-9;]*m/g, '');

const answer = 'Bu Rahmawati dari Dinas Sosial. Dia bawa leaflet bergambar 📄, jadi saya langsung ngerti. Iurannya cuma enam belas ribu delapan ratus.';
const unitStart = answer.indexOf('Dia');
const unitEnd = answer.indexOf(' Iurannya');
const unit = answer.slice(unitStart, unitEnd);

function view(overrides: Partial<ItemView> = {}): ItemView {
  return {
    source: { name: 'w01-sumiati', type: 'interview', date: '2025-03-14', site: 'Medan' },
    address: '4.2',
    previous: { index: 3, time: '00:00:31', speaker: 'Pewawancara', participant: null, role: 'interviewer', text: 'Lalu siapa yang pertama kasih tahu soal BPJS Ketenagakerjaan?' },
    focus: {
      index: 4,
      time: '00:00:36',
      speaker: 'Sumiati',
      participant: 'Sumiati',
      role: 'participant',
      text: answer,
      before: answer.slice(0, unitStart),
      unit,
      after: answer.slice(unitEnd),
      marks: [{ start: unit.indexOf('leaflet'), end: unit.indexOf('leaflet') + 7 }],
    },
    next: { index: 5, time: '00:01:02', speaker: 'Pewawancara', participant: null, role: 'interviewer', text: 'Terima kasih, Bu.' },
    proposal: {
      code: 'strategy/tailored-education',
      origin: 'auto',
      confidence: null,
      label: 'Edukasi sesuai sasaran · Tailored education',
      definition: 'Education adapted to its audience.',
      terms: ['leaflet'],
      evidence: 'leaflet',
    },
    yours: [],
    ...overrides,
  };
}

const state: ItemScreenState = { position: 3, total: 5, reviewer: 'rina', message: { text: 'Accepted barrier/economic on w01-sumiati 2.2', tone: 'info' }, prompt: null };

function expectFits(lines: string[], columns: number, rows: number): void {
  expect(lines).toHaveLength(rows);
  for (const line of lines) expect(displayWidth(visible(line))).toBeLessThan(columns);
}

describe('renderItemScreen', () => {
  it('shows the header, the unit marked in its turn, the neighbours, the code, why, and the keys at 80×24', () => {
    const lines = renderItemScreen(view(), state, { columns: 80, rows: 24 }, PLAIN);
    expectFits(lines, 80, 24);
    const screen = lines.join('\n');
    expect(lines[0]).toMatch(/^ w01-sumiati · interview · 2025-03-14 · Medan +4\.2 · 3\/5 · rina $/);
    expect(screen).toContain('    3   [00:00:31] Pewawancara · interviewer');
    expect(screen).toContain('    4   [00:00:36] Sumiati · participant Sumiati');
    expect(screen).toContain(' ▌  4.2 Dia bawa «leaflet» bergambar 📄, jadi saya langsung ngerti.');
    expect(screen).toContain('        Bu Rahmawati dari Dinas Sosial.');
    expect(screen).toContain('        Terima kasih, Bu.');
    expect(screen).toMatch(/ code  strategy\/tailored-education +auto/);
    expect(screen).toContain(' why   term leaflet');
    expect(lines[22]).toBe(' a accept  r reject  c add code  s skip  u undo  q quit  ? help');
    expect(lines[23]).toBe(' Accepted barrier/economic on w01-sumiati 2.2');
  });

  it('colours instead of marking when colour is on, and still fits', () => {
    const lines = renderItemScreen(view(), state, { columns: 80, rows: 24 }, COLOUR);
    expectFits(lines, 80, 24);
    expect(lines.join('\n')).not.toContain('«');
    expect(lines.some((l) => l.includes('\x1b[1m\x1b[33mleaflet'))).toBe(true);
  });

  it('fits a long turn into a small terminal, keeping the unit and marking what was cut', () => {
    const long = `${'Kalimat pembuka yang panjang sekali. '.repeat(12)}`;
    const v = view();
    v.focus = { ...v.focus, before: long, after: ` ${long}`, text: long + unit + long };
    const lines = renderItemScreen(v, state, { columns: 50, rows: 16 }, PLAIN);
    expectFits(lines, 50, 16);
    const screen = lines.join('\n');
    expect(screen).toContain('«leaflet»');
    expect(screen).toMatch(/ {8}… /);
    expect(screen).toMatch(/ …\n/);
    expect(lines[14]).toBe(' keys: a r c s u q  (? help)');
  });

  it('cuts a unit longer than the screen with a note, and makes room for a long address', () => {
    const v = view({ address: '123.45' });
    v.focus = { ...v.focus, unit: 'Kalimat yang panjang. '.repeat(60), marks: [{ start: 0, end: 7 }] };
    const lines = renderItemScreen(v, state, { columns: 80, rows: 24 }, PLAIN);
    expectFits(lines, 80, 24);
    expect(lines.find((l) => l.startsWith(' ▌'))).toMatch(/^ ▌ 123\.45 «Kalimat» yang panjang\./);
    expect(lines.filter((l) => l.startsWith(' ▌')).at(-1)).toMatch(/^ ▌ {8}… \d+ more lines$/);
  });

  it('explains an uncoded unit, the evidence of a code the codebook no longer finds, and a suggestion', () => {
    const uncoded = renderItemScreen(view({ proposal: null }), state, { columns: 80, rows: 24 }, PLAIN).join('\n');
    expect(uncoded).toContain('none yet: nobody has coded this unit');
    expect(uncoded).toContain(' c add code  r no code fits  s skip');
    const stale = renderItemScreen(view({ proposal: { ...view().proposal!, terms: [], evidence: 'bawa leaflet' } }), state, { columns: 100, rows: 24 }, PLAIN).join('\n');
    expect(stale).toContain('evidence “bawa leaflet” (the current codebook no longer finds it here)');
    const suggested = renderItemScreen(view({ proposal: { ...view().proposal!, origin: 'suggested', confidence: 0.734, terms: [] } }), state, { columns: 80, rows: 24 }, PLAIN).join('\n');
    expect(suggested).toMatch(/suggested 0\.73\n/);
    expect(suggested).toContain('why   suggested (confidence 0.73) · evidence “leaflet”');
  });

  it('shows the add-code prompt with candidates in place of the legend', () => {
    const candidates = ['strategy', 'strategy/tailored-education', 'strategy/registration-assistance', 'strategy/outreach', 'strategy/peer'].map((id) => ({ id, label: id.toUpperCase() }));
    const lines = renderItemScreen(view(), { ...state, message: null, prompt: { input: 'strat', candidates } }, { columns: 80, rows: 24 }, PLAIN);
    expectFits(lines, 80, 24);
    expect(lines.slice(15)).toEqual([
      '─'.repeat(79),
      ' add codes to w01-sumiati 4.2: Tab completes, Enter adds, Esc cancels',
      '   strategy                          STRATEGY',
      '   strategy/tailored-education       STRATEGY/TAILORED-EDUCATION',
      '   strategy/registration-assistance  STRATEGY/REGISTRATION-ASSISTANCE',
      '   … 2 more: keep typing',
      '─'.repeat(79),
      ' code> strat█',
      '',
    ]);
  });
});

describe('help and end screens', () => {
  it('fit 80×24 and say what the keys do and what is left', () => {
    const help = renderHelpScreen('rina', { columns: 80, rows: 24 }, PLAIN);
    expectFits(help, 80, 24);
    expect(help.join('\n')).toContain('  u  undo the last decision of this session');
    const counts = { accepted: 2, rejected: 1, noCode: 0, added: 1, decided: 3, skipped: 2, remaining: 2 };
    const end = renderEndScreen('rina', counts, { columns: 80, rows: 24 }, PLAIN).join('\n');
    expect(end).toContain('End of the queue. This session: 2 accepted, 1 rejected, 1 code added.');
    expect(end).toContain('2 skipped items remain: press s to go back');
    expect(renderEndScreen('rina', { ...counts, skipped: 0, remaining: 0 }, { columns: 80, rows: 24 }, PLAIN).join('\n')).toContain('Nothing is left for rina to review.');
  });
});
