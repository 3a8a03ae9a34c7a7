/*
 * minhbach search: the browser half of internal/search (read the index
 * format and the query algorithm in internal/search/search.go; the ranking
 * here must stay the same as Query there).
 *
 * Plain ES2017, no dependencies, no build step. Index files are loaded with
 * <script src> tags, each calling window.__mbShard(key, data), which works
 * over http, at any sub-path and from file:// (where fetch() is blocked).
 *
 * The page holds #search-form, #q, #search-status, #search-results, and:
 *   <script src=".../js/search.js"
 *     data-index="URL of the index folder, ending with /"
 *     data-base="URL of the site root for this language, ending with /"
 *     data-lang="vi"                         (optional: number format)
 *     data-folder-index="index.html"  (optional: appended to a result's
 *                                     folder link; a --relative build's
 *                                     pages say so, as file:// opens no
 *                                     folder's index.html)
 *     data-i18n-results="{n} kết quả cho “{q}”"
 *     data-i18n-none="Không tìm thấy kết quả nào cho “{q}”."
 *     data-i18n-fallback="Không có kết quả chứa mọi từ; {n} kết quả chứa một số từ của “{q}”"
 *     data-i18n-or="hoặc"    (without -fallback: the results message, its {q}
 *                             the words joined by " hoặc "; without both, a
 *                             Vietnamese default)
 *     data-i18n-loading="Đang tìm…"
 *     data-i18n-error="Không tải được chỉ mục tìm kiếm."
 *     data-i18n-more="Xem thêm kết quả"
 *     data-i18n-kind-task="Nhiệm vụ" (and -milestone, -agency, -report, -page)
 *   ></script>
 * {n} is the number of results, {q} the query as typed.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var form = document.getElementById('search-form');
  var input = document.getElementById('q');
  var statusEl = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!script || !form || !input || !statusEl || !list) return;

  // Must match internal/search.
  var FORMAT_VERSION = 2, PAGE = 20, MAX_WORDS = 8, MAX_COMPLETIONS = 8;
  var PREFIX_BUDGET = 16384, MAX_TOKEN_RUNES = 40, MAX_TITLE_LEN = 31;
  // Score weights (query.go): a word in the title, a phrase pair of whole
  // words, a phrase pair ending with a completion; pairs in the title count
  // twice.
  var TITLE_WEIGHT = 1, PHRASE_WEIGHT = 2, COMPLETION_PHRASE_WEIGHT = 1;
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  function attr(name, fallback) {
    var v = script.getAttribute('data-' + name);
    return v === null ? fallback : v;
  }
  function folder(url) { return url && url.slice(-1) !== '/' ? url + '/' : url; }
  var indexURL = folder(attr('index', 'chi-muc/'));
  var baseURL = folder(attr('base', ''));
  var folderIndex = attr('folder-index', '');
  var lang = attr('lang', document.documentElement.lang || '');
  var FALLBACK = 'Không có kết quả chứa tất cả các từ; {n} kết quả chứa một số từ.';
  var text = {
    results: attr('i18n-results', '{n} kết quả'),
    none: attr('i18n-none', 'Không tìm thấy kết quả'),
    fallback: attr('i18n-fallback', ''),
    or: attr('i18n-or', ''),
    loading: attr('i18n-loading', 'Đang tìm…'),
    error: attr('i18n-error', 'Không tải được chỉ mục tìm kiếm.'),
    more: attr('i18n-more', 'Xem thêm')
  };

  // ---- Words: the same rules as internal/search (text.go) ----

  var WORD_RE, MARK_RE;
  try {
    WORD_RE = new RegExp('[\\p{L}\\p{N}\\p{M}]+', 'gu');
    MARK_RE = new RegExp('\\p{Mn}', 'gu');
  } catch (e) { // engines without Unicode property escapes: Latin only
    WORD_RE = /[0-9A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0300-\u036F\u1E00-\u1EFF]+/g;
    MARK_RE = /[\u0300-\u036F]/g;
  }

  function fold(s) {
    return s.normalize('NFD').replace(MARK_RE, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  function runes(s) { return Array.from(s).length; }

  // splitQuery returns [{form, fold, prefix}], at most MAX_WORDS; the last
  // word is a prefix when its token has two runes or more.
  function splitQuery(q) {
    var words = [], m;
    WORD_RE.lastIndex = 0;
    while ((m = WORD_RE.exec(q)) !== null && words.length < MAX_WORDS) {
      var f = fold(m[0]);
      if (f === '' || runes(f) > MAX_TOKEN_RUNES) continue;
      words.push({ form: m[0].normalize('NFC').toLowerCase(), fold: f, prefix: false });
    }
    var last = words[words.length - 1];
    if (last && runes(last.fold) >= 2) last.prefix = true;
    return words;
  }

  // ---- Loading index files ----

  var loaded = {}, waiting = {};
  window.__mbShard = function (key, value) {
    var resolve = waiting[key];
    if (resolve) { delete waiting[key]; resolve(value); }
  };

  function load(key) {
    if (!loaded[key]) {
      loaded[key] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        var got = false;
        waiting[key] = function (v) { got = true; resolve(v); };
        function fail() {
          delete waiting[key];
          delete loaded[key]; // let a later search try again
          reject(new Error('search index: cannot load ' + key));
        }
        s.onload = function () { s.parentNode.removeChild(s); if (!got) fail(); };
        s.onerror = function () { s.parentNode.removeChild(s); fail(); };
        s.src = indexURL + key + '.js';
        document.head.appendChild(s);
      });
    }
    return loaded[key];
  }

  // ---- Sets (codec.go) ----

  var DIGIT = new Int8Array(128).fill(-1);
  for (var i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

  function bad() { return new Error('search index: malformed data'); }
  function digit(s, i) {
    var c = s.charCodeAt(i), d = c < 128 ? DIGIT[c] : -1;
    if (d < 0) throw bad();
    return d;
  }

  function Reader(s, pos) { this.s = s; this.pos = pos || 0; }
  Reader.prototype.done = function () { return this.pos >= this.s.length; };
  Reader.prototype.varint = function () {
    var v = 0;
    for (var shift = 0; ; shift += 5) {
      if (this.pos >= this.s.length || shift > 25) throw bad();
      var d = digit(this.s, this.pos++);
      v |= (d & 31) << shift;
      if (d < 32) return v;
    }
  };
  // rice reads Rice-coded gaps, from just after the kind letter.
  Reader.prototype.rice = function () {
    var count = this.varint();
    if (this.pos >= this.s.length) throw bad();
    var k = digit(this.s, this.pos++);
    if (k > 30 || count > 6 * this.s.length) throw bad();
    var s = this.s, bitPos = this.pos * 6, out = [];
    function bit() {
      var j = Math.floor(bitPos / 6);
      if (j >= s.length) throw bad();
      var b = (digit(s, j) >> (5 - bitPos % 6)) & 1;
      bitPos++;
      return b;
    }
    for (var n = 0; n < count; n++) {
      var v = 0;
      while (bit() === 1) v++;
      for (var b = 0; b < k; b++) v = v * 2 + bit();
      out.push(v);
    }
    this.pos = s.length;
    return out;
  };

  // decodeSet returns the sorted indices of an encoded subset of a base of n.
  function decodeSet(s, n) {
    if (!s) return [];
    var r = new Reader(s, 1), kind = s[0], gaps = [], out = [], prev = -1, j;
    if (kind === 'l' || kind === 'c') {
      while (!r.done()) gaps.push(r.varint());
    } else if (kind === 'r' || kind === 's') {
      gaps = r.rice();
    }
    if (kind === 'l' || kind === 'r') {
      for (j = 0; j < gaps.length; j++) {
        prev += gaps[j] + 1;
        if (prev >= n) throw bad();
        out.push(prev);
      }
    } else if (kind === 'c' || kind === 's') {
      var next = 0;
      for (j = 0; j < gaps.length; j++) {
        prev += gaps[j] + 1;
        if (prev >= n) throw bad();
        for (; next < prev; next++) out.push(next);
        next = prev + 1;
      }
      for (; next < n; next++) out.push(next);
    } else if (kind === 'b') {
      for (j = 1; j < s.length; j++) {
        var d = digit(s, j);
        for (var b = 0; b < 6; b++) {
          if (d & (1 << b)) {
            var v = (j - 1) * 6 + b;
            if (v >= n) throw bad();
            out.push(v);
          }
        }
      }
    } else {
      throw bad();
    }
    return out;
  }

  // setString resolves a set reference: the set itself, or a p/ file number.
  async function setString(ref) {
    if (typeof ref === 'string') return ref;
    if (typeof ref === 'number') {
      var s = await load('p/' + ref);
      if (typeof s === 'string') return s;
    }
    throw bad();
  }

  // subset returns the documents of the set ref, a subset of base.
  async function subset(ref, base) {
    var idx = decodeSet(await setString(ref), base.length);
    for (var j = 0; j < idx.length; j++) idx[j] = base[idx[j]];
    return idx;
  }

  // ---- Query (query.go) ----

  function field(e, i) { return e.length > i ? e[i] : ''; }

  var shards = {}; // dictionary shard number → its entries

  async function shard(man, i) {
    var raw = await load('d/' + i);
    if (!shards[i]) {
      var firstId = man.dict[2 * i + 1];
      shards[i] = raw.map(function (e, k) {
        return { id: firstId + k, token: e[0], df: e[1], d: e[2], v: field(e, 3), t: field(e, 4), g: field(e, 5), docs: null };
      });
    }
    return shards[i];
  }

  async function docsOf(e, n) {
    if (!e.docs) e.docs = decodeSet(await setString(e.d), n);
    return e.docs;
  }

  function estimateBytes(df, n) { return Math.min(Math.ceil(n / 6), 2 * Math.min(df, n - df)) + 16; }

  // lookup finds the word's own entry and the tokens it stands for.
  async function lookup(man, w) {
    var dict = man.dict, count = dict.length / 2, lo = 0, hi = count;
    while (lo < hi) { // first shard whose first token is after w.fold
      var mid = (lo + hi) >> 1;
      if (dict[2 * mid] > w.fold) hi = mid; else lo = mid + 1;
    }
    var found = [];
    w.exact = null;
    w.comps = [];
    for (var j = Math.max(lo - 1, 0); j < count; j++) {
      var first = dict[2 * j];
      if (first > w.fold && !(w.prefix && first.startsWith(w.fold))) break;
      var es = await shard(man, j);
      for (var k = 0; k < es.length; k++) {
        var e = es[k];
        if (e.token === w.fold) { w.exact = e; found.push(e); }
        else if (w.prefix && e.token.startsWith(w.fold)) found.push(e);
      }
      if (!w.prefix) break;
    }
    found.sort(function (a, b) {
      return b.df - a.df || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0);
    });
    if (w.exact) w.comps.push(w.exact);
    var spent = 0;
    for (var c = 0; c < found.length && w.comps.length < MAX_COMPLETIONS; c++) {
      if (found[c] === w.exact) continue;
      var cost = estimateBytes(found[c].df, man.docs);
      if (spent + cost <= PREFIX_BUDGET) { w.comps.push(found[c]); spent += cost; }
    }
  }

  // scoring returns the tokens that score w (title, phrase): its own token
  // when the index has it, else its completions.
  function scoring(w) { return w.exact ? [w.exact] : w.comps; }

  // titles returns {docs, lens}: the documents with e in their title and
  // the number of words of each title.
  async function titles(e, n) {
    var s = await setString(e.t), base = await docsOf(e, n), dot = s.indexOf('.');
    if (dot < 0) throw bad();
    var docs = decodeSet(s.slice(0, dot), base.length), r = new Reader(s.slice(dot + 1)), lens = [];
    for (var j = 0; j < docs.length; j++) { docs[j] = base[docs[j]]; lens.push(r.varint()); }
    if (!r.done()) throw bad();
    return { docs: docs, lens: lens };
  }

  function bitCount(x) { var c = 0; for (; x; x &= x - 1) c++; return c; }

  function union(sets) {
    if (sets.length === 1) return sets[0];
    var seen = {}, out = [];
    sets.forEach(function (s) { s.forEach(function (d) { if (!seen[d]) { seen[d] = true; out.push(d); } }); });
    return out;
  }
  function add(count, set) { for (var j = 0; j < set.length; j++) count[set[j]]++; }

  async function exactDocs(w, n) {
    var e = w.exact;
    if (!e) return [];
    var docs = await docsOf(e, n);
    if (w.form === w.fold) return docs;
    if (typeof e.v === 'string') return e.v === w.form ? docs : [];
    for (var j = 0; j + 1 < e.v.length; j += 2) {
      if (e.v[j] === w.form) return subset(e.v[j + 1], docs);
    }
    return [];
  }

  async function pairDocs(w, next, n) {
    var e = w.exact;
    if (!e || e.g === '' || scoring(next).length === 0) return [];
    var nexts = scoring(next);
    var base = await docsOf(e, n), want = {}, groups = [];
    nexts.forEach(function (c) { want[c.id] = true; });
    if (typeof e.g === 'string') {
      groups = [e.g];
    } else {
      var dir = typeof e.g === 'number' ? await load('b/' + e.g) : e.g;
      var parts = dir.length / 2, keys = [];
      nexts.forEach(function (c) {
        var p = -1;
        for (var j = 0; j < parts && dir[2 * j] <= c.id; j++) p = j;
        if (p >= 0 && keys.indexOf(dir[2 * p + 1]) < 0) keys.push(dir[2 * p + 1]);
      });
      groups = await Promise.all(keys.map(function (k) { return load('b/' + k); }));
    }
    var sets = [];
    for (var g = 0; g < groups.length; g++) {
      var r = new Reader(groups[g]), id = 0;
      while (!r.done()) {
        id += r.varint();
        var len = r.varint(), ref;
        if (len > 0) {
          if (r.pos + len > r.s.length) throw bad();
          ref = r.s.substr(r.pos, len);
          r.pos += len;
        } else {
          ref = r.varint();
        }
        if (want[id]) sets.push(await subset(ref, base));
      }
    }
    return union(sets);
  }

  // run answers a query: {total, fallback, ranked (document numbers), man}.
  async function run(words) {
    var man = await load('manifest');
    if (!man || man.v !== FORMAT_VERSION) throw bad();
    var n = man.docs, k = words.length, d;
    await Promise.all(words.map(function (w) { return lookup(man, w); }));
    if (!words.some(function (w) { return w.comps.length > 0; })) return { total: 0, ranked: [], man: man };

    var exact = new Uint8Array(n), matched = new Uint8Array(n), score = new Uint8Array(n);
    // inTitle: bit i set when word i is in the title; titleLen: its words.
    var inTitle = new Uint8Array(n), titleLen = new Uint8Array(n);
    var perWord = await Promise.all(words.map(async function (w, i) {
      var m = await Promise.all(w.comps.map(function (c) { return docsOf(c, n); }));
      var t = await Promise.all(scoring(w).filter(function (c) { return c.t !== ''; }).map(function (c) { return titles(c, n); }));
      return {
        m: union(m), t: t,
        e: await exactDocs(w, n),
        p: i + 1 < k ? await pairDocs(w, words[i + 1], n) : []
      };
    }));
    perWord.forEach(function (s, i) {
      add(matched, s.m);
      add(exact, s.e);
      s.t.forEach(function (t) {
        for (var j = 0; j < t.docs.length; j++) { inTitle[t.docs[j]] |= 1 << i; titleLen[t.docs[j]] = t.lens[j]; }
      });
    });
    for (d = 0; d < n; d++) score[d] = TITLE_WEIGHT * bitCount(inTitle[d]);
    for (var i = 0; i + 1 < k; i++) {
      var weight = words[i + 1].exact ? PHRASE_WEIGHT : COMPLETION_PHRASE_WEIGHT, ps = perWord[i].p;
      for (var j = 0; j < ps.length; j++) {
        score[ps[j]] += ((inTitle[ps[j]] >> i) & 3) === 3 ? 2 * weight : weight;
      }
    }
    // fit: 32 less the title's words that are not query words, 0 when no
    // query word is in the title.
    var fit = new Uint8Array(n);
    for (d = 0; d < n; d++) {
      if (inTitle[d]) fit[d] = MAX_TITLE_LEN + 1 - Math.max(0, titleLen[d] - bitCount(inTitle[d]));
    }

    var cand = [], fallback = false;
    for (d = 0; d < n; d++) if (matched[d] === k) cand.push(d);
    if (cand.length === 0 && k > 1) {
      for (d = 0; d < n; d++) if (matched[d] > 0) cand.push(d);
      fallback = cand.length > 0;
    }
    cand.sort(function (a, b) {
      return matched[b] - matched[a] || exact[b] - exact[a] || score[b] - score[a] ||
        bitCount(inTitle[b]) - bitCount(inTitle[a]) || fit[b] - fit[a] || a - b;
    });
    return { total: cand.length, fallback: fallback, ranked: cand, man: man };
  }

  // meta returns [url, title, kind, status, excerpt] of document d.
  async function meta(man, d) {
    var rows = await load('m/' + Math.floor(d / man.chunk));
    var row = rows[d % man.chunk];
    return [row[0], row[1], man.kinds[row[2]] || '', man.statuses[row[3]] || '', row[4]];
  }

  // ---- Showing results ----

  function format(msg, n, q) {
    var num = String(n);
    try { num = n.toLocaleString(lang || undefined); } catch (e) { /* keep digits */ }
    // Functions, not strings, as replacements: a query may hold "$&".
    return msg.replace(/\{n\}/g, function () { return num; }).replace(/\{q\}/g, function () { return q; });
  }

  function el(tag, cls, content) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content) e.textContent = content;
    return e;
  }

  // href keeps a document's URL inside the site: never a scheme or a host.
  function href(url) {
    url = String(url);
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.slice(0, 2) === '//' || url.charAt(0) === '/') url = './' + url.replace(/^\/+/, '');
    if (folderIndex) {
      var cut = url.search(/[?#]/), path = cut < 0 ? url : url.slice(0, cut);
      if (path === '' || path.slice(-1) === '/') url = path + folderIndex + url.slice(path.length);
    }
    return baseURL + url;
  }

  function isMatch(words, f) {
    for (var j = 0; j < words.length; j++) {
      var w = words[j];
      if (f === w.fold || (w.prefix && f.startsWith(w.fold))) return true;
    }
    return false;
  }

  // snippet fills p with about 180 characters of the excerpt around the
  // first matched word, matched words wrapped in <mark> (text nodes only).
  function snippet(p, excerpt, words) {
    var marks = [], m, SPAN = 180;
    WORD_RE.lastIndex = 0;
    while ((m = WORD_RE.exec(excerpt)) !== null) {
      if (isMatch(words, fold(m[0]))) marks.push([m.index, m.index + m[0].length]);
    }
    var start = 0, end = excerpt.length;
    if (end > SPAN) {
      if (marks.length) start = Math.max(0, marks[0][0] - 60);
      if (start > 0) { var sp = excerpt.indexOf(' ', start); start = sp >= 0 && sp < marks[0][0] ? sp + 1 : start; }
      end = Math.min(excerpt.length, start + SPAN);
      if (end < excerpt.length) { var sp2 = excerpt.lastIndexOf(' ', end); if (sp2 > start) end = sp2; }
    }
    var pos = start;
    if (start > 0) p.appendChild(document.createTextNode('…'));
    marks.forEach(function (r) {
      if (r[0] < pos || r[1] > end) return;
      p.appendChild(document.createTextNode(excerpt.slice(pos, r[0])));
      p.appendChild(el('mark', '', excerpt.slice(r[0], r[1])));
      pos = r[1];
    });
    p.appendChild(document.createTextNode(excerpt.slice(pos, end)));
    if (end < excerpt.length && excerpt.slice(-1) !== '…') p.appendChild(document.createTextNode('…'));
  }

  // VI_RE finds a letter only Vietnamese uses: on a page in another
  // language, a title or snippet that has one is the plan's or a report's
  // Vietnamese words, and is marked lang="vi" for screen readers and
  // translation tools.
  var VI_RE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
  function markVi(e, s) { if (lang && lang !== 'vi' && VI_RE.test(s)) e.lang = 'vi'; }

  function item(row, words) {
    var li = el('li');
    var a = el('a', '', row[1] || row[0]);
    a.href = href(row[0]);
    markVi(a, row[1] || '');
    li.appendChild(a);
    if (row[3]) { li.appendChild(document.createTextNode(' ')); li.appendChild(el('span', 'status', row[3])); }
    if (row[2]) { li.appendChild(document.createTextNode(' ')); li.appendChild(el('span', 'kind', attr('i18n-kind-' + row[2], row[2]))); }
    if (row[4]) { var p = el('p'); markVi(p, row[4]); snippet(p, row[4], words); li.appendChild(p); }
    return li;
  }

  var more = el('button', 'search-more', text.more);
  more.type = 'button';
  more.hidden = true;
  list.parentNode.insertBefore(more, list.nextSibling);

  var current = 0; // number of the latest search; older ones stop
  var state = null;

  async function showPage(seq) {
    var s = state, from = s.shown, to = Math.min(s.res.total, from + PAGE);
    var rows = await Promise.all(s.res.ranked.slice(from, to).map(function (d) { return meta(s.res.man, d); }));
    if (seq !== current) return;
    rows.forEach(function (row) { list.appendChild(item(row, s.words)); });
    s.shown = to;
    more.hidden = s.shown >= s.res.total;
  }

  async function search(q) {
    var seq = ++current;
    try {
      history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : location.pathname);
    } catch (e) { /* file:// may refuse; the search still runs */ }
    var words = splitQuery(q);
    list.textContent = '';
    more.hidden = true;
    if (words.length === 0) { statusEl.textContent = ''; return; }
    var slow = setTimeout(function () { if (seq === current) statusEl.textContent = text.loading; }, 300);
    list.setAttribute('aria-busy', 'true');
    try {
      var res = await run(words);
      if (seq !== current) return;
      state = { res: res, words: words, shown: 0 };
      await showPage(seq);
      if (seq !== current) return;
      var msg;
      if (res.total === 0) msg = format(text.none, 0, q);
      else if (!res.fallback) msg = format(text.results, res.total, q);
      else if (text.fallback || !text.or) msg = format(text.fallback || FALLBACK, res.total, q);
      else msg = format(text.results, res.total, words.map(function (w) { return w.form; }).join(' ' + text.or + ' '));
      statusEl.textContent = msg;
    } catch (e) {
      if (seq === current) statusEl.textContent = text.error;
    } finally {
      clearTimeout(slow);
      if (seq === current) list.removeAttribute('aria-busy');
    }
  }

  more.addEventListener('click', function () {
    if (state) showPage(current).catch(function () { statusEl.textContent = text.error; });
  });

  var timer = 0;
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    search(input.value.trim());
  });

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value.trim()); }, 250);
  });

  var initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    search(initial.trim());
  }
})();
