package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// jsHelpers defines the functions the page scripts below share. It is
// prepended to each expression (Runtime.evaluate is not subject to the
// page's Content-Security-Policy).
const jsHelpers = `
const __vis = (el) => {
  if (!el || !el.isConnected) return false;
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  if (r.width <= 1 || r.height <= 1) return false;
  if (s.visibility === 'hidden' || s.display === 'none' || parseFloat(s.opacity) === 0) return false;
  if (el.checkVisibility && !el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return false;
  // positioned off the page (the usual "visually hidden" tricks)
  if (r.right + scrollX <= 0 || r.bottom + scrollY <= 0) return false;
  return true;
};
const __path = (e) => {
  const parts = [];
  for (let n = e; n && n.nodeType === 1 && parts.length < 4; n = n.parentElement) {
    let s = n.tagName.toLowerCase();
    if (n.id) { parts.unshift(s + '#' + n.id); break; }
    if (n.classList && n.classList.length) s += '.' + [...n.classList].join('.');
    parts.unshift(s);
  }
  return parts.join(' > ');
};
`

// pageInfo is what pageInfoJS reports about a loaded page.
type pageInfo struct {
	H1Count     int      `json:"h1Count"`
	H1Text      string   `json:"h1Text"`
	H1Visible   bool     `json:"h1Visible"`
	StatusCount int      `json:"statusCount"`
	StatusShown int      `json:"statusShown"`
	StatusEmpty []string `json:"statusEmpty"`
	Lang        string   `json:"lang"`
	Title       string   `json:"title"`
	Sheets      int      `json:"sheets"`
}

const pageInfoJS = `(() => {` + jsHelpers + `
  const h1s = [...document.querySelectorAll('h1')];
  const st = [...document.querySelectorAll('.status')];
  return {
    h1Count: h1s.length,
    h1Text: h1s.length ? (h1s[0].innerText || '').trim() : '',
    h1Visible: h1s.length > 0 && __vis(h1s[0]),
    statusCount: st.length,
    statusShown: st.filter(e => __vis(e) && (e.innerText || '').trim() !== '').length,
    statusEmpty: st.filter(e => (e.textContent || '').trim() === '').map(e => __path(e) + ' ' + e.outerHTML.slice(0, 120)),
    lang: document.documentElement.lang,
    title: document.title,
    sheets: document.styleSheets.length,
  };
})()`

// checkPage checks what every loaded page must satisfy: the status of the
// document, a visible non-empty <h1>, the statuses, and (after the page has
// settled) no console error, no failed request, no request off the site.
// wantStatus is the HTTP status the document must answer with; a document
// that must answer 404 is not counted as a failed request.
func checkPage(t *testing.T, s *builtSite, tb *tab, lang string, wantStatus int64, needStatus bool) {
	t.Helper()
	if tb.resp == nil {
		t.Errorf("%s: no HTTP response for the document", tb.url)
	} else if tb.resp.Status != wantStatus {
		t.Errorf("%s: HTTP %d, want %d", tb.url, tb.resp.Status, wantStatus)
	}
	info := eval[pageInfo](t, tb, pageInfoJS)
	if info.H1Count == 0 {
		t.Errorf("%s: no <h1>", tb.url)
	} else if info.H1Text == "" {
		t.Errorf("%s: the <h1> is empty", tb.url)
	} else if !info.H1Visible {
		t.Errorf("%s: the <h1> %q is not visible", tb.url, info.H1Text)
	}
	if info.Lang != lang {
		t.Errorf("%s: <html lang=%q>, want %q", tb.url, info.Lang, lang)
	}
	if strings.TrimSpace(info.Title) == "" {
		t.Errorf("%s: the document has no title", tb.url)
	}
	if info.Sheets == 0 {
		t.Errorf("%s: no style sheet applies to the page", tb.url)
	}
	if needStatus && info.StatusShown == 0 {
		t.Errorf("%s: no visible .status element with text (found %d .status elements)", tb.url, info.StatusCount)
	}
	for _, e := range info.StatusEmpty {
		t.Errorf("%s: a .status element has no text (status must never be colour only): %s", tb.url, e)
	}
	tb.rec.settle(5 * time.Second)
	allowed := map[string]int64{}
	if wantStatus != 200 {
		allowed[tb.url] = wantStatus
	}
	console, failed, offsite := tb.rec.problems(s.base, allowed)
	for _, c := range console {
		t.Errorf("%s: console error: %s", tb.url, c)
	}
	for _, f := range failed {
		t.Errorf("%s: failed request: %s", tb.url, f)
	}
	for _, u := range offsite {
		t.Errorf("%s: request outside the site %s: %s", tb.url, s.base, u)
	}
	t.Logf("%s: HTTP %d, h1 %q, %d .status (%d visible), %d requests", tb.url, statusOf(tb), info.H1Text, info.StatusCount, info.StatusShown, len(tb.rec.requests))
}

