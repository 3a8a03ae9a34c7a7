package e2e

import (
	"testing"
)

// timelineLegendJS returns the legend entries of the timeline that stand
// outside what its scrolling box shows before it is scrolled.
const timelineLegendJS = `(() => {
const box = document.querySelector('figure.chart-timeline .scroll-x');
if (!box) return {entries: -1, hidden: []};
box.scrollLeft = 0;
const right = box.getBoundingClientRect().right;
const texts = [...box.querySelectorAll('svg.chart-timeline .legend text')];
return {entries: texts.length, hidden: texts.filter(t => t.getBoundingClientRect().right > right + 0.5).map(t => t.textContent)};
})()`

// TestTimelineLegendOnPhone: at 320 and 375 px, where the timeline
// scrolls sideways, its whole legend shows before any scrolling, in both
// languages.
func TestTimelineLegendOnPhone(t *testing.T) {
	browser := newBrowser(t)
	s := rootSite(t)
	type result struct {
		Entries int      `json:"entries"`
		Hidden  []string `json:"hidden"`
	}
	for _, l := range languages {
		for _, width := range []int64{320, 375} {
			tb := openPage(t, browser, s.url(l.prefix+"tien-do/"), width)
			r := eval[result](t, tb, timelineLegendJS)
			if r.Entries < 3 {
				t.Fatalf("%s: %d legend entries found in the timeline", tb.url, r.Entries)
			}
			for _, h := range r.Hidden {
				t.Errorf("%s at %d px: the legend's %q is out of sight until the chart is scrolled", tb.url, width, h)
			}
			// Counter-test: with the box narrowed to 200 px, the same check
			// finds entries out of sight.
			eval[bool](t, tb, `(() => { document.querySelector('figure.chart-timeline .scroll-x').style.width = '200px'; return true; })()`)
			if r := eval[result](t, tb, timelineLegendJS); len(r.Hidden) == 0 {
				t.Errorf("%s: with the box 200 px wide, no legend entry is found out of sight", tb.url)
			}
		}
	}
}
