/** Times for people: how long ago, on a terminal; the ISO time itself goes to pipes and JSON. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const two = (n: number): string => String(n).padStart(2, '0');

/** A local date and time, `2026-01-02 14:03`. */
export function formatLocalTime(at: Date): string {
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/**
 * `just now`, `12 min ago`, `3 h ago` within a day of `now`; before that (or after `now`, a clock set
 * wrong) the local date and time.
 */
export function formatWhen(iso: string, now: Date): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const ago = now.getTime() - at.getTime();
  if (ago < 0 || ago >= 24 * HOUR) return formatLocalTime(at);
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  return `${Math.floor(ago / HOUR)} h ago`;
}