func statusOf(tb *tab) int64 {
	if tb.resp == nil {
		return 0
	}
	return tb.resp.Status
}

// TestPages loads every page type in both languages, from the root build and
// from the sub-path build, and checks each as checkPage says.
func TestPages(t *testing.T) {
	browser := newBrowser(t)
	for _, s := range []*builtSite{rootSite(t), subPathSite(t)} {
		for _, l := range languages {
			for _, p := range pageTypes {
				t.Run(s.name+"/"+l.code+"/"+p.name, func(t *testing.T) {
					tb := openPage(t, browser, s.url(l.prefix+p.path), 1280)
					checkPage(t, s, tb, l.code, 200, p.status)
				})
			}
		}
	}
}

// TestNotFound asks for pages that do not exist: the server answers with the
// 404 page of the language (as static hosts do), which must work at any depth
// of URL, also under a sub-path.
func TestNotFound(t *testing.T) {
	browser := newBrowser(t)
	for _, s := range []*builtSite{rootSite(t), subPathSite(t)} {
		for _, l := range languages {
			t.Run(s.name+"/"+l.code, func(t *testing.T) {
				tb := openPage(t, browser, s.url(l.prefix+"khong-co/trang-nay/"), 1280)
				checkPage(t, s, tb, l.code, 404, false)
			})
		}
	}
}

// axeViolation is one rule that axe-core reports as violated.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  string `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

const axeRunJS = `axe.run(document, {
  runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
  resultTypes: ['violations'],
}).then(r => r.violations.map(v => ({
  id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
  nodes: v.nodes.map(n => ({
    target: n.target.map(s => Array.isArray(s) ? s.join(' >>> ') : String(s)).join(', '),
    html: (n.html || '').slice(0, 200),
    summary: (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 300),
  })),
})))`

// runAxe injects axe-core into the tab and returns its violations.
func runAxe(t *testing.T, tb *tab) []axeViolation {
	t.Helper()
	src := axeSource(t)
	if ok := eval[bool](t, tb, src+"\n;typeof axe === 'object' && typeof axe.run === 'function'"); !ok {
		t.Fatalf("%s: axe-core did not load", tb.url)
	}
	ctx, cancel := context.WithTimeout(tb.ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](axeRunJS, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: running axe: %v", tb.url, err)
	}
	return v
}

// TestAccessibility runs axe-core (WCAG 2.0 and 2.1, levels A and AA) on
// every page type in both languages, at a desktop and a phone width, and
// requires zero violations.
func TestAccessibility(t *testing.T) {
	browser := newBrowser(t)
	axeSource(t)
	s := rootSite(t)
	total, totalNodes := 0, 0
	var summary []string
	for _, l := range languages {
		for _, p := range pageTypes {
			name := l.code + "/" + p.name
			t.Run(name, func(t *testing.T) {
				tb := openPage(t, browser, s.url(l.prefix+p.path), 1280)
				line := fmt.Sprintf("%-14s", name)
				for _, width := range []int64{1280, 375} {
					if width != 1280 {
						resize(t, tb, width)
					}
					vs := runAxe(t, tb)
					nodes := 0
					for _, v := range vs {
						nodes += len(v.Nodes)
					}
					total += len(vs)
					totalNodes += nodes
					line += fmt.Sprintf("  %4d px: %d violations (%d elements)", width, len(vs), nodes)
					t.Logf("%s at %d px: %d axe violations (%d elements)", tb.url, width, len(vs), nodes)
					for _, v := range vs {
						var b strings.Builder
						fmt.Fprintf(&b, "%s at %d px: axe %s (%s): %s [%d elements] %s", tb.url, width, v.ID, v.Impact, v.Help, len(v.Nodes), v.HelpURL)
						for i, n := range v.Nodes {
							if i == 5 {
								fmt.Fprintf(&b, "\n    … and %d more", len(v.Nodes)-5)
								break
							}
							fmt.Fprintf(&b, "\n    %s\n      %s\n      %s", n.Target, n.HTML, n.Summary)
						}
						t.Error(b.String())
					}
				}
				summary = append(summary, line)
			})
		}
	}
	t.Logf("axe violations per page:\n%s\ntotal: %d violations, %d elements", strings.Join(summary, "\n"), total, totalNodes)
}

