/**
 * A small XML writer for the REFI-QDA files: elements in the order they are written, attributes in the
 * order given, two-space indentation. Text is escaped, and characters XML 1.0 cannot carry (most control
 * characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD so the file always parses.
 */

/** An attribute list; undefined values are left out. */
export type Attributes = [name: string, value: string | number | boolean | undefined][];

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// Anything either escape changes: most values (GUIDs, times, numbers) have none and are returned as they are.
// eslint-disable-next-line no-control-regex
const SPECIAL = /[\u0000-\u001f&<>"\ud800-\udfff\ufffe\uffff]/;

/** `text` as element content: & < > escaped, CR kept as a reference (a parser would drop it). */
export function escapeText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(NOT_XML, '\ufffd').replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** `value` as an attribute value in double quotes: line ends and tabs as references (a parser turns them into spaces). */
export function escapeAttribute(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value
    .replace(NOT_XML, '\ufffd')
    .replace(/[&<>"\t\n\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' })[c]!);
}

/** Builds an XML document line by line: held whole (toString), or handed to a sink in pieces (finish). */
export class XmlWriter {
  private lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>'];
  private held = 0;
  private readonly open: string[] = [];

  /**
   * With `sink`, the lines go to it in pieces of about `piece` characters, each piece ending with a newline,
   * so a document larger than a string may be (a project of millions of codings) is never held whole.
   */
  constructor(
    private readonly sink?: (piece: string) => void,
    private readonly piece = 1 << 16,
  ) {}

  /** Opens an element that will have children. */
  start(name: string, attributes: Attributes = []): this {
    this.push(`${this.indent()}<${name}${renderAttributes(attributes)}>`);
    this.open.push(name);
    return this;
  }

  /** Closes the element opened last. */
  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter.end without start');
    this.push(`${this.indent()}</${name}>`);
    return this;
  }

  /** An element without children. */
  empty(name: string, attributes: Attributes = []): this {
    this.push(`${this.indent()}<${name}${renderAttributes(attributes)} />`);
    return this;
  }

  /** An element holding text only. */
  text(name: string, text: string, attributes: Attributes = []): this {
    this.push(`${this.indent()}<${name}${renderAttributes(attributes)}>${escapeText(text)}</${name}>`);
    return this;
  }

  /** The document, ending with a newline. */
  toString(): string {
    this.checkClosed();
    return `${this.lines.join('\n')}\n`;
  }

  /** Hands the sink the rest of the document (the writer was made with one). */
  finish(): void {
    this.checkClosed();
    this.flush();
  }

  private push(line: string): void {
    this.lines.push(line);
    if (this.sink === undefined) return;
    this.held += line.length + 1;
    if (this.held >= this.piece) this.flush();
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    const piece = `${this.lines.join('\n')}\n`;
    this.lines = [];
    this.held = 0;
    this.sink!(piece);
  }

  private checkClosed(): void {
    if (this.open.length > 0) throw new Error(`XmlWriter: <${this.open[this.open.length - 1]}> is still open`);
  }

  private indent(): string {
    return '  '.repeat(this.open.length);
  }
}

function renderAttributes(attributes: Attributes): string {
  let out = '';
  for (const [name, value] of attributes) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return out;
}
