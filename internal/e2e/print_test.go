package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// printInfo is what printJS reports about a page under print media.
type printInfo struct {
	// Chrome lists the visible navigation and notices that print must drop.
	Chrome []string `json:"chrome"`
	// Sources counts the report links and Cited those that print their
	// address after them.
	Sources int `json:"sources"`
	Cited   int `json:"cited"`
	// Tables counts the summary's tables and Scrolled those cut off at the
	// right (wider than their box), which paper cannot scroll.
	Tables   int      `json:"tables"`
	Scrolled []string `json:"scrolled"`
	// Width is the page's scroll width, Viewport the window's.
	Width    int `json:"width"`
	Viewport int `json:"viewport"`
}

const printJS = `(() => {` + jsHelpers + `
  const chrome = [...document.querySelectorAll('.site-nav, .lang-switch, .crumbs, .prev-next, .foot-links, #search-form, .sum-print-hint')]
    .filter(__vis).map(__path);
  const src = [...document.querySelectorAll('.sum-doc a.src-link')];
  const cited = src.filter(a => {
    const after = getComputedStyle(a, '::after').content || '';
    return a.dataset.abs && after.includes(a.dataset.abs);
  });
  const wraps = [...document.querySelectorAll('.sum-doc .table-wrap')];
  return {
    chrome,
    sources: src.length,
    cited: cited.length,
    tables: wraps.length,
    scrolled: wraps.filter(w => w.scrollWidth > w.clientWidth + 1).map(w => (w.getAttribute('aria-label') || __path(w)) + ' ' + w.scrollWidth + '>' + w.clientWidth),
    width: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  };
})()`

// TestSummaryPrints lays the period's printable summary out as paper does,
// in both languages: under print media at the width of an A4 page (794 CSS
// pixels; 718 inside its margins) no navigation is shown, every report a
// status rests on prints its address, no table is cut off at the right; a
// full-page screenshot under print media is kept beside the others
// (<lang>-summary-print.png) to be looked at, and Chrome's own PDF of the
// page (A4) is written too (<lang>-summary.pdf).
func TestSummaryPrints(t *testing.T) {
	browser := newBrowser(t)
	s := rootSite(t)
	dir := screenshotDir(t)
	for _, l := range languages {
		t.Run(l.code, func(t *testing.T) {
			tb := openPage(t, browser, s.url(l.prefix+"ky-bao-cao/2019-H1/tong-hop/"), 718)
			tb.rec.settle(3 * time.Second)
			if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
				t.Fatalf("emulating print media: %v", err)
			}
			info := eval[printInfo](t, tb, printJS)
			for _, c := range info.Chrome {
				t.Errorf("%s: printed, %s is still shown", tb.url, c)
			}
			if info.Sources == 0 {
				t.Errorf("%s: no report link in the summary: the address check checks nothing", tb.url)
			}
			if info.Cited != info.Sources {
				t.Errorf("%s: printed, %d of %d report links show their address", tb.url, info.Cited, info.Sources)
			}
			if info.Tables < 3 {
				t.Errorf("%s: %d tables in the summary, want its counts, tasks and shares", tb.url, info.Tables)
			}
			for _, w := range info.Scrolled {
				t.Errorf("%s: printed, a table is wider than the page and would be cut off: %s", tb.url, w)
			}
			if info.Width > info.Viewport {
				t.Errorf("%s: printed, the page is %d px wide in a %d px page", tb.url, info.Width, info.Viewport)
			}
			ctx, cancel := context.WithTimeout(tb.ctx, 60*time.Second)
			defer cancel()
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatalf("screenshot under print media: %v", err)
			}
			if err := os.WriteFile(filepath.Join(dir, l.code+"-summary-print.png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
			prefer := true
			res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69, PreferCSSPageSize: &prefer})
			if err != nil {
				t.Fatalf("printing to PDF: %v", err)
			}
			pdf := res.Data
			if len(pdf) < 1000 || string(pdf[:5]) != "%PDF-" {
				t.Errorf("%s: the PDF is %d bytes and not a PDF", tb.url, len(pdf))
			}
			if err := os.WriteFile(filepath.Join(dir, l.code+"-summary.pdf"), pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%s printed: %d tables, %d report links with their address, PDF %s", tb.url, info.Tables, info.Cited, fmt.Sprintf("%d KB", len(pdf)/1024))
		})
	}
}
