import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { flags } from './flags.js';

/** Parses `argv` with the given options and returns what commander gives the action, or the error's message. */
function parse(options: ReturnType<typeof flags.json>[], argv: string[]): Record<string, unknown> | string {
  const program = new Command('t').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  for (const option of options) program.addOption(option);
  try {
    program.parse(argv, { from: 'user' });
    return program.opts();
  } catch (error) {
    if (error instanceof CommanderError) return error.message;
    throw error;
  }
}

describe('shared flags', () => {
  it('give --origin as a checked list, with the nearest origin for a typo', () => {
    expect(parse([flags.origin('origins')], ['--origin', 'manual, accepted'])).toEqual({ origin: ['manual', 'accepted'] });
    expect(parse([flags.origin('origins')], ['--origin', 'rejected'])).toMatch(/unknown origin "rejected"/);
    expect(parse([flags.origin('origins', ['auto', 'rejected'])], ['--origin', 'rejcted'])).toMatch(/Did you mean rejected\?/);
  });

  it('give --where as key and value', () => {
    expect(parse([flags.where('w')], ['--where', 'site = Medan'])).toEqual({ where: { key: 'site', value: 'Medan' } });
    expect(parse([flags.where('w')], ['--where', 'Medan'])).toMatch(/"Medan" is not key=value/);
    expect(parse([flags.where('w')], ['--where', 'source.site=Medan'])).toEqual({ where: { key: 'site', value: 'Medan', on: 'source' } });
    expect(parse([flags.where('w')], ['--where', 'participant.group=pekerja-sosial'])).toEqual({ where: { key: 'group', value: 'pekerja-sosial', on: 'participant' } });
  });

  it('give --codes as a list without repeats, and --unit as one of the units', () => {
    expect(parse([flags.codes('c')], ['--codes', 'a, b,,a'])).toEqual({ codes: ['a', 'b'] });
    expect(parse([flags.codes('c')], ['--codes', ' , '])).toMatch(/--codes needs code ids/);
    expect(parse([flags.unit('u')], ['--unit', 'turn'])).toEqual({ unit: 'turn' });
    expect(parse([flags.unit('u')], ['--unit', 'word'])).toMatch(/Allowed choices are sentence, turn/);
  });

  it('check numbers against their range', () => {
    const confidence = flags.number('--min-confidence <p>', 'p', { min: 0, max: 1, example: '0.6' });
    expect(parse([confidence], ['--min-confidence', '0.75'])).toEqual({ minConfidence: 0.75 });
    expect(parse([flags.number('--min-confidence <p>', 'p', { min: 0, max: 1, example: '0.6' })], ['--min-confidence', '1.5'])).toMatch(/takes a number between 0 and 1/);
    expect(parse([flags.number('--folds <k>', 'k', { min: 2, max: Number.MAX_SAFE_INTEGER, whole: true, example: '5' })], ['--folds', '2.5'])).toMatch(/takes a whole number/);
  });

  it('refuse an empty text value and trim the rest', () => {
    expect(parse([flags.coder('c')], ['--coder', ' rina '])).toEqual({ coder: 'rina' });
    expect(parse([flags.coder('c')], ['--coder', ' '])).toMatch(/--coder needs a value/);
  });

  it('offer the four source types', () => {
    expect(parse([flags.sourceType('t')], ['--type', 'fgd'])).toEqual({ type: 'fgd' });
    expect(parse([flags.sourceType('t')], ['--type', 'focus'])).toMatch(/Allowed choices are interview, fgd, observation, document/);
  });
});
