/** How codes are named on the charts' axes: by label, made unique and cut to fit. */
import { fitText, fitTextMiddle } from './text-width.js';

/** Longest axis label, in pixels; longer labels are cut (the report's tables carry them whole). */
export const AXIS_LABEL_WIDTH = 230;
export const AXIS_FONT_SIZE = 11;

/**
 * One axis name per code, in order: its label (its id when it has none) cut at the end to
 * AXIS_LABEL_WIDTH. Names that would then read the same are cut in the middle instead, keeping the ends
 * that tell them apart, and failing that are the code ids: rows never merge.
 */
export function axisNames(codes: readonly { code: string; label: string }[], width = AXIS_LABEL_WIDTH, fontSize = AXIS_FONT_SIZE): string[] {
  const full = codes.map((c) => c.label.trim() || c.code);
  const attempts = [(s: string) => fitText(s, width, fontSize), (s: string) => fitTextMiddle(s, width, fontSize)];
  let names = full.map((s) => attempts[0]!(s));
  for (const attempt of [...attempts.slice(1), null]) {
    const clashing = clashes(names);
    if (clashing.size === 0) return names;
    names = names.map((n, i) => {
      if (!clashing.has(n)) return n;
      const code = codes[i]?.code ?? '';
      return attempt ? attempt(full[i] ?? '') : fitTextMiddle(`${full[i] === code ? '' : `${full[i]} `}(${code})`, width, fontSize);
    });
  }
  // Codes are unique, so only cuts can still clash: number what is left.
  const seen = new Set<string>();
  return names.map((n, i) => {
    const name = seen.has(n) ? fitText(`${i + 1}. ${n}`, width, fontSize) : n;
    seen.add(name);
    return name;
  });
}

function clashes(names: readonly string[]): Set<string> {
  const count = new Map<string, number>();
  for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
  return new Set([...count].filter(([, c]) => c > 1).map(([n]) => n));
}
