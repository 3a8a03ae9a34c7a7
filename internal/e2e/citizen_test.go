package e2e

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// What a citizen sees first (issue 14): the home page's overdue block names
// the unit and its delay, every count opens a filtered list that has what
// it counts, and every status badge and legend leads to the methodology
// page.

// methodPath is the methodology page, relative to a language's root.
const methodPath = "cach-tinh-trang-thai/"

// lateInfo is one entry of the home page's overdue block.
type lateInfo struct {
	Unit    string `json:"unit"`
	UnitURL string `json:"unitURL"`
	Days    string `json:"days"`
	Visible bool   `json:"visible"`
	Text    string `json:"text"`
}

const lateJS = `(() => {` + jsHelpers + `
return [...document.querySelectorAll('.overdue-block .late')].map(li => {
  const a = li.querySelector('.late-unit'), d = li.querySelector('.late-days');
  return {unit: a ? a.textContent.trim() : '', unitURL: a ? a.href : '', days: d ? d.textContent.trim() : '',
    visible: __vis(a) && __vis(d), text: li.textContent.replace(/\s+/g, ' ').trim()};
});
})()`

func TestOverdueBlockNamesTheUnit(t *testing.T) {
	browser := newBrowser(t)
	s := rootSite(t)
	want := map[string]struct{ unit, days, group string }{
		"vi": {"Ủy ban nhân dân huyện Ia H'Drai", "quá hạn 273 ngày", "Ủy ban nhân dân các huyện, thành phố"},
		"en": {"Ia H'Drai District People's Committee", "overdue by 273 days", ""},
	}
	for _, l := range languages {
		for _, width := range []int64{375, 1280} {
			t.Run(fmt.Sprintf("%s/%d", l.code, width), func(t *testing.T) {
				tb := openPage(t, browser, s.url(l.prefix), width)
				got := eval[[]lateInfo](t, tb, lateJS)
				if len(got) != 1 {
					t.Fatalf("%s: %d overdue entries, want 1 (Ia H'Drai's share of 6a): %+v", tb.url, len(got), got)
				}
				w := want[l.code]
				g := got[0]
				if g.Unit != w.unit || g.Days != w.days || !g.Visible {
					t.Errorf("%s at %d px: overdue entry names %q, %q (visible %v); want %q, %q, visible", tb.url, width, g.Unit, g.Days, g.Visible, w.unit, w.days)
				}
				if !strings.HasSuffix(g.UnitURL, "/co-quan/ubnd-ia-hdrai/") {
					t.Errorf("%s: the unit links to %s, want its own page (not the group's)", tb.url, g.UnitURL)
				}
				if !strings.Contains(g.Text, "30/9/2018") && !strings.Contains(g.Text, "30 September 2018") {
					t.Errorf("%s: the entry does not give the deadline's last day: %s", tb.url, g.Text)
				}
				if !strings.Contains(g.Text, "121/BC-UBND") {
					t.Errorf("%s: the entry does not say what the unit last reported (121/BC-UBND): %s", tb.url, g.Text)
				}
				if w.group != "" && strings.HasPrefix(g.Text, w.group) {
					t.Errorf("%s: the entry is named after the group: %s", tb.url, g.Text)
				}
				silent := eval[[]string](t, tb, `[...document.querySelectorAll('.silent-list a')].map(a => a.textContent.trim())`)
				if len(silent) != 15 {
					t.Errorf("%s: %d units that sent no report, want 15 (Kon Plông, Ia H'Drai and the 13 units of the tracked list that never report): %v", tb.url, len(silent), silent)
				}
			})
		}
	}
}

// countLink is one count of a page and where it leads.
type countLink struct {
	N       int    `json:"n"`
	Label   string `json:"label"`
	Href    string `json:"href"`
	Visible bool   `json:"visible"`
}

