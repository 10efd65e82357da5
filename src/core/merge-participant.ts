import type { Participant } from './model.js';

/**
 * A stored participant updated from an imported row: the row's group and attributes replace the
 * stored ones of the same name (compared without case, the row's spelling kept); what the row leaves
 * out or empty keeps its stored value, so an import never clears a value.
 */
export function mergeParticipant(stored: Participant, row: Participant): Participant {
  const attributes = { ...stored.attributes };
  for (const [key, value] of Object.entries(row.attributes)) {
    if (!value.trim()) continue;
    for (const old of Object.keys(attributes)) if (old !== key && old.toLowerCase() === key.toLowerCase()) delete attributes[old];
    attributes[key] = value;
  }
  return { pseudonym: row.pseudonym, group: row.group?.trim() ? row.group : stored.group, attributes };
}
