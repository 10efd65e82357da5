/** `--since DATE` (telaah log): a day or a moment, in local time, given to the command as ISO 8601 UTC. */
import { InvalidArgumentError, Option } from 'commander';

/** `2026-01-02` (from that day's local midnight) or `2026-01-02T14:30` / `2026-01-02 14:30[:ss]` (local), or ISO with a zone. */
export function parseSince(value: string): string {
  const text = value.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const at = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(text) ? new Date(text.replace(' ', 'T')) : undefined;
  // new Date(y, m, d) rolls 2026-02-31 over to March: such a day is a typo, not a date.
  const rolled = day && at && (at.getMonth() !== Number(day[2]) - 1 || at.getDate() !== Number(day[3]));
  if (!at || Number.isNaN(at.getTime()) || rolled) throw new InvalidArgumentError(`--since takes a date, e.g. --since 2026-01-31 or --since "2026-01-31 14:00"`);
  return at.toISOString();
}

/** The `--since` option. */
export function sinceOption(description: string): Option {
  return new Option('--since <date>', description).argParser(parseSince);
}
