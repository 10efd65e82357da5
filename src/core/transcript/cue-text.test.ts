import { describe, expect, it } from 'vitest';
import { stripCueMarkup } from './cue-text.js';

describe('stripCueMarkup', () => {
  it.each([
    ['<i>miring</i> <b>tebal</b> <u>garis</u>', 'miring tebal garis'],
    ['<c.yellow.bg_blue>warna</c>', 'warna'],
    ['<lang id>kata</lang>', 'kata'],
    ['<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>', '漢字'],
    ['satu <00:00:01.500>dua <01:02.000>tiga', 'satu dua tiga'],
    ['{\\an8}Di atas', 'Di atas'],
    ['This { \\an2} is text', 'This { \\an2} is text'], // a space after '{' makes it text (ExoPlayer)
    ['<font color="#ffff00">Kuning</font>', 'Kuning'],
    ['&amp; &lt; &gt; &lrm;&rlm;&nbsp;', '& < > \u200E\u200F\u00A0'],
    ['&#233; &#xE9; &#x1F600;', 'é é 😀'],
    ['&lt;i&gt; stays text', '<i> stays text'], // decoded text is not parsed again
    ['AT&T &foo; &constructor; &#0; & ;', 'AT&T &foo; &constructor; &#0; & ;'],
    ['a < b > c', 'a < b > c'],
    ['<3 kamu', '<3 kamu'],
    ['  banyak\t\tspasi   di  sini ', 'banyak spasi di sini'],
    ['baris satu\n  <i>baris dua</i>\n\n', 'baris satu\nbaris dua'],
    ['<i>\n</i>tengah', 'tengah'],
  ])('%j → %j', (raw, clean) => {
    expect(stripCueMarkup(raw)).toBe(clean);
  });

  it('strips an unclosed voice opener but keeps its words', () => {
    expect(stripCueMarkup('<v Mary')).toBe('Mary');
  });
});
