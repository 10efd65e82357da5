import { describe, expect, it } from 'vitest';
import { mergeParticipant } from './merge-participant.js';

const stored = { pseudonym: 'Sumiati', group: 'pekerja-rentan', attributes: { site: 'Medan', gender: 'P' } };

describe('mergeParticipant', () => {
  it('replaces the attributes the row has and keeps the rest', () => {
    expect(mergeParticipant(stored, { pseudonym: 'Sumiati', group: null, attributes: { site: 'Binjai', age: '30-39' } })).toEqual({
      pseudonym: 'Sumiati',
      group: 'pekerja-rentan',
      attributes: { site: 'Binjai', gender: 'P', age: '30-39' },
    });
  });

  it('keeps a stored value where the row is empty, and replaces the group when the row has one', () => {
    expect(mergeParticipant(stored, { pseudonym: 'sumiati', group: 'pekerja-sosial', attributes: { site: ' ' } })).toEqual({
      pseudonym: 'sumiati',
      group: 'pekerja-sosial',
      attributes: { site: 'Medan', gender: 'P' },
    });
  });

  it('matches attribute names without regard to case, keeping the row’s spelling', () => {
    expect(mergeParticipant(stored, { pseudonym: 'Sumiati', group: '', attributes: { Site: 'Binjai' } }).attributes).toEqual({ gender: 'P', Site: 'Binjai' });
  });
});
