import { describe, expect, it } from 'vitest';
import { GuidMaker, guidKey, uuidV5 } from './guid.js';

describe('uuidV5', () => {
  it('gives the RFC 4122 value (Python uuid.uuid5(NAMESPACE_DNS, "python.org"))', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313E1-3B8A-5372-9B90-0C9AEE199E5D');
  });

  it("gives Taguette's tag GUIDs (its namespace, upper case)", () => {
    expect(uuidV5('51B2B2B7-27EB-4ECB-9D56-E75B0A0496C2', 'interesting')).toBe('0D62985D-B147-5D01-A9B5-CAE5DCD98342');
  });

  it('is stable per kind and id, and differs between kinds and projects', () => {
    const a = new GuidMaker('0f6a3c52-1b1e-4c55-9d8e-2a8f0f7c1e10');
    const b = new GuidMaker('{1F6A3C52-1B1E-4C55-9D8E-2A8F0F7C1E10}');
    expect(a.of('code', 'role')).toBe(a.of('code', 'role'));
    expect(a.of('code', 'role')).not.toBe(a.of('user', 'role'));
    expect(a.of('code', 'role')).not.toBe(b.of('code', 'role'));
  });
});

describe('guidKey', () => {
  it.each([
    ['1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294', '1ff58b12-6f6f-4b0c-8be5-bbdc91f55294'],
    ['{5215cc69-b628-4e02-afb9-9beeaee55808}', '5215cc69-b628-4e02-afb9-9beeaee55808'],
    [' 5215CC69-B628-4E02-AFB9-9BEEAEE55808 ', '5215cc69-b628-4e02-afb9-9beeaee55808'],
  ])('reads %s', (written, key) => expect(guidKey(written)).toBe(key));

  it('refuses what is not a GUID', () => {
    expect(guidKey('c-emotions')).toBeUndefined();
    expect(guidKey('{5215cc69-b628-4e02-afb9-9beeaee55808')).toBeUndefined();
  });
});
