import { describe, expect, it } from 'vitest';
import { applySourceSettings, isIsoDate, parseSourceSettings, type SourceFields } from './source-fields.js';

const fields: SourceFields = { type: 'interview', date: '2025-03-14', site: 'Medan', language: 'id', attributes: { interviewer: 'Rina', mode: 'tatap muka' } };

describe('parseSourceSettings', () => {
  it('reads key=value pairs, with = allowed in the value', () => {
    expect(parseSourceSettings(['date=2025-03-15', 'site= Deli Serdang ', 'note=a=b', 'mode='])).toEqual([
      { key: 'date', value: '2025-03-15' },
      { key: 'site', value: 'Deli Serdang' },
      { key: 'note', value: 'a=b' },
      { key: 'mode', value: '' },
    ]);
  });

  it.each([
    [['site'], /"site" is not key=value/],
    [['=x'], /not key=value/],
    [['date=2025-02-30'], /date "2025-02-30" is not a valid date.*YYYY-MM-DD/],
    [['date=14/03/2025'], /not a valid date/],
    [['type=focus-group'], /not a source type.*interview, fgd, observation, document/],
    [['type='], /not a source type/],
    [['language=Bahasa Indonesia'], /not a language code/],
    [['name=w02'], /"name" cannot be set.*sources rename/],
    [['file=x.txt'], /"file" cannot be set/],
    [[], /nothing to set/],
  ])('refuses %j', (args, message) => {
    expect(() => parseSourceSettings(args)).toThrow();
    try {
      parseSourceSettings(args);
    } catch (error) {
      expect((error as { format(): string }).format()).toMatch(message);
    }
  });
});

describe('isIsoDate', () => {
  it.each([['2024-02-29', true], ['2025-02-29', false], ['2025-12-31', true], ['2025-13-01', false], ['2025-1-01', false]])('%s → %s', (text, valid) => {
    expect(isIsoDate(text)).toBe(valid);
  });
});

describe('applySourceSettings', () => {
  it('sets fields, sets and removes attributes, and lists what changed', () => {
    const { fields: next, changes } = applySourceSettings(fields, parseSourceSettings(['site=Binjai', 'date=', 'mode=', 'recorder=Zoom', 'type=fgd', 'language=id']));
    expect(next).toEqual({ type: 'fgd', date: null, site: 'Binjai', language: 'id', attributes: { interviewer: 'Rina', recorder: 'Zoom' } });
    expect(changes).toEqual([
      { key: 'type', before: 'interview', after: 'fgd' },
      { key: 'date', before: '2025-03-14', after: null },
      { key: 'site', before: 'Medan', after: 'Binjai' },
      { key: 'mode', before: 'tatap muka', after: null },
      { key: 'recorder', before: null, after: 'Zoom' },
    ]);
    expect(fields.attributes).toHaveProperty('mode');
  });

  it('lets the last setting of a key win', () => {
    expect(applySourceSettings(fields, parseSourceSettings(['site=A', 'site=B'])).fields.site).toBe('B');
  });
});