const countsJS = `(() => {` + jsHelpers + `
return [...document.querySelectorAll('main ul.counts li')].filter(li => !li.closest('nav, td')).map(li => {
  const a = li.querySelector('a.count-link');
  return {n: parseInt(li.querySelector('.n').textContent, 10), label: li.querySelector('.status').textContent.trim(),
    href: a ? a.href : '', visible: __vis(a || li)};
});
})()`

// rowsJS counts the rows of the table in the section a URL's fragment
// names, or -1 when there is no such section.
const rowsJS = `(() => {
const s = document.getElementById(decodeURIComponent(location.hash.slice(1)));
return s ? s.querySelectorAll('tbody tr').length : -1;
})()`

func TestCountsLinkToFilteredLists(t *testing.T) {
	browser := newBrowser(t)
	s := rootSite(t)
	for _, l := range languages {
		t.Run(l.code, func(t *testing.T) {
			var counts []countLink
			for _, width := range []int64{375, 1280} {
				tb := openPage(t, browser, s.url(l.prefix), width)
				counts = eval[[]countLink](t, tb, countsJS)
				if len(counts) < 8 {
					t.Fatalf("%s: only %d counts on the home page", tb.url, len(counts))
				}
				for _, c := range counts {
					if c.Href == "" {
						t.Errorf("%s at %d px: the count %d %q is not a link", tb.url, width, c.N, c.Label)
					} else if !c.Visible {
						t.Errorf("%s at %d px: the count %d %q is not visible", tb.url, width, c.N, c.Label)
					}
				}
			}
			for _, c := range counts {
				if c.Href == "" {
					continue
				}
				tb := openPage(t, browser, c.Href, 1280)
				if st := statusOf(tb); st != 200 {
					t.Errorf("%s: HTTP %d", c.Href, st)
					continue
				}
				if rows := eval[int](t, tb, rowsJS); rows != c.N {
					t.Errorf("the count %d %q leads to %s, which lists %d", c.N, c.Label, c.Href, rows)
				}
			}
			// Counter-test: the row count sees a missing section.
			if len(counts) > 0 {
				u, _ := url.Parse(counts[0].Href)
				u.Fragment = "khong-co"
				if rows := eval[int](t, openPage(t, browser, u.String(), 1280), rowsJS); rows != -1 {
					t.Errorf("rowsJS found %d rows in a section that does not exist", rows)
				}
			}
		})
	}
}

// legendInfo is what legendJS finds on a page: the status badges that
// are links and where they lead, and the legends (counts, charts) with no
// link to the methodology page near them.
type legendInfo struct {
	Badges   []string `json:"badges"`
	Orphans  []string `json:"orphans"`
	Legends  int      `json:"legends"`
	Unlinked []string `json:"unlinked"`
	Repeated []string `json:"repeated"`
}

// legendJS: every a.status links to the methodology page; every legend
// (a list of counts, a chart) has a link to it in its section; every badge
// that is not a link sits in a count link, an aria-hidden copy, or on a
// page that links the methodology page; no section (or a page without
// sections) gives the link twice.
const legendJS = `(() => {` + jsHelpers + `
const method = new URL(%q, location.href).pathname;
const hrefOf = (a) => { const h = a.getAttribute('href') || a.getAttribute('xlink:href'); return h ? new URL(h, location.href).href : ''; };
const isMethod = (a) => { const h = hrefOf(a); return h !== '' && new URL(h).pathname === method; };
const out = {badges: [], orphans: [], legends: 0, unlinked: [], repeated: []};
for (const a of document.querySelectorAll('a.status')) out.badges.push(hrefOf(a));
const pageLinks = [...document.querySelectorAll('main a')].some(isMethod) || location.pathname === method;
for (const b of document.querySelectorAll('main span.status:not(.st-none)')) {
  if (b.closest('a.count-link, [aria-hidden="true"]')) continue;
  if (!pageLinks) out.orphans.push(__path(b));
}
for (const el of document.querySelectorAll('main ul.counts, main figure.chart')) {
  out.legends++;
  const scope = el.closest('section, article') || document.querySelector('main');
  if (![...scope.querySelectorAll('a')].some(isMethod)) out.unlinked.push(__path(el));
}
const seen = new Map();
for (const l of document.querySelectorAll('main .legend-link')) {
  const scope = l.parentElement.closest('section, article') || document.querySelector('main');
  if (seen.has(scope)) out.repeated.push(__path(l));
  seen.set(scope, true);
}
return out;
})()`