// focusInfo describes document.activeElement.
type focusInfo struct {
	Tag          string  `json:"tag"`
	Path         string  `json:"path"`
	Href         string  `json:"href"`
	Role         string  `json:"role"`
	TabIndex     string  `json:"tabindex"`
	Name         string  `json:"name"`
	Text         string  `json:"text"`
	Type         string  `json:"type"`
	OutlineStyle string  `json:"outlineStyle"`
	OutlineWidth float64 `json:"outlineWidth"`
	BoxShadow    string  `json:"boxShadow"`
	Visible      bool    `json:"visible"`
	InViewport   bool    `json:"inViewport"`
	Skip         bool    `json:"skip"`
	Stop         int     `json:"stop"`
}

// focusJS describes the focused element and numbers it, so that the loop in
// TestKeyboard sees when focus comes back to an element it already met.
const focusJS = `(() => {` + jsHelpers + `
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  if (!e.dataset.e2eStop) e.dataset.e2eStop = String(++window.__e2eStops || (window.__e2eStops = 1));
  const label = e.getAttribute('aria-label') || (e.getAttribute('aria-labelledby') || '').split(/\s+/).map(id => { const n = document.getElementById(id); return n ? n.textContent : ''; }).join(' ');
  return {
    tag: e.tagName.toLowerCase(), path: __path(e), href: e.getAttribute('href') || '',
    role: e.getAttribute('role') || '', tabindex: e.getAttribute('tabindex') || '',
    name: label.trim().slice(0, 80), text: (e.innerText || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 80),
    type: e.getAttribute('type') || '',
    outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0, boxShadow: s.boxShadow,
    visible: __vis(e),
    inViewport: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    skip: e.classList.contains('skip') && e.getAttribute('href') === '#main',
    stop: Number(e.dataset.e2eStop),
  };
})()`

// interactive reports whether the focused element is a link or a control,
// or a scrollable region made focusable on purpose (tabindex=0 with a role
// and a name), which keyboard users need to scroll wide tables.
func (f *focusInfo) interactive() bool {
	switch f.Tag {
	case "a", "area":
		return f.Href != ""
	case "button", "select", "textarea", "summary":
		return true
	case "input":
		return f.Type != "hidden"
	}
	return f.TabIndex == "0" && f.Role != "" && f.Name != ""
}

func (f *focusInfo) indicator() bool {
	if f.OutlineStyle != "none" && f.OutlineStyle != "" && f.OutlineWidth > 0 {
		return true
	}
	return f.BoxShadow != "" && f.BoxShadow != "none"
}

func (f *focusInfo) String() string {
	s := "<" + f.Tag + "> " + f.Path
	if f.Href != "" {
		s += " href=" + f.Href
	}
	if t := f.Text; t != "" {
		s += fmt.Sprintf(" %q", t)
	} else if f.Name != "" {
		s += fmt.Sprintf(" (name %q)", f.Name)
	}
	return s
}

