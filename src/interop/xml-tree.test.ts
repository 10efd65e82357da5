import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { childrenNamed, parseXmlTree } from './xml-tree.js';

const fails = (xml: string): string => {
  try {
    parseXmlTree(xml, 'p.qde');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).format();
  }
  throw new Error('parsed');
};

describe('parseXmlTree', () => {
  it('resolves namespaces and prefixes, and keeps text and positions', () => {
    const root = parseXmlTree('<q:CodeBook xmlns:q="urn:QDA-XML:codebook:0:4"><q:Codes>\n<q:Code guid="A" name="x &amp; y"/></q:Codes></q:CodeBook>', 'c.qdc');
    expect([root.name, root.ns]).toEqual(['CodeBook', 'urn:QDA-XML:codebook:0:4']);
    const code = childrenNamed(childrenNamed(root, 'Codes')[0]!, 'Code')[0]!;
    expect(code.attributes).toEqual({ guid: 'A', name: 'x & y' });
    expect(code.line).toBe(2);
  });

  it('drops a BOM before the declaration', () => {
    expect(parseXmlTree('\ufeff<?xml version="1.0" encoding="utf-8"?><Project name="p"/>', 'p.qde').attributes).toEqual({ name: 'p' });
  });

  it('never expands an entity bomb and never fetches an external entity: a DOCTYPE is refused', () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Project name="&lol2;"/>';
    expect(fails(lol)).toMatch(/^p\.qde:1:\d+: a DOCTYPE declaration is not allowed in a REFI-QDA file\./);
    expect(fails('<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project>&x;</Project>')).toMatch(/DOCTYPE declaration is not allowed/);
  });

  it('refuses an undefined entity (no DTD is read to define one)', () => {
    expect(fails('<Project name="&x;"/>')).toMatch(/^p\.qde:1:\d+: not well-formed XML: undefined entity/);
  });

  it('names the place where a truncated file ends', () => {
    expect(fails('<Project>\n  <Users>\n    <User guid="a"')).toMatch(/^p\.qde:3:\d+: not well-formed XML: /);
  });
});
