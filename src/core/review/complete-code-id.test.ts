import { describe, expect, it } from 'vitest';
import { candidatesFor, completeCodeInput, matchCodeIds, parseCodeInput } from './complete-code-id.js';

const IDS = ['strategy', 'strategy/tailored-education', 'strategy/registration-assistance', 'barrier', 'barrier/economic', 'role/educator'];

describe('code id completion', () => {
  it.each([
    ['', IDS],
    ['str', ['strategy', 'strategy/tailored-education', 'strategy/registration-assistance']],
    ['Barrier/', ['barrier/economic']],
    ['econ', ['barrier/economic']],
    ['edu', ['strategy/tailored-education', 'role/educator']],
    ['nothing', []],
  ])('matches %j', (word, expected) => {
    expect(matchCodeIds(word, IDS)).toEqual(expected);
  });

  it('extends to the common prefix, completes a single fit with a space, and works on the last word', () => {
    expect(completeCodeInput('str', IDS)).toEqual({ candidates: IDS.slice(0, 3), input: 'strategy' });
    expect(completeCodeInput('strategy/t', IDS)).toEqual({ candidates: ['strategy/tailored-education'], input: 'strategy/tailored-education ' });
    expect(completeCodeInput('barrier/economic strategy/r', IDS).input).toBe('barrier/economic strategy/registration-assistance ');
    expect(completeCodeInput('econ', IDS).input).toBe('barrier/economic ');
    expect(completeCodeInput('edu', IDS)).toEqual({ candidates: ['strategy/tailored-education', 'role/educator'], input: 'edu' });
    expect(completeCodeInput('zzz', IDS)).toEqual({ candidates: [], input: 'zzz' });
  });

  it('lists candidates for the word being typed and reads the ids written', () => {
    expect(candidatesFor('barrier/economic, ro', IDS)).toEqual(['role/educator']);
    expect(parseCodeInput(' barrier/economic, role/educator  barrier/economic ')).toEqual(['barrier/economic', 'role/educator']);
    expect(parseCodeInput('   ')).toEqual([]);
  });
});
