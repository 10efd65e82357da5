import { InputError } from '../../errors.js';
import type { SpeakerRole } from '../model.js';
import { labelKey } from '../honorifics.js';

/** How speaker labels are recognised: interviewer labels, explicit map, known pseudonyms. */
export interface SpeakerRules {
  interviewerLabels: readonly string[];
  /** Explicit label → pseudonym map (from --speakers); labels compared case-insensitively. */
  speakerMap: ReadonlyMap<string, string>;
  /** Every known participant pseudonym. */
  pseudonyms: readonly string[];
}

/** What a label resolves to. */
export interface SpeakerResolution {
  role: SpeakerRole;
  participant: string | null;
}

/** The label in lower case without honorifics and trailing numbering ("Bu Sumiati" → "sumiati"). */
export function normalizeLabel(label: string): string {
  return labelKey(label.normalize('NFC'));
}

/** Compiles the rules into a resolver that answers for one label at a time (memoized). */
export function compileSpeakerResolver(rules: SpeakerRules): (label: string) => SpeakerResolution {
  const interviewer = new Set<string>();
  for (const label of rules.interviewerLabels) {
    interviewer.add(label.toLowerCase());
    interviewer.add(normalizeLabel(label));
  }
  const byPseudonym = new Map<string, string>();
  for (const pseudonym of rules.pseudonyms) byPseudonym.set(normalizeLabel(pseudonym), pseudonym);
  const mapped = new Map<string, string>();
  for (const [label, pseudonym] of rules.speakerMap) {
    const known = byPseudonym.get(normalizeLabel(pseudonym));
    if (!known && !interviewer.has(pseudonym.toLowerCase())) {
      throw new InputError(`the speaker map names "${pseudonym}" for "${label}", but no participant has that pseudonym`, {
        hint: 'Import the participant first (telaah participants import) or correct the map',
      });
    }
    mapped.set(label.toLowerCase(), known ?? pseudonym);
  }
  const cache = new Map<string, SpeakerResolution>();
  return (label) => {
    const cached = cache.get(label);
    if (cached) return cached;
    const lower = label.toLowerCase();
    const normal = normalizeLabel(label);
    // A trailing number ("Peneliti 2", "Moderator 1") still marks the interviewer.
    const withoutNumber = normal.replace(/\s*\d+$/, '');
    let resolution: SpeakerResolution;
    const explicit = mapped.get(lower);
    if (explicit !== undefined) {
      resolution = interviewer.has(explicit.toLowerCase())
        ? { role: 'interviewer', participant: null }
        : { role: 'participant', participant: explicit };
    } else if (interviewer.has(lower) || interviewer.has(normal) || interviewer.has(withoutNumber)) {
      resolution = { role: 'interviewer', participant: null };
    } else {
      resolution = { role: 'participant', participant: byPseudonym.get(normal) ?? null };
    }
    cache.set(label, resolution);
    return resolution;
  };
}
