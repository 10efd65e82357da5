/** Escaping for the HTML report: every string from a project (quotes come from transcripts) goes through here. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in double- or single-quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Free text (a quote, a memo) as paragraphs: blank lines part paragraphs, single line breaks stay. */
export function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** A code path in <code>, with a line-break chance after each slash so long paths wrap in narrow columns. */
export function codeHtml(code: string, className?: string): string {
  return `<code${className ? ` class="${className}"` : ''}>${esc(code).replace(/\//g, '/<wbr>')}</code>`;
}

/** A JSON value safe inside a <script> element (no `</script>` or `<!--` can close it early). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * An element id from a code path, one to one: letters, digits and dashes stay, a slash becomes a dot, any
 * other character its hex code between underscores (so `role/educator` is `code-role.educator`).
 */
export function anchorOf(prefix: string, code: string): string {
  let id = '';
  for (const ch of code) id += /[a-z0-9-]/.test(ch) ? ch : ch === '/' ? '.' : `_${(ch.codePointAt(0) ?? 0).toString(16)}_`;
  return `${prefix}-${id}`;
}

/** A table: header cells, then rows of cells already escaped (or built from escaped parts). */
export function table(head: readonly string[], rows: readonly (readonly string[])[], opts: { numeric?: readonly number[]; foot?: readonly string[]; caption?: string; className?: string } = {}): string {
  const num = new Set(opts.numeric ?? []);
  const cell = (tag: 'th' | 'td', c: string, i: number): string => `<${tag}${num.has(i) ? ' class="num"' : ''}${tag === 'th' ? ' scope="col"' : ''}>${c}</${tag}>`;
  return [
    `<div class="table-wrap"><table${opts.className ? ` class="${opts.className}"` : ''}>`,
    opts.caption ? `<caption>${opts.caption}</caption>` : '',
    `<thead><tr>${head.map((h, i) => cell('th', h, i)).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n')}</tbody>`,
    opts.foot ? `<tfoot><tr>${opts.foot.map((c, i) => cell('td', c, i)).join('')}</tr></tfoot>` : '',
    '</table></div>',
  ].join('');
}
