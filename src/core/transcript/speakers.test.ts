import { describe, expect, it } from 'vitest';
import { DEFAULT_INTERVIEWER_LABELS } from '../config.js';
import { compileSpeakerResolver, normalizeLabel } from './speakers.js';

const rules = {
  interviewerLabels: DEFAULT_INTERVIEWER_LABELS,
  speakerMap: new Map<string, string>(),
  pseudonyms: ['Sumiati', 'Darto', 'Nurhaliza'],
};

describe('compileSpeakerResolver', () => {
  const resolve = compileSpeakerResolver(rules);

  it.each([
    ['Pewawancara', 'interviewer', null],
    ['PEWAWANCARA', 'interviewer', null],
    ['Peneliti 2', 'interviewer', null],
    ['Moderator', 'interviewer', null],
    ['I', 'interviewer', null],
    // In English transcripts "P" is the participant (I/P), so it is not an interviewer label by default.
    ['P', 'participant', null],
    ['Sumiati', 'participant', 'Sumiati'],
    ['Bu Sumiati', 'participant', 'Sumiati'],
    ['SUMIATI', 'participant', 'Sumiati'],
    ['Ibu Hj. Nurhaliza', 'participant', 'Nurhaliza'],
    ['Pak Darto', 'participant', 'Darto'],
    ['Budi', 'participant', null],
  ])('%s → %s %s', (label, role, participant) => {
    expect(resolve(label)).toEqual({ role, participant });
  });

  it('follows an explicit speaker map first', () => {
    const mapped = compileSpeakerResolver({ ...rules, speakerMap: new Map([['Speaker 1', 'darto'], ['Speaker 2', 'Moderator']]) });
    expect(mapped('speaker 1')).toEqual({ role: 'participant', participant: 'Darto' });
    expect(mapped('Speaker 2')).toEqual({ role: 'interviewer', participant: null });
  });

  it('refuses a map naming an unknown participant', () => {
    expect(() => compileSpeakerResolver({ ...rules, speakerMap: new Map([['S1', 'Nobody']]) })).toThrow(/no participant has that pseudonym/);
  });

  it('strips honorifics but never the whole label', () => {
    expect(normalizeLabel('Bu')).toBe('bu');
    expect(normalizeLabel('Mbak  Wulan')).toBe('wulan');
  });
});