// TestLegendsLinkToMethod: on every page type, in both languages at 1280
// and 375 px, every status badge and every legend leads to its status on
// the methodology page, which has an anchor for each of the seven.
func TestLegendsLinkToMethod(t *testing.T) {
	browser := newBrowser(t)
	s := rootSite(t)
	for _, l := range languages {
		method := s.url(l.prefix + methodPath)
		ids := eval[[]string](t, openPage(t, browser, method, 1280), `[...document.querySelectorAll('[id]')].map(e => e.id)`)
		anchors := map[string]bool{}
		for _, id := range ids {
			anchors[id] = true
		}
		for _, key := range []string{"done-on-time", "done-late", "waiting", "overdue", "not-reported", "ongoing", "in-progress"} {
			if !anchors[key] {
				t.Errorf("%s has no #%s", method, key)
			}
		}
		legends := 0
		for _, p := range pageTypes {
			for _, width := range []int64{1280, 375} {
				t.Run(fmt.Sprintf("%s/%s/%d", l.code, p.name, width), func(t *testing.T) {
					tb := openPage(t, browser, s.url(l.prefix+p.path), width)
					info := eval[legendInfo](t, tb, fmt.Sprintf(legendJS, "/"+l.prefix+methodPath))
					legends += info.Legends
					for _, b := range info.Badges {
						u, err := url.Parse(b)
						if err != nil || u.Path != "/"+l.prefix+methodPath || !anchors[u.Fragment] {
							t.Errorf("%s: a status badge links to %s, not to a status on %s", tb.url, b, method)
						}
					}
					for _, o := range info.Orphans {
						t.Errorf("%s: a status badge with no way to the methodology page: %s", tb.url, o)
					}
					for _, u := range info.Unlinked {
						t.Errorf("%s: a status legend with no link to the methodology page: %s", tb.url, u)
					}
					for _, r := range info.Repeated {
						t.Errorf("%s: the link to the methodology page is said twice in one section: %s", tb.url, r)
					}
					if p.status && p.name != "method" && len(info.Badges)+info.Legends == 0 {
						t.Errorf("%s: no status badge links and no legends found", tb.url)
					}
				})
			}
		}
		if legends == 0 {
			t.Errorf("%s: no legend found on any page", l.code)
		}
	}
	// Counter-test: a legend link said again in its section is found.
	tb0 := openPage(t, browser, s.url(""), 1280)
	eval[bool](t, tb0, `(() => { const l = document.querySelector('main .legend-link'); l.after(l.cloneNode(true)); return true; })()`)
	if info := eval[legendInfo](t, tb0, fmt.Sprintf(legendJS, "/"+methodPath)); len(info.Repeated) != 1 {
		t.Errorf("with a legend link copied beside itself, %d repeated links found, want 1", len(info.Repeated))
	}
	// Counter-test: without the legend links, the home page's legends are
	// found unlinked.
	tb := openPage(t, browser, s.url(""), 1280)
	eval[bool](t, tb, `(() => { document.querySelectorAll('.legend-link, .page-head a').forEach(e => e.remove()); return true; })()`)
	if info := eval[legendInfo](t, tb, fmt.Sprintf(legendJS, "/"+methodPath)); len(info.Unlinked) == 0 {
		t.Errorf("with the legend links removed, no legend of the home page is found unlinked (%d legends)", info.Legends)
	}
}
