/**
 * @module The stylesheet of `<frontdesk-stock>`, adopted as a constructable stylesheet (allowed
 * under `style-src 'self'`). The same `--frontdesk-*` custom properties as the booking widget;
 * colours are `light-dark()` pairs meeting WCAG AA contrast.
 */
const stockCss = `
:host{display:block;min-height:var(--frontdesk-min-height,3rem);color-scheme:light;
--s:var(--frontdesk-surface,light-dark(#fff,#111827));--t:var(--frontdesk-text,light-dark(#1f2937,#f3f4f6));
--m:var(--frontdesk-muted,light-dark(#4b5563,#cbd5e1));--b:var(--frontdesk-border,light-dark(#767676,#8b93a1));
--ok:var(--frontdesk-in-stock,light-dark(#166534,#86efac));--low:var(--frontdesk-low-stock,light-dark(#92400e,#fcd34d));
--out:var(--frontdesk-out-of-stock,light-dark(#b91c1c,#fca5a5));--r:var(--frontdesk-radius,.5rem);
--a:var(--frontdesk-accent,light-dark(#1d4ed8,#93c5fd));--on-a:var(--frontdesk-on-accent,light-dark(#fff,#0b1220));
--ring:var(--frontdesk-focus,light-dark(#1d4ed8,#bfdbfe));
font-family:var(--frontdesk-font,system-ui,sans-serif);color:var(--t);line-height:1.5}
:host([theme=dark]){color-scheme:dark}:host([theme=auto]){color-scheme:light dark}
.st{display:grid;gap:.25rem}
p{margin:0}
.lvl{font-weight:600;display:inline-flex;align-items:center;gap:.4rem}
.lvl::before{content:"";width:.6rem;height:.6rem;border-radius:50%;background:currentColor}
.in_stock{color:var(--ok)}.low{color:var(--low)}.out{color:var(--out)}
ul{list-style:none;margin:0;padding:0;display:grid;gap:.15rem;font-size:.9rem}
li{display:flex;justify-content:space-between;gap:1rem}
.muted{color:var(--m);font-size:.85rem}
.rsv{display:grid;gap:.5rem;margin-top:.5rem}
form{display:grid;gap:.5rem;max-width:24rem}
.fld{display:grid;gap:.15rem}label{font-size:.9rem}
input,select,button{font:inherit;color:inherit;min-height:2.75rem;border-radius:var(--r);border:1px solid var(--b);
background:var(--s);padding:.4rem .6rem}
button{cursor:pointer;padding:.5rem 1rem;justify-self:start}
button:disabled{cursor:not-allowed;opacity:.6}
.primary{background:var(--a);color:var(--on-a);border-color:var(--a);font-weight:600}
.row{display:flex;gap:.5rem;flex-wrap:wrap}
:focus-visible{outline:3px solid var(--ring);outline-offset:2px}
[hidden]{display:none!important}
.msg:empty{display:none}
`;

let sheet: CSSStyleSheet | undefined;

/** The shared sheet (one per page, adopted by every stock element). */
export function stockSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(stockCss);
  }
  return sheet;
}
