/**
 * GUIDs for REFI-QDA. telaah derives them (UUID version 5: SHA-1 of a namespace and a name), so the same
 * project gives the same GUIDs on every export: a code, a source or a memo keeps its identity from one
 * export to the next, and another tool can match them up. Other tools write GUIDs in either case, with or
 * without braces; they are compared through `guidKey`.
 */
import * as crypto from 'node:crypto';

const HEX = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const GUID = new RegExp(`^(?:\\{(${HEX})\\}|(${HEX}))$`, 'i');

/** The UUID version 5 of `name` in `namespace` (RFC 4122 §4.3), upper case as ATLAS.ti and MAXQDA write them. */
export function uuidV5(namespace: string, name: string): string {
  return uuidV5Of(namespaceBytes(namespace), name);
}

function namespaceBytes(namespace: string): Buffer {
  const ns = Buffer.from(guidKey(namespace)?.replace(/-/g, '') ?? '', 'hex');
  if (ns.length !== 16) throw new Error(`not a UUID namespace: ${namespace}`);
  return ns;
}

// One-shot SHA-1 where Node has it (20.12): an export derives a GUID for each of millions of codings, and a
// Hash object per GUID cost more than the hashing.
const oneShot = (crypto as { hash?: (algorithm: string, data: Buffer, encoding: 'buffer') => Buffer }).hash;

function uuidV5Of(ns: Buffer, name: string): string {
  const hash = oneShot ? oneShot('sha1', Buffer.concat([ns, Buffer.from(name, 'utf8')]), 'buffer') : crypto.createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The GUID in one form (lower case, no braces) for comparing, or undefined when it is not a GUID. */
export function guidKey(text: string): string | undefined {
  const match = GUID.exec(text.trim());
  return match ? (match[1] ?? match[2])!.toLowerCase() : undefined;
}

/** Derives the GUIDs of one project: `kind` and a stable id name each thing. */
export class GuidMaker {
  private readonly ns: Buffer;
  constructor(namespace: string) {
    this.ns = namespaceBytes(namespace);
  }

  /** The GUID of the thing of this kind with this stable id. */
  of(kind: string, id: string | number): string {
    return uuidV5Of(this.ns, `telaah:${kind}:${id}`);
  }
}
