package e2e

import (
	"fmt"
	"testing"
	"time"
)

// TestLinkPreviewImages: the home, task, agency and period pages of both
// languages name in og:image an absolute address of this site where the
// browser finds a PNG of 1200×630 pixels (Facebook's and Zalo's size),
// and og:title stays within 70 characters. Counter-check: a page that has
// no card (search) names none, so the test reads the tag that is there.
func TestLinkPreviewImages(t *testing.T) {
	browser := newBrowser(t)
	s := rootSite(t)
	pages := []string{"", "nhiem-vu/sap-xep-don-vi-cap-xa/", "co-quan/so-noi-vu/", "ky-bao-cao/2019-H1/"}
	for _, l := range languages {
		for _, width := range []int64{375, 1280} {
			for _, p := range pages {
				t.Run(fmt.Sprintf("%s/%d/%s", l.code, width, p), func(t *testing.T) {
					tb := openPage(t, browser, s.url(l.prefix+p), width)
					img := eval[string](t, tb, `(document.querySelector('meta[property="og:image"]') || {}).content || ''`)
					if len(img) <= len(s.origin) || img[:len(s.origin)] != s.origin {
						t.Fatalf("%s: og:image %q is not an address of this site (%s)", tb.url, img, s.origin)
					}
					eval[bool](t, tb, fmt.Sprintf(`(() => { window.__og = null; const i = new Image();
  i.onload = () => { window.__og = [i.naturalWidth, i.naturalHeight]; };
  i.onerror = () => { window.__og = [0, 0]; };
  i.src = %q; return true; })()`, img))
					if !waitFor(t, tb, `window.__og !== null`, 20*time.Second) {
						t.Fatalf("%s: the browser did not load %s", tb.url, img)
					}
					size := eval[[]int](t, tb, `window.__og`)
					if len(size) != 2 || size[0] != 1200 || size[1] != 630 {
						t.Errorf("%s: og:image %s is %v pixels, want 1200×630 (0×0: not found or not an image)", tb.url, img, size)
					}
					if title := eval[string](t, tb, `(document.querySelector('meta[property="og:title"]') || {}).content || ''`); len([]rune(title)) > 70 || title == "" {
						t.Errorf("%s: og:title %q has %d characters, want 1 to 70", tb.url, title, len([]rune(title)))
					}
				})
			}
		}
	}
	tb := openPage(t, browser, s.url("tim-kiem/"), 1280)
	if img := eval[string](t, tb, `(document.querySelector('meta[property="og:image"]') || {}).content || ''`); img != "" {
		t.Errorf("the search page has a card (%s) but should not", img)
	}
}