// TestKeyboard tabs through the home page and a task page from the top:
// the skip link comes first and leads to the main content; every stop is a
// link or a control, visible, with a visible focus indicator.
func TestKeyboard(t *testing.T) {
	browser := newBrowser(t)
	s := rootSite(t)
	for _, l := range languages {
		for _, p := range []pageType{pageTypes[0], pageTypes[1]} {
			for _, width := range []int64{1280, 375} {
				t.Run(fmt.Sprintf("%s/%s/%d", l.code, p.name, width), func(t *testing.T) {
					tb := openPage(t, browser, s.url(l.prefix+p.path), width)
					reduceMotion(t, tb)
					tabThrough(t, tb)
					skipLink(t, browser, s.url(l.prefix+p.path), width)
				})
			}
		}
	}
}

// reduceMotion emulates prefers-reduced-motion: reduce, so that the page
// scrolls a focused element into view at once (the portal scrolls smoothly
// otherwise) and the check of its position needs no wait.
func reduceMotion(t *testing.T, tb *tab) {
	t.Helper()
	_, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}},
	})
	if err != nil {
		t.Fatalf("emulating reduced motion: %v", err)
	}
}

func pressTab(t *testing.T, tb *tab) *focusInfo {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatalf("pressing Tab: %v", err)
	}
	return eval[*focusInfo](t, tb, focusJS)
}

func tabThrough(t *testing.T, tb *tab) {
	t.Helper()
	const maxStops = 400
	stops := 0
	for i := 0; i < maxStops; i++ {
		f := pressTab(t, tb)
		if f == nil {
			break // focus left the page: the end of the tab order
		}
		if f.Stop <= stops {
			break // came round again
		}
		stops = f.Stop
		if i == 0 {
			if !f.Skip {
				t.Errorf("%s: the first Tab stop is %s, want the skip link a.skip[href=\"#main\"]", tb.url, f)
			}
			t.Logf("%s: first Tab stop %s, outline %s %gpx, box-shadow %s", tb.url, f, f.OutlineStyle, f.OutlineWidth, f.BoxShadow)
		}
		if !f.interactive() {
			t.Errorf("%s: Tab stop %d is not a link or a control: %s (role=%q tabindex=%q)", tb.url, i+1, f, f.Role, f.TabIndex)
		}
		if !f.indicator() {
			t.Errorf("%s: Tab stop %d has no visible focus indicator (outline %s %gpx, box-shadow %s): %s", tb.url, i+1, f.OutlineStyle, f.OutlineWidth, f.BoxShadow, f)
		}
		if !f.Visible || !f.InViewport {
			t.Errorf("%s: Tab stop %d is not visible when focused (visible=%v, in viewport=%v): %s", tb.url, i+1, f.Visible, f.InViewport, f)
		}
	}
	if stops == 0 {
		t.Errorf("%s: Tab never focused anything", tb.url)
	}
	t.Logf("%s: %d Tab stops", tb.url, stops)
}

// skipLink activates the skip link with Enter and checks that focus moves
// to the main content, and that the next Tab stop is inside it.
func skipLink(t *testing.T, browser context.Context, url string, width int64) {
	t.Helper()
	tb := openPage(t, browser, url, width)
	reduceMotion(t, tb)
	f := pressTab(t, tb)
	if f == nil || !f.Skip {
		return // reported by tabThrough
	}
	ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatalf("pressing Enter: %v", err)
	}
	if !waitFor(t, tb, `location.hash === '#main'`, 2*time.Second) {
		t.Errorf("%s: Enter on the skip link did not go to #main", url)
		return
	}
	if !eval[bool](t, tb, `(() => { const m = document.getElementById('main'); return !!m && (document.activeElement === m || m.contains(document.activeElement)); })()`) {
		t.Errorf("%s: after the skip link, focus is not on #main (it is on %s)", url, eval[string](t, tb, `document.activeElement ? document.activeElement.outerHTML.slice(0, 100) : 'nothing'`))
	}
	next := pressTab(t, tb)
	if next == nil || !eval[bool](t, tb, `(() => { const m = document.getElementById('main'); const a = document.activeElement; return !!m && !!a && (m.contains(a) || !!(m.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING)); })()`) {
		t.Errorf("%s: the Tab stop after the skip link is not in or after the main content: %v", url, next)
	}
}

