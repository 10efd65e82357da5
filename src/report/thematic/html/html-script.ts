/**
 * The quote filter, as plain browser JavaScript inlined into the report (no library, no network). It
 * shows the controls (hidden for readers without script), hides quotes that do not match, hides code
 * sections left without a shown quote while a filter is on, and says how many quotes are shown; it marks
 * <html data-filter="ready" data-quotes-shown="N"> so a test can see it ran.
 */
import type { ReportLabels } from '../labels.js';
import { scriptJson } from './html-escape.js';
import { ANY } from './html-themes.js';

const SCRIPT = `(function () {
  'use strict';
  var T = __TEXT__;
  var root = document.getElementById('themes');
  var form = root && root.querySelector('form.filters');
  if (!form) return;
  var quotes = Array.prototype.slice.call(root.querySelectorAll('.quote'));
  var sections = Array.prototype.slice.call(root.querySelectorAll('section.theme'));
  var count = form.querySelector('.quote-count');
  var none = form.querySelector('.no-match');
  // Whole numbers grouped by three as the rest of the report writes them (no browser locale data).
  var fmt = function (n) { return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, T.group); };
  function matches(q, code, type, group) {
    var c = q.getAttribute('data-code');
    return (!code || c === code || c.indexOf(code + '/') === 0) &&
      (!type || q.getAttribute('data-source-type') === type) &&
      (group === T.any || q.getAttribute('data-group') === group);
  }
  function apply() {
    var code = form.elements.code.value, type = form.elements.type.value, group = form.elements.group.value;
    var shown = 0;
    quotes.forEach(function (q) {
      var ok = matches(q, code, type, group);
      q.hidden = !ok;
      if (ok) shown += 1;
    });
    var active = code !== '' || type !== '' || group !== T.any;
    sections.forEach(function (s) {
      s.hidden = active && !s.querySelector('.quote:not([hidden])');
    });
    count.textContent = T.shown.replace('{shown}', fmt(shown)).replace('{total}', fmt(quotes.length));
    none.hidden = shown > 0;
    document.documentElement.setAttribute('data-quotes-shown', String(shown));
  }
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
  document.documentElement.setAttribute('data-filter', 'ready');
})();`;

/** The filter script with its phrases in the report's language. */
export function filterScript(L: ReportLabels): string {
  return SCRIPT.replace('__TEXT__', scriptJson({ group: L.digitGroup, any: ANY, shown: L.quotesShown('{shown}', '{total}') }));
}
