/**
 * SVG → PNG with resvg (a Rust SVG renderer shipped as a prebuilt Node addon: no browser, no canvas, no
 * network). resvg draws text only with the fonts it is given; it is handed DejaVu Sans from the system's
 * font folder (fonts-dejavu-core on Debian) and nothing else, so the pixels do not depend on what other
 * fonts a machine has. Without DejaVu it falls back to the system's fonts: still legible, just not
 * byte-identical across machines.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF', '/usr/local/share/fonts', '/opt/homebrew/share/fonts', '/Library/Fonts'];
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

let found: string[] | undefined;

/** The DejaVu Sans files on this machine (looked up once; the one file-system read of the renderers). */
export function chartFontFiles(): string[] {
  found ??= FONT_FILES.flatMap((f) => {
    const dir = FONT_DIRS.find((d) => existsSync(`${d}/${f}`));
    return dir ? [`${dir}/${f}`] : [];
  });
  return found;
}

/** The chart as a PNG, `scale` times its SVG size (2 prints sharply at the width Word shows it). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const fontFiles = chartFontFiles();
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: {
      fontFiles,
      loadSystemFonts: fontFiles.length === 0,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}
