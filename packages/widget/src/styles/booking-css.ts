/**
 * @module The widget's stylesheet, adopted into each shadow root as a constructable stylesheet
 * (allowed under `style-src 'self'`, where a <style> element would be blocked). Everything a site
 * may want to change is a `--frontdesk-*` custom property, which pierces the shadow boundary.
 * The loader's skeleton sheet stays adopted beside this one: it brings the `.sk` placeholder rules
 * and the reserved height. Colours meet WCAG AA contrast in both themes (text 4.5:1, borders of controls 3:1); `theme`
 * only switches `color-scheme`, and every colour is a `light-dark()` pair. Targets are at least
 * 44×44 px (AA asks 24). Every line of the sheet ends in `\`, a line continuation: the string has
 * no newlines, 35 B less gzip in the booking flow's 20 KB budget (the minifier leaves strings alone).
 */
export const bookingCss = `\
:host{color-scheme:light;\
--a:var(--frontdesk-accent,light-dark(#1d4ed8,#93c5fd));--on-a:var(--frontdesk-on-accent,light-dark(#fff,#0b1220));\
--s:var(--frontdesk-surface,light-dark(#fff,#111827));--t:var(--frontdesk-text,light-dark(#1f2937,#f3f4f6));\
--m:var(--frontdesk-muted,light-dark(#4b5563,#cbd5e1));--b:var(--frontdesk-border,light-dark(#767676,#8b93a1));\
--e:var(--frontdesk-error,light-dark(#b91c1c,#fca5a5));--ring:var(--frontdesk-focus,light-dark(#1d4ed8,#bfdbfe));\
--r:var(--frontdesk-radius,.5rem);font-family:var(--frontdesk-font,system-ui,sans-serif);color:var(--t);line-height:1.5}\
:host([theme=dark]){color-scheme:dark}:host([theme=auto]){color-scheme:light dark}\
*{box-sizing:border-box}\
.fd{background:var(--s);color:var(--t);border:1px solid var(--b);border-radius:var(--r);padding:1rem;\
display:grid;gap:1rem;max-width:40rem}\
h2,h3{margin:0;font-size:1.15rem;line-height:1.3}h3{font-size:1rem}\
h2:focus{outline:none}\
p{margin:0}\
.muted{color:var(--m);font-size:.9rem}\
button,.btn,input,select,textarea{font:inherit;color:inherit}\
button,.btn{min-height:2.75rem;min-width:2.75rem;padding:.5rem 1rem;border-radius:var(--r);\
border:1px solid var(--b);background:var(--s);cursor:pointer;text-decoration:none;display:inline-flex;\
align-items:center;justify-content:center;gap:.5rem}\
button:hover,.btn:hover{border-color:var(--a)}\
.primary{background:var(--a);color:var(--on-a);border-color:var(--a);font-weight:600}\
button:disabled,button[aria-disabled=true]{cursor:not-allowed;opacity:.6}\
:focus-visible{outline:3px solid var(--ring);outline-offset:2px}\
.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}\
.between{justify-content:space-between}\
.list{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}\
.svc{width:100%;justify-content:space-between;text-align:start}\
.cal{border-collapse:collapse;width:100%;table-layout:fixed}\
.cal th{font-size:.8rem;font-weight:600;color:var(--m);padding:.25rem 0}\
.cal td{padding:2px;text-align:center}\
.day{width:100%;padding:0;border-color:transparent;flex-direction:column;gap:0}\
.day.free{border-color:var(--b);font-weight:600}\
.day.free::after{content:'';display:block;width:.35rem;height:.35rem;border-radius:50%;background:var(--a)}\
[aria-selected=true]>.day{background:var(--a);color:var(--on-a);border-color:var(--a)}\
[aria-selected=true]>.day::after{background:var(--on-a)}\
.day.today{text-decoration:underline}\
.times{display:grid;grid-template-columns:repeat(auto-fill,minmax(6rem,1fr));gap:.5rem;list-style:none;margin:0;padding:0}\
.times button{width:100%}\
.field{display:grid;gap:.25rem}\
label{font-weight:600}\
input,select,textarea{min-height:2.75rem;padding:.5rem .75rem;border:1px solid var(--b);border-radius:var(--r);\
background:var(--s);width:100%}\
textarea{min-height:5rem}\
input[type=checkbox]{width:1.5rem;height:1.5rem;min-height:0;margin:0;accent-color:var(--a)}\
.check{display:flex;gap:.5rem;align-items:center}\
[aria-invalid=true]{border-color:var(--e);border-width:2px}\
.err{color:var(--e);font-size:.9rem}\
.notice{padding:.75rem;border-radius:var(--r);border:1px solid var(--b)}\
.notice.error{border-color:var(--e);color:var(--e)}\
.notice:empty{display:none}\
dialog{padding:0;border:0;background:transparent;max-width:min(40rem,calc(100vw - 2rem));width:100%;color:var(--t)}\
dialog::backdrop{background:rgb(0 0 0/.55)}\
dialog .fd{max-width:none;border:0}\
.fd-pop{background:var(--s);border-radius:var(--r);padding:.5rem;display:grid;gap:.25rem}\
.end{justify-content:flex-end}\
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}\
`;

let sheet: CSSStyleSheet | undefined;

/** One shared sheet for every widget on the page (adopted sheets may be shared across roots). */
export function bookingSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(bookingCss);
  }
  return sheet;
}
