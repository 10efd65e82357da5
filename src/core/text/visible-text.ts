/**
 * Text from files and the project shown to a person, made safe to print. A file name, a speaker label or a
 * CSV header may hold control characters — ANSI escapes that clear the screen, retitle the terminal or
 * write its clipboard, a newline that fakes a second message, bidi overrides that show text in another
 * order — and a hostile file may make a message echo a megabyte. Names are stored as they are (they are
 * the real names, and JSON gives them exactly); they are escaped and cut here, where they are shown.
 */

// C0 controls, DEL, C1 controls, the line and paragraph separators, and the bidi embeddings, overrides and isolates.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_KEEP_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// A colour (SGR) escape of the styles telaah paints (bold, dim, inverse, foreground colours, and their
// resets); kept only where the caller painted the text itself. Others (conceal, blink, backgrounds) are escaped.
const COLOUR_OR_CONTROL = /\u001b\[(?:(?:0|1|2|7|22|27|3[0-79]|49|9[0-7]);)*(?:0|1|2|7|22|27|3[0-79]|49|9[0-7])?m|[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const COLOUR_OR_CONTROL_KEEP_LAYOUT = /\u001b\[(?:(?:0|1|2|7|22|27|3[0-79]|49|9[0-7]);)*(?:0|1|2|7|22|27|3[0-79]|49|9[0-7])?m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every control character written as an escape (`\n`, `\x1b`, `\u202e`) so printing it
 * cannot steer the terminal. `layout` keeps line breaks and tabs (a block of lines, TSV); `colour` keeps
 * colour escapes (text the caller painted).
 */
export function visibleText(text: string, options: { layout?: boolean; colour?: boolean } = {}): string {
  if (options.colour) return text.replace(options.layout ? COLOUR_OR_CONTROL_KEEP_LAYOUT : COLOUR_OR_CONTROL, (m) => (m.length > 1 ? m : escape(m)));
  return text.replace(options.layout ? CONTROL_KEEP_LAYOUT : CONTROL, escape);
}

/**
 * `text` with each control character replaced by one visible character (␛ for ESC, ␊ for a line feed, �
 * for those without a picture) and colour escapes kept: for a laid-out screen, where an escape written
 * out would change the widths the layout counted.
 */
export function controlPictures(text: string): string {
  return text.replace(COLOUR_OR_CONTROL, (m) => {
    if (m.length > 1) return m;
    const code = m.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd';
  });
}

/** `text` cut to at most about `max` characters: the start and the end, with what was left out counted. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let head = max - Math.floor(max / 4);
  let from = text.length - Math.floor(max / 4);
  // Never split a surrogate pair.
  if (/[\ud800-\udbff]/.test(text[head - 1] ?? '')) head -= 1;
  if (/[\udc00-\udfff]/.test(text[from] ?? '')) from += 1;
  return `${text.slice(0, head)} … (${(from - head).toLocaleString('en')} characters left out) … ${text.slice(from)}`;
}

/** The most of one message a person is shown: enough for any real path, label or line, not a megabyte. */
export const MESSAGE_MAX = 600;

/** A message as one safe line: control characters escaped, echoed input cut to MESSAGE_MAX characters. */
export function messageLine(text: string, max = MESSAGE_MAX): string {
  return clipText(visibleText(text), max);
}
