/** Converts UTF-16 indexes of one text to 1-based line:col (col in code points), for increasing indexes. */
export class LineColLocator {
  private line = 1;
  private lineStart = 0;
  private scanned = 0;

  constructor(private readonly text: string) {}

  /** Line and column of `index`; indexes must not decrease between calls. */
  locate(index: number): { line: number; col: number } {
    for (; this.scanned < index; this.scanned += 1) {
      if (this.text.charCodeAt(this.scanned) === 10) {
        this.line += 1;
        this.lineStart = this.scanned + 1;
      }
    }
    let col = 1;
    for (let i = this.lineStart; i < index; i += 1) {
      const c = this.text.charCodeAt(i);
      if (!(c >= 0xdc00 && c <= 0xdfff)) col += 1;
    }
    return { line: this.line, col };
  }
}
