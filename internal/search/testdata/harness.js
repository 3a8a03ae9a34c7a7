// Runs static/js/search.js in Node against an index folder, with just
// enough of a DOM, and prints what it showed for each query as JSON.
// Usage: node harness.js INDEX_DIR SEARCH_JS QUERIES_JSON
// MB_SCRIPT_ATTRS, a JSON object, adds or overrides the script's data-*
// attributes.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const [dir, clientPath, queriesPath] = process.argv.slice(2);
const client = fs.readFileSync(clientPath, 'utf8');
const queries = JSON.parse(fs.readFileSync(queriesPath, 'utf8'));

function element(tag) {
  let text = '';
  const e = {
    tagName: tag, children: [], attrs: {}, listeners: {}, hidden: false, parentNode: null,
    appendChild(c) { this.children.push(c); c.parentNode = this; if (this.onappend) this.onappend(c); return c; },
    removeChild(c) { this.children = this.children.filter((x) => x !== c); },
    insertBefore(c) { this.children.push(c); c.parentNode = this; },
    setAttribute(k, v) { this.attrs[k] = String(v); },
    removeAttribute(k) { delete this.attrs[k]; },
    getAttribute(k) { return k in this.attrs ? this.attrs[k] : null; },
    addEventListener(t, f) { this.listeners[t] = f; },
  };
  Object.defineProperty(e, 'textContent', {
    get() { return text + this.children.map((c) => c.textContent).join(''); },
    set(v) { text = String(v); this.children = []; },
  });
  return e;
}

function runOne(q) {
  return new Promise((resolve) => {
    const loaded = [];
    let bytes = 0;
    const head = element('head');
    const body = element('body');
    const ids = {};
    for (const id of ['search-form', 'q', 'search-status', 'search-results']) {
      ids[id] = element('div');
      body.appendChild(ids[id]);
    }
    const script = element('script');
    Object.assign(script.attrs, {
      'data-index': 'idx/', 'data-base': '', 'data-lang': 'en',
      'data-i18n-results': 'R{n}|{q}', 'data-i18n-none': 'N{n}|{q}', 'data-i18n-fallback': 'F{n}|{q}',
      'data-i18n-kind-task': 'Nhiệm vụ',
    }, JSON.parse(process.env.MB_SCRIPT_ATTRS || '{}'));
    const sandbox = {
      console, setTimeout, clearTimeout, URLSearchParams,
      location: { search: '?q=' + encodeURIComponent(q), pathname: '/tim-kiem/' },
      history: { replaceState() {} },
      document: {
        currentScript: script, head, documentElement: { lang: 'vi' },
        getElementById: (id) => ids[id] || null,
        createElement: (tag) => element(tag),
        createTextNode: (t) => ({ textContent: t }),
      },
    };
    sandbox.window = sandbox;
    const ctx = vm.createContext(sandbox);
    head.onappend = (s) => {
      setTimeout(() => {
        const file = path.join(dir, s.src.replace(/^idx\//, ''));
        if (!fs.existsSync(file)) { s.onerror(); return; }
        const src = fs.readFileSync(file, 'utf8');
        bytes += Buffer.byteLength(src);
        loaded.push(s.src);
        vm.runInContext(src, ctx);
        s.onload();
      }, 0);
    };
    vm.runInContext(client, ctx);
    const status = ids['search-status'];
    const list = ids['search-results'];
    const started = Date.now();
    (function wait() {
      if ((status.textContent === '' || list.attrs['aria-busy']) && Date.now() - started < 20000) {
        setTimeout(wait, 2);
        return;
      }
      const results = list.children.map((li) => ({
        href: li.children[0].href,
        title: li.children[0].textContent,
        titleLang: li.children[0].lang || '',
        snippetLang: li.children.filter((c) => c.tagName === 'p').map((p) => p.lang || '').join(','),
        spans: li.children.filter((c) => c.tagName === 'span').map((c) => c.className + ':' + c.textContent),
        marks: li.children.filter((c) => c.tagName === 'p').flatMap((p) => p.children.filter((c) => c.tagName === 'mark').map((c) => c.textContent)),
      }));
      resolve({ query: q, status: status.textContent, results, bytes, files: loaded.length });
    })();
  });
}

(async () => {
  const out = [];
  for (const q of queries) out.push(await runOne(q));
  process.stdout.write(JSON.stringify(out));
})();
