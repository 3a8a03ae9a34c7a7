package e2e

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRelativeSearch opens the relative build's search page from the
// folder (file://), as a person who unpacked the site would, in both
// languages at 1280 and 375 px: every result links to an index.html inside the folder, and
// the first one opens a page of the portal (its <main> and <h1>), not a
// folder listing.
func TestRelativeSearch(t *testing.T) {
	browser := newBrowser(t)
	s := getSite(t, "relative")
	root := "file://" + filepath.ToSlash(s.dir) + "/"
	for _, l := range languages {
		for _, width := range []int64{1280, 375} {
			t.Run(fmt.Sprintf("%s/%d", l.code, width), func(t *testing.T) {
				u := root + l.prefix + "tim-kiem/index.html?q=" + url.QueryEscape("sap nhap thon")
				tb := openPage(t, browser, u, width)
				if !waitFor(t, tb, `document.querySelectorAll('#search-results li a[href]').length > 0`, 10*time.Second) {
					t.Fatalf("%s: no results (#search-status: %q)", u, eval[string](t, tb, `(document.getElementById('search-status') || {}).textContent || ''`))
				}
				hrefs := eval[[]string](t, tb, `[...document.querySelectorAll('#search-results li a[href]')].map(a => a.href)`)
				for _, h := range hrefs {
					page := strings.SplitN(h, "#", 2)[0]
					if !strings.HasPrefix(h, root+l.prefix) || !strings.HasSuffix(page, "/index.html") {
						t.Errorf("%s: result %s does not name an index.html in the folder", u, h)
					}
				}
				next := openPage(t, browser, hrefs[0], width)
				if !eval[bool](t, next, `!!document.querySelector('main h1')`) {
					t.Errorf("%s opens no page of the portal (no main h1)", hrefs[0])
				}
			})
		}
	}
}
