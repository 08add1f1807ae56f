/** The dashboard's style sheet, inline in the page and allowed by its hash (no style is loaded from anywhere). */
export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5d6577; --line: #d9dde5; --panel: #f5f6f9; --accent: #1f5fbf;
  --good: #1b7a3d; --good-bg: #e3f4e8; --waiting: #8a5a00; --waiting-bg: #fdf1d8; --bad: #b3261e; --bad-bg: #fbe4e2 }
* { box-sizing: border-box }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--ink); background: #fff }
header { display: flex; align-items: center; gap: 1.5rem; padding: .6rem 1.2rem; background: #16233b; color: #fff }
header h1 { font-size: 1.05rem; margin: 0; font-weight: 600 }
header .clock { font-variant-numeric: tabular-nums; opacity: .9 }
header label { margin-left: auto }
main { padding: .8rem 1.2rem 2rem }
a { color: var(--accent) }
#sign-in, #result { margin: .8rem 1.2rem 0; padding: .6rem .8rem; border-radius: 6px; white-space: pre-wrap; word-break: break-word }
#sign-in { background: var(--panel); border: 1px solid var(--line) }
#result.done { background: var(--good-bg); color: var(--good) }
#result.failed { background: var(--bad-bg); color: var(--bad) }
.bar { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .6rem 1.2rem; padding: .6rem .8rem; background: var(--panel);
  border: 1px solid var(--line); border-radius: 6px }
.action { display: inline-flex; flex-wrap: wrap; align-items: center; gap: .35rem }
.action textarea { width: 28rem; height: 5.5rem; font: 12px/1.3 ui-monospace, monospace }
.action input[type=number] { width: 7rem }
button { font: inherit; padding: .25rem .7rem; border: 1px solid #9aa3b5; border-radius: 5px; background: #fff; cursor: pointer }
button:hover { border-color: var(--accent) }
button.danger { color: var(--bad) }
nav.tabs { display: flex; flex-wrap: wrap; gap: .2rem; margin: 1rem 0 .4rem; border-bottom: 1px solid var(--line) }
nav.tabs a { padding: .35rem .7rem; text-decoration: none; color: var(--muted); border-radius: 5px 5px 0 0 }
nav.tabs a.current { color: var(--ink); background: var(--panel); border: 1px solid var(--line); border-bottom-color: var(--panel) }
section { margin-top: 1.2rem }
section h2 { font-size: 1.05rem; margin: 0 0 .4rem; display: flex; align-items: baseline; gap: .6rem }
section h2 .count { color: var(--muted); font-weight: 400; font-size: .9rem }
.section-actions { margin: .3rem 0 .5rem }
table { border-collapse: collapse; width: 100% }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top }
th { font-weight: 600; color: var(--muted); font-size: .85rem; background: var(--panel) }
tr:has(+ tr.more) td { border-bottom: 0 }
tr.more td { padding: 0 .5rem .25rem }
time, td .action { white-space: nowrap; flex-wrap: nowrap }
td code { overflow-wrap: anywhere; font-size: 11px }
.section-actions label, .bar label { color: var(--muted) }
.section-actions .action { align-items: flex-end }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace }
pre { margin: .2rem 0 .6rem; padding: .5rem; background: var(--panel); border-radius: 5px; overflow: auto; max-height: 24rem;
  white-space: pre-wrap; overflow-wrap: anywhere }
details summary { cursor: pointer; color: var(--muted) }
h4 { margin: .5rem 0 0; font-size: .85rem }
.tone { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .85rem }
.tone-good { color: var(--good); background: var(--good-bg) }
.tone-waiting { color: var(--waiting); background: var(--waiting-bg) }
.tone-bad { color: var(--bad); background: var(--bad-bg) }
.empty, .pager, .note { color: var(--muted) }
.pager { display: flex; gap: 1rem; margin: .5rem 0 }
`
