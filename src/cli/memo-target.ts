/**
 * A memo target as typed (`source:w01`, `segment:w01:4.2`, …) found in the project: an unknown source,
 * segment, code or participant is an error naming the nearest (exit 2), never a memo on nothing.
 */
import { closest } from '../core/did-you-mean.js';
import { isMemoKind, parseMemoTarget, type MemoTarget } from '../core/memo-target.js';
import { parseSegmentAddress } from '../core/segment-address.js';
import { InputError } from '../errors.js';
import { listCodesInUse } from '../store/code-moves.js';
import { findSegments } from '../store/codings.js';
import type { MemoFilter, MemoPlace } from '../store/memos.js';
import { participantIdsByPseudonym } from '../store/participants.js';
import { listSourceNames } from '../store/sources.js';
import { currentCodebook } from './current-codebook.js';
import { requireSource } from './find-source.js';
import type { Project } from './open-project.js';

/** The target as the person named it (participant in its stored case) and where the store keeps it. */
export interface ResolvedTarget {
  target: MemoTarget;
  place: MemoPlace;
}

/** Finds a target in the project. */
export function resolveMemoTarget(project: Project, text: string): ResolvedTarget {
  const target = parseMemoTarget(text, (word) => bareWordHint(project, word));
  const { db } = project;
  switch (target.kind) {
    case 'project':
      return { target, place: { kind: 'project' } };
    case 'source':
      return { target, place: { kind: 'source', sourceId: requireSource(db, target.source).id } };
    case 'segment': {
      requireSource(db, target.source);
      const found = findSegments(db, target.source, parseSegmentAddress(target.segment)).segments[0];
      if (!found) {
        throw new InputError(`${target.source} has no segment ${target.segment}`, { hint: `See its turns and sentences with \`telaah sources show ${target.source} --sentences\`` });
      }
      return { target, place: { kind: 'segment', segmentId: found.id } };
    }
    case 'code':
      requireCode(project, target.code);
      return { target, place: { kind: 'code', code: target.code } };
    case 'participant': {
      const [pseudonym, id] = requireParticipant(project, target.participant);
      return { target: { kind: 'participant', participant: pseudonym }, place: { kind: 'participant', participantId: id } };
    }
  }
}

/** `memo list --target`: a kind alone (`code`), or a target (a source takes in its segments, a code the codes below it). */
export function resolveMemoFilter(project: Project, text: string): MemoFilter {
  const written = text.trim();
  if (isMemoKind(written) && written !== 'project') return { kind: written };
  const { place } = resolveMemoTarget(project, written);
  switch (place.kind) {
    case 'project':
      return { kind: 'project' };
    case 'source':
      return { sourceId: place.sourceId };
    case 'segment':
      return { segmentId: place.segmentId };
    case 'code':
      return { code: place.code };
    case 'participant':
      return { participantId: place.participantId };
  }
}

/** The codes a memo may be on: the current codebook's, and any with codings, decisions or memos. */
function knownCodes(project: Project): string[] {
  const codebook = currentCodebook(project, { optional: true })?.codebook;
  return [...new Set([...(codebook?.codes.map((c) => c.id) ?? []), ...listCodesInUse(project.db)])];
}

function requireCode(project: Project, code: string): void {
  const codes = knownCodes(project);
  if (codes.includes(code)) return;
  const near = closest(code, codes, 3);
  throw new InputError(`unknown code "${code}"`, {
    hint: near.length ? `Did you mean ${near.join(', ')}?` : codes.length ? 'List the codes with `telaah codebook show`' : 'The project has no codebook yet: choose one with `telaah codebook use FILE`',
  });
}

/** The participant's pseudonym as stored (any case finds it) and row id. */
function requireParticipant(project: Project, wanted: string): [string, number] {
  const ids = participantIdsByPseudonym(project.db);
  for (const [pseudonym, id] of ids) if (pseudonym.toLowerCase() === wanted.toLowerCase()) return [pseudonym, id];
  const near = closest(wanted, [...ids.keys()], 2);
  throw new InputError(`no participant "${wanted}"`, { hint: near.length ? `Did you mean ${near.join(' or ')}?` : 'List them with `telaah participants list`' });
}

/** For a word typed without a kind: the kind it would be, when the project holds something by that name. */
function bareWordHint(project: Project, word: string): string | undefined {
  if (listSourceNames(project.db).includes(word)) return `Did you mean source:${word}? (a segment: segment:${word}:T.S)`;
  if (knownCodes(project).includes(word)) return `Did you mean code:${word}?`;
  const participant = [...participantIdsByPseudonym(project.db).keys()].find((p) => p.toLowerCase() === word.toLowerCase());
  if (participant) return `Did you mean participant:${participant}?`;
  return undefined;
}
