package view

import (
	"strings"
	"testing"
)

// TestNarrativeLinksImagesHeadings: a narrative's dangerous links are its
// text (not a link that goes nowhere), an image on another host is a link
// to it (not a broken image that tells that host who reads the page), and
// its headings sit under the page's h2. Counter-checks: safe links, data:
// and local images stay as they were written.
func TestNarrativeLinksImagesHeadings(t *testing.T) {
	t.Parallel()
	src := "# Một\n\n## Hai\n\n#### Bốn\n\n" +
		"[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [vb](vbscript:x) [dt](data:text/html;base64,PHM+) " +
		"[ent](&#106;avascript:alert(1)) [fi](file:///etc/passwd) <javascript:alert(2)> [r][x]\n\n" +
		"[x]: javascript:alert(3)\n\n" +
		"![ảnh ngoài](https://evil.example/a.png) ![](//evil.example/b.png) ![xấu](javascript:alert(4)) " +
		"[![trong liên kết](https://evil.example/c.png)](https://chinhphu.vn/) [![ảnh **đậm**](http://evil.example/d.png)](javascript:x)\n\n" +
		"[ok](https://chinhphu.vn/) [rel](/nhiem-vu/) <https://auto.example/> ![png](data:image/png;base64,iVBORw0KGgo=) ![nội bộ](/favicon.svg)\n"
	vi := renderMarkdown(src, "vi")
	en := renderMarkdown(src, "en")
	for _, bad := range []string{`href=""`, `src=""`, "<h1", "<h2", "<h5", `src="https:`, `src="http:`, `src="//`, "<a href=\"https://chinhphu.vn/\"><a"} {
		if strings.Contains(vi, bad) {
			t.Errorf("the narrative holds %q:\n%s", bad, vi)
		}
	}
	for _, want := range []string{
		"<h3>Một</h3>", "<h4>Hai</h4>", "<h6>Bốn</h6>",
		"<p>js JS vb dt ent fi javascript:alert(2) r</p>",
		`<a href="https://evil.example/a.png">Ảnh “ảnh ngoài” (trên trang web khác)</a>`,
		`<a href="//evil.example/b.png">Ảnh (trên trang web khác)</a>`,
		" xấu ",
		`<a href="https://chinhphu.vn/">trong liên kết</a>`,
		`<a href="http://evil.example/d.png">Ảnh “ảnh đậm” (trên trang web khác)</a>`,
		// Counter-checks: what is safe is as written.
		`<a href="https://chinhphu.vn/">ok</a>`, `<a href="/nhiem-vu/">rel</a>`,
		`<a href="https://auto.example/">https://auto.example/</a>`,
		`<img src="data:image/png;base64,iVBORw0KGgo=" alt="png">`, `<img src="/favicon.svg" alt="nội bộ">`,
	} {
		if !strings.Contains(vi, want) {
			t.Errorf("the narrative does not hold %q:\n%s", want, vi)
		}
	}
	if !strings.Contains(en, `<a href="https://evil.example/a.png">Image “ảnh ngoài” (on another website)</a>`) {
		t.Errorf("the English page does not say the image's link in English:\n%s", en)
	}
}
