import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { parseWhere, resolveAttributeKey, resolveWhere } from './coding-filters.js';

const known = {
  participants: () =>
    new Map([
      ['group', ['pekerja-rentan', 'pekerja-sosial']],
      ['site', ['Bekasi', 'Medan']],
    ]),
  sourceKeys: () => new Set(['site', 'date', 'type', 'language', 'observer']),
  sourceValues: (key: string) => ({ site: ['Jakarta', 'Medan'], type: ['interview', 'observation'], observer: ['Peneliti 1', 'Peneliti 3'] })[key] ?? [],
};

function message(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.format();
    throw error;
  }
  throw new Error('no error');
}

describe('--where', () => {
  it("names a participant's attribute when participants have the key, else a source's", () => {
    expect(resolveWhere(parseWhere('site=Medan'), known)).toEqual({ on: 'participant', key: 'site', value: 'Medan' });
    expect(resolveWhere(parseWhere('observer=Peneliti 3'), known)).toEqual({ on: 'source', key: 'observer', value: 'Peneliti 3' });
    expect(resolveWhere(parseWhere('source.site=Jakarta'), known)).toEqual({ on: 'source', key: 'site', value: 'Jakarta' });
    expect(resolveWhere(parseWhere('participant.group=pekerja-sosial'), known)).toEqual({ on: 'participant', key: 'group', value: 'pekerja-sosial' });
  });

  it('answers a mistyped key or value with the nearest, and says when the other side has the value', () => {
    expect(message(() => resolveWhere(parseWhere('sitee=Medan'), known))).toBe('no participant or source attribute "sitee". Did you mean site?');
    expect(message(() => resolveWhere(parseWhere('obsrver=x'), known))).toBe('no participant or source attribute "obsrver". Did you mean observer?');
    expect(message(() => resolveWhere(parseWhere('source.grop=x'), known))).toMatch(/^no source field or attribute "grop"/);
    expect(message(() => resolveWhere(parseWhere('site=Medn'), known))).toBe('no participant has site=Medn. Did you mean Medan?');
    expect(message(() => resolveWhere(parseWhere('site=Jakarta'), known))).toMatch(/^no participant has site=Jakarta\..* \(sources have it: write source\.site=Jakarta\)$/);
  });
});

describe('--by', () => {
  it('resolves a key as --where does, or reports the nearest', () => {
    expect(resolveAttributeKey('site', known)).toEqual({ on: 'participant', key: 'site' });
    expect(resolveAttributeKey('source.site', known)).toEqual({ on: 'source', key: 'site' });
    expect(resolveAttributeKey('type', known)).toEqual({ on: 'source', key: 'type' });
    expect(message(() => resolveAttributeKey('grup', known))).toBe('no participant or source attribute "grup". Did you mean group?');
    expect(message(() => resolveAttributeKey('source.typ', known))).toMatch(/^no source field or attribute "typ"\. Did you mean source\.type/);
  });
});
