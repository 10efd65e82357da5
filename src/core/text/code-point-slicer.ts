/**
 * Slices one string by code-point offsets in O(1) per slice after an O(n) setup, for texts with
 * astral characters; strings without surrogates (most) need no table at all.
 */
export class CodePointSlicer {
  private readonly utf16At: Uint32Array | null;

  constructor(private readonly text: string) {
    if (!/[\uD800-\uDFFF]/.test(text)) {
      this.utf16At = null;
      return;
    }
    const table: number[] = [];
    for (let i = 0; i < text.length; i += 1) {
      table.push(i);
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i += 1;
      }
    }
    table.push(text.length);
    this.utf16At = Uint32Array.from(table);
  }

  /** The UTF-16 index of a code-point offset. */
  toUtf16(codePoint: number): number {
    if (this.utf16At === null) return codePoint;
    return this.utf16At[Math.min(codePoint, this.utf16At.length - 1)]!;
  }

  /** The text between two code-point offsets. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}
