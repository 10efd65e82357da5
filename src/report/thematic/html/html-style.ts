/** The HTML report's stylesheet: readable text on screen, a clean printout (no controls, no split quotes). */

export const REPORT_CSS = `
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9dce1; --accent: #1f5f99; --paper: #ffffff; --tint: #f4f6f9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 17px/1.6 Georgia, "DejaVu Serif", "Times New Roman", serif; }
.page { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1, h2, h3, h4, h5, h6, table, .filters, figcaption, .stats, .memo-head, .kicker, nav, .tag, .status, .flag, footer { font-family: "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
h1 { font-size: 2.3rem; line-height: 1.2; margin: 0.2rem 0 1rem; }
h2 { font-size: 1.6rem; margin: 3rem 0 1rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.3rem; margin: 2.2rem 0 0.6rem; }
h4 { font-size: 1.12rem; margin: 1.8rem 0 0.5rem; }
h5, h6 { font-size: 1rem; margin: 1.5rem 0 0.4rem; }
h3 code, h4 code, h5 code, h6 code { font-size: 0.72em; font-weight: normal; color: var(--muted); overflow-wrap: anywhere; }
a { color: var(--accent); }
.muted { color: var(--muted); }
.title-page { padding: 3rem 0 2rem; border-bottom: 1px solid var(--rule); }
.title-page p { margin: 0.2rem 0; }
.kicker { text-transform: uppercase; letter-spacing: 0.12em; font-size: 0.85rem; color: var(--muted); }
.scope { color: var(--muted); font-size: 0.95rem; }
nav.toc { margin: 2rem 0; padding: 1rem 1.5rem; background: var(--tint); border-radius: 6px; font-size: 0.95rem; }
nav.toc h2 { border: 0; margin: 0 0 0.5rem; font-size: 1.2rem; }
nav.toc ol { margin: 0; padding-left: 1.3rem; }
nav.toc ol ol { padding-left: 1.1rem; }
nav.toc li { margin: 0.1rem 0; }
.table-wrap { overflow-x: auto; margin: 0.8rem 0 1.2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.88rem; line-height: 1.4; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--rule); overflow-wrap: break-word; }
thead th { border-bottom: 2px solid var(--ink); background: var(--tint); }
tfoot td { font-weight: 600; border-top: 2px solid var(--ink); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { white-space: normal; }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0 1.5rem; }
section.theme { margin-left: 0; }
section.theme section.theme { margin-left: 1rem; padding-left: 1rem; border-left: 3px solid var(--tint); }
.definition { margin: 0.3rem 0 0.6rem; }
.stats { display: flex; flex-wrap: wrap; gap: 0.4rem 1.4rem; margin: 0.4rem 0; font-size: 0.9rem; }
.stats div { display: flex; gap: 0.35rem; }
.stats dt { color: var(--muted); }
.stats dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.by-coder, .triangulation { font-size: 0.9rem; margin: 0.3rem 0; }
.tag, .status, .flag { display: inline-block; font-size: 0.78rem; padding: 0.05rem 0.5rem; border-radius: 999px; border: 1px solid var(--rule); white-space: nowrap; }
.status-convergent { background: #e3f2e7; border-color: #8cc79b; }
.status-corroborated { background: #e2f0f7; border-color: #86bfdc; }
.status-single-source { background: #fff4d6; border-color: #e7c45a; }
.status-absent { background: #fbe3e1; border-color: #e39a93; }
.flag { background: #fff8e8; border-color: #e9cf8a; }
.quotes { margin: 0.8rem 0; }
figure.quote { margin: 0.9rem 0; padding: 0.2rem 0 0.2rem 1rem; border-left: 4px solid var(--accent); break-inside: avoid; }
figure.quote blockquote { margin: 0; font-style: italic; }
figure.quote blockquote p { margin: 0 0 0.3rem; }
figure.quote figcaption { font-size: 0.82rem; color: var(--muted); }
.memo { margin: 0.8rem 0; padding: 0.6rem 0.9rem; background: #fffbea; border: 1px solid #efe2b0; border-radius: 4px; font-size: 0.93rem; }
.memo p { margin: 0.2rem 0; }
.memo-head { font-size: 0.8rem; color: var(--muted); }
form.filters { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.7rem 1rem; margin: 1rem 0; background: var(--tint); border: 1px solid var(--rule); border-radius: 6px; font-size: 0.9rem; }
form.filters[hidden] { display: none; }
form.filters select { max-width: 18rem; font: inherit; }
form.filters button { font: inherit; }
.quote-count { color: var(--muted); }
.no-match { flex-basis: 100%; margin: 0; }
figure.chart { margin: 1.5rem 0; }
figure.chart .chart-scroll { overflow-x: auto; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 0.88rem; color: var(--muted); margin-top: 0.4rem; }
.joint td { min-width: 10rem; }
.joint .cell-count { font-weight: 600; font-family: "Segoe UI", Arial, "DejaVu Sans", sans-serif; }
.joint blockquote { margin: 0.3rem 0 0; font-style: italic; }
.joint .who { display: block; font-size: 0.78rem; color: var(--muted); font-style: normal; }
footer { margin-top: 4rem; font-size: 0.8rem; color: var(--muted); }
[hidden] { display: none !important; }
@media (max-width: 40rem) { body { font-size: 16px; } .page { padding: 1rem; } h1 { font-size: 1.8rem; } }
@media print {
  @page { size: A4; margin: 2cm 1.8cm; }
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  form.filters { display: none !important; }
  nav.toc, h2 { break-before: page; }
  h2, h3, h4, h5, h6 { break-after: avoid; }
  figure, table, .memo, .stats { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  thead { display: table-header-group; }
  .table-wrap, figure.chart .chart-scroll { overflow: visible; }
}
`;
