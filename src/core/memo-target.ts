/**
 * Memos: what a memo is, and how a person names what it is about — `project`, `source:w01-sumiati`,
 * `segment:w01-sumiati:4.2`, `code:barrier/economic`, `participant:Sumiati`. One prefix per kind, so a
 * target never depends on which names the project happens to hold.
 */
import { InputError } from '../errors.js';
import { closest } from './did-you-mean.js';
import { formatSegment, parseSegmentAddress } from './segment-address.js';

/** What a memo can be about. */
export const MEMO_KINDS = ['project', 'source', 'segment', 'code', 'participant'] as const;
export type MemoKind = (typeof MEMO_KINDS)[number];

/** A memo's target as a person names it (names, not row ids). */
export type MemoTarget =
  | { kind: 'project' }
  | { kind: 'source'; source: string }
  /** `segment` is `T` or `T.S`. */
  | { kind: 'segment'; source: string; segment: string }
  | { kind: 'code'; code: string }
  | { kind: 'participant'; participant: string };

/** A memo as commands show it and `memo list --json` prints it. */
export interface Memo {
  id: number;
  /** The target in the form `memo add` takes (see formatMemoTarget). */
  target: string;
  kind: MemoKind;
  /** The source of a source or segment memo. */
  source: string | null;
  /** A segment memo's address, `T` or `T.S`. */
  segment: string | null;
  code: string | null;
  participant: string | null;
  author: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

/** The forms a target is written in, for messages. */
export const TARGET_FORMS = 'project, source:NAME, segment:NAME:T.S, code:ID or participant:PSEUDONYM';

const EXAMPLE: Record<MemoKind, string> = {
  project: 'project',
  source: 'source:w01-sumiati',
  segment: 'segment:w01-sumiati:4.2',
  code: 'code:barrier/economic',
  participant: 'participant:Sumiati',
};

/**
 * Parses a target. A segment is one turn or sentence (`T` or `T.S`) after the last colon, so a source
 * name may itself hold a colon. A word without a kind is refused (`hintBare` may say which kind it is).
 */
export function parseMemoTarget(text: string, hintBare?: (word: string) => string | undefined): MemoTarget {
  const written = text.trim();
  if (written === 'project') return { kind: 'project' };
  const colon = written.indexOf(':');
  if (colon < 0) {
    const hint = hintBare?.(written);
    throw new InputError(`"${written}" is not a memo target`, { hint: hint ?? `Write ${TARGET_FORMS}, e.g. ${EXAMPLE.segment}` });
  }
  const kind = written.slice(0, colon).trim().toLowerCase();
  const rest = written.slice(colon + 1).trim();
  if (!(MEMO_KINDS as readonly string[]).includes(kind)) {
    // `w01:4.2` is a segment written without its kind.
    if (/^\d+(\.\d+)?$/.test(rest)) throw new InputError(`"${written}" is not a memo target`, { hint: `Did you mean segment:${written}?` });
    const near = closest(kind, MEMO_KINDS.filter((k) => k !== 'project'), 1);
    throw new InputError(`"${kind}" is not a kind of memo target`, { hint: near.length ? `Did you mean ${near[0]}:${rest}?` : `Write ${TARGET_FORMS}` });
  }
  if (kind === 'project') throw new InputError(`"${written}" is not a memo target`, { hint: 'A memo on the whole project is written project, with nothing after it' });
  if (!rest) throw new InputError(`${kind}: needs a name`, { hint: `For example ${EXAMPLE[kind as MemoKind]}` });
  switch (kind as Exclude<MemoKind, 'project'>) {
    case 'source':
      return { kind: 'source', source: rest };
    case 'code':
      return { kind: 'code', code: rest };
    case 'participant':
      return { kind: 'participant', participant: rest };
    case 'segment':
      return parseSegmentTarget(rest);
  }
}

function parseSegmentTarget(rest: string): MemoTarget {
  const last = rest.lastIndexOf(':');
  if (last <= 0) throw new InputError(`segment:${rest} names no segment`, { hint: `Write segment:NAME:T or segment:NAME:T.S, e.g. ${EXAMPLE.segment}` });
  const source = rest.slice(0, last).trim();
  const address = rest.slice(last + 1).trim();
  const { from, to } = parseSegmentAddress(address);
  if (from.turn !== to.turn || from.sentence !== to.sentence) {
    throw new InputError(`a memo is on one segment, not the range ${address}`, { hint: `Write one turn (T) or sentence (T.S), e.g. segment:${source}:${from.turn}${from.sentence ? `.${from.sentence}` : ''}` });
  }
  return { kind: 'segment', source, segment: formatSegment(from.turn, from.sentence) };
}

/** A target in the form `memo add` takes. */
export function formatMemoTarget(target: MemoTarget): string {
  switch (target.kind) {
    case 'project':
      return 'project';
    case 'source':
      return `source:${target.source}`;
    case 'segment':
      return `segment:${target.source}:${target.segment}`;
    case 'code':
      return `code:${target.code}`;
    case 'participant':
      return `participant:${target.participant}`;
  }
}

/** Whether `text` is a kind alone (`code`, `segment`, …), as `memo list --target` takes it. */
export function isMemoKind(text: string): text is MemoKind {
  return (MEMO_KINDS as readonly string[]).includes(text);
}