// TestScreenshots writes a full-page screenshot of every page type in both
// languages at 375 and 1280 CSS pixels wide, and checks that nothing makes
// the page wider than a 375 px phone screen (WCAG 1.4.10, reflow).
func TestScreenshots(t *testing.T) {
	browser := newBrowser(t)
	s := rootSite(t)
	dir := screenshotDir(t)
	t.Logf("screenshots in %s", dir)
	for _, l := range languages {
		for _, p := range pageTypes {
			t.Run(l.code+"/"+p.name, func(t *testing.T) {
				tb := openPage(t, browser, s.url(l.prefix+p.path), 375)
				tb.rec.settle(3 * time.Second)
				for _, width := range []int64{375, 1280} {
					if width != 375 {
						resize(t, tb, width)
					} else {
						checkReflow(t, tb)
					}
					ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
					png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
					cancel()
					if err != nil {
						t.Fatalf("screenshot of %s at %d px: %v", tb.url, width, err)
					}
					if len(png) < 1000 {
						t.Errorf("screenshot of %s at %d px: only %d bytes", tb.url, width, len(png))
					}
					name := filepath.Join(dir, fmt.Sprintf("%s-%s-%d.png", l.code, p.name, width))
					if err := os.WriteFile(name, png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}
}

type overflow struct {
	ScrollWidth int      `json:"scrollWidth"`
	Width       int      `json:"width"`
	Culprits    []string `json:"culprits"`
	// Cards are the tables that must fit (cards, the summary's counts)
	// whose box scrolls sideways.
	Cards []string `json:"cards"`
}

const overflowJS = `(() => {` + jsHelpers + `
  const w = document.documentElement.clientWidth;
  const culprits = [];
  for (const e of document.body.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    if (r.right <= w + 1 || r.width === 0) continue;
    // inside a scrolling or clipping box: that box scrolls, not the page
    let clipped = false;
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox !== 'visible') { clipped = true; break; }
    }
    if (clipped) continue;
    // report the outermost culprits only
    if (e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1 && e.parentElement !== document.body) continue;
    culprits.push(__path(e) + ' (right edge at ' + Math.round(r.right) + 'px)');
    if (culprits.length >= 8) break;
  }
  // A table laid out as cards on a phone must fit, and so must the period
  // summary's short table of counts: a wrapper may scroll a wide table
  // sideways, but cards or four short columns that need it are broken.
  const cards = [];
  for (const tb of document.querySelectorAll('table.cards, table.sum-counts')) {
    const wrap = tb.closest('.table-wrap') || tb.parentElement;
    const head = tb.querySelector('thead');
    if (tb.classList.contains('cards') && (!head || getComputedStyle(head).position !== 'absolute')) continue; // laid out as a table, not as cards
    if (wrap.scrollWidth > wrap.clientWidth + 1) cards.push(__path(tb) + ' (' + wrap.scrollWidth + ' px in ' + wrap.clientWidth + ')');
  }
  return {scrollWidth: document.documentElement.scrollWidth, width: w, culprits, cards};
})()`

func checkReflow(t *testing.T, tb *tab) {
	t.Helper()
	o := eval[overflow](t, tb, overflowJS)
	if o.ScrollWidth > o.Width+1 {
		t.Errorf("%s: at %d px the page scrolls sideways (%d px wide); widest elements: %s", tb.url, o.Width, o.ScrollWidth, strings.Join(o.Culprits, "; "))
	}
	if len(o.Cards) > 0 {
		t.Errorf("%s: at %d px a table that must fit (cards, the counts) is wider than its box (it scrolls sideways): %s", tb.url, o.Width, strings.Join(o.Cards, "; "))
	}
}

// searchCase is a query and a page its results must link to.
type searchCase struct {
	query string
	want  string // path relative to the language root, "" for no match
}

var searchCases = []searchCase{
	{"sap nhap thon", "nhiem-vu/sap-xep-don-vi-cap-xa/"},
	{"Dak Glei", "co-quan/ubnd-dak-glei/"},
	{"Đắk Glei", "co-quan/ubnd-dak-glei/"},
	{"xyzzy qwvkj", ""},
}

// TestSearch runs queries in the browser on the search page, from the URL
// (?q=…) as the form submits them, in both languages and under a sub-path.
func TestSearch(t *testing.T) {
	browser := newBrowser(t)
	for _, s := range []*builtSite{rootSite(t), subPathSite(t)} {
		for _, l := range languages {
			for _, c := range searchCases {
				t.Run(fmt.Sprintf("%s/%s/%s", s.name, l.code, c.query), func(t *testing.T) {
					searchFor(t, browser, s, l.prefix, c)
				})
			}
		}
	}
}

func searchFor(t *testing.T, browser context.Context, s *builtSite, prefix string, c searchCase) {
	t.Helper()
	u := s.url(prefix+"tim-kiem/") + "?q=" + url.QueryEscape(c.query)
	tb := openPage(t, browser, u, 1280)
	defer func() {
		tb.rec.settle(3 * time.Second)
		console, failed, offsite := tb.rec.problems(s.base, nil)
		for _, m := range console {
			t.Errorf("%s: console error: %s", u, m)
		}
		for _, m := range failed {
			t.Errorf("%s: failed request: %s", u, m)
		}
		for _, m := range offsite {
			t.Errorf("%s: request outside the site: %s", u, m)
		}
	}()
	if !eval[bool](t, tb, `!!document.querySelector('script[src$="js/search.js"]')`) {
		t.Errorf("%s: the page has no search script", u)
	}
	statusText := `((document.getElementById('search-status') || {}).textContent || '').trim()`
	// true once the script shows its "could not load the index" message
	failedJS := fmt.Sprintf(`(() => { const e = ((document.querySelector('script[data-i18n-error]') || {dataset: {}}).dataset.i18nError || ''); return e !== '' && %s === e; })()`, statusText)
	if c.want == "" {
		none := eval[string](t, tb, `((document.querySelector('script[data-i18n-none]') || {dataset: {}}).dataset.i18nNone || '')`)
		if none == "" {
			t.Fatalf("%s: the search script has no data-i18n-none message", u)
		}
		want := strings.ReplaceAll(none, "{q}", c.query)
		// the message before {q}, for a check that survives quoting changes
		head := strings.TrimSpace(strings.SplitN(none, "{q}", 2)[0])
		if !waitFor(t, tb, fmt.Sprintf(`%s.includes(%q) || %s`, statusText, head, failedJS), 5*time.Second) ||
			!eval[bool](t, tb, fmt.Sprintf(`%s.includes(%q)`, statusText, head)) {
			t.Errorf("%s: #search-status says %q, want %q", u, eval[string](t, tb, statusText), want)
		}
		if n := eval[int](t, tb, `document.querySelectorAll('#search-results li').length`); n != 0 {
			t.Errorf("%s: %d results for a query that matches nothing", u, n)
		}
		return
	}
	// Wait for results, or stop early at the script's error message.
	if !waitFor(t, tb, `document.querySelectorAll('#search-results li').length > 0 || `+failedJS, 5*time.Second) ||
		eval[int](t, tb, `document.querySelectorAll('#search-results li').length`) == 0 {
		t.Errorf("%s: no results in #search-results within 5s (#search-status: %q)", u, eval[string](t, tb, statusText))
		return
	}
	hrefs := eval[[]string](t, tb, `[...document.querySelectorAll('#search-results li a[href]')].map(a => a.href)`)
	want := s.url(prefix + c.want)
	found := false
	for _, h := range hrefs {
		if strings.TrimSuffix(strings.SplitN(h, "#", 2)[0], "index.html") == want {
			found = true
		}
		if !strings.HasPrefix(h, s.base) {
			t.Errorf("%s: a result links outside the site: %s", u, h)
		}
	}
	if !found {
		t.Errorf("%s: no result links to %s; results: %s", u, want, strings.Join(hrefs, " "))
	}
	st := eval[string](t, tb, statusText)
	if st == "" {
		t.Errorf("%s: #search-status is empty while results are shown (screen readers hear nothing)", u)
	}
	t.Logf("%s: %d results, #search-status %q", u, len(hrefs), st)
}
