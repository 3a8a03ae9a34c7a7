package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/net/html"
)

// hostile are texts an agency could put in any field of a report, or a
// careless edit into the plan: markup, script, template syntax, bidi
// overrides, zero-width characters.
var hostile = []string{
	`<script>alert("xss1")</script>`,
	`<img src=x onerror=alert(2)>`,
	`javascript:alert(3)`,
	`" onmouseover="alert(4)" x="`,
	`</title><script>alert(5)</script>`,
	`{{ .Site.Title }} {{< param "x" >}} {{% foo %}}`,
	`]]><!-- <svg onload=alert(6)>`,
	`<style>body{display:none}</style>`,
	"gnp\u202e.exe và \u200bẩn",
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func hostilePortal(t *testing.T) afero.Fs {
	t.Helper()
	fsys := memPortal(t)
	all := strings.Join(hostile, " | ")
	long := strings.Repeat("Rà soát <b>dài</b> ", 800)
	q := tomlString
	agencies := fmt.Sprintf(`
[[roles]]
id = "chu-tich"
title = %s

[[agencies]]
id = "so-noi-vu"
name = %s
short = %s
head = %s
reports = true

[[agencies]]
id = "ubnd-tinh"
name = %s
`, q(all), q("Sở Nội vụ "+all), q(hostile[1]), q(hostile[3]), q(hostile[4]))
	planTOML := fmt.Sprintf(`
title = %s
short_title = %s
issuer = "ubnd-tinh"
preamble = %s
purpose = [%s]
requirements = [%s]
implementation = [%s]

[reporting]
text = %s
compiler = "so-noi-vu"

[[basis]]
number = %s
date = 2017-10-25
issuer = %s
title = %s

[[tasks]]
number = 1
slug = "nhiem-vu-mot"
title = %s
title_en = %s
overseer = "chu-tich"

  [[tasks.milestones]]
  id = "1a"
  owner = "so-noi-vu"
  other_partners = [%s]
  action = %s
  deliverable = %s
  due = "2018-Q2"
  condition = %s
`, q("Kế hoạch "+all), q(hostile[4]), q(all), q(all), q(long), q(all), q(all), q(hostile[5]), q(all), q(all),
		q("Nhiệm vụ "+all), q(all), q(all), q(all), q(all), q(all))
	report := fmt.Sprintf(`+++
agency = "so-noi-vu"
period = "2018-H1"
number = %s
date = 2018-06-20
[approval]
state = "approved"
approved_by = %s
approved_on = 2018-06-25
[[updates]]
milestone = "1a"
state = "waiting"
progress = 10
evidence = [%s, %s]
note = %s
+++
Báo cáo thử %s

[bấm vào đây](javascript:alert(7)) và [ảnh](data:text/html;base64,PHNjcmlwdD4=) và <iframe src="https://evil.example/"></iframe>

{{< param "title" >}} {{%% param "title" %%}} {{ .Site.Params }}

<script>alert(8)</script>

![x](javascript:alert(9))

# Tiêu đề cấp một

![theo dõi](https://tracker.example/pixel.png)
`, q(hostile[0]), q(all), q(all), q(hostile[2]), q(all), all)
	_ = fsys.RemoveAll("/src/content/bao-cao")
	files := map[string]string{
		"/src/data/agencies.toml":                   agencies,
		"/src/data/plan.toml":                       planTOML,
		"/src/content/bao-cao/2018-H1/so-noi-vu.md": report,
	}
	for name, data := range files {
		if err := afero.WriteFile(fsys, name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

// ourScripts are the only scripts the site may load.
var ourScripts = map[string]bool{"search.js": true, "copy.js": true}

// checkHTML reports anything executable in an HTML page: script elements
// other than ours, event-handler attributes, dangerous URL schemes, frames,
// inline styles; and returns the page's text.
func checkHTML(t *testing.T, name string, data []byte) string {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(data))
	var text strings.Builder
	inScript := false
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				t.Errorf("%s: %v", name, z.Err())
			}
			return text.String()
		case html.TextToken:
			if inScript && strings.TrimSpace(string(z.Text())) != "" {
				t.Errorf("%s: inline script %q", name, z.Text())
			}
			text.Write(z.Text())
		case html.EndTagToken:
			inScript = false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script":
				inScript = tt == html.StartTagToken
				src := attr(tok, "src")
				if !ourScripts[path.Base(src)] {
					t.Errorf("%s: script %q", name, src)
				}
			case "iframe", "object", "embed", "base", "style", "form":
				if tok.Data != "form" || attr(tok, "id") != "search-form" {
					t.Errorf("%s: element <%s>", name, tok.Data)
				}
			}
			for _, a := range tok.Attr {
				key := strings.ToLower(a.Key)
				val := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" {
					t.Errorf("%s: attribute %s=%q on <%s>", name, a.Key, a.Val, tok.Data)
				}
				if key == "href" && val == "" {
					t.Errorf("%s: a link that goes nowhere (href=\"\") on <%s>", name, tok.Data)
				}
				if tok.Data == "img" && key == "src" && (strings.Contains(val, "//") || strings.HasPrefix(val, "http")) {
					t.Errorf("%s: an image on another host, src=%q", name, a.Val)
				}
				if key == "href" || key == "src" || key == "action" || key == "xlink:href" {
					if strings.HasPrefix(val, "javascript:") || strings.HasPrefix(val, "vbscript:") ||
						(strings.HasPrefix(val, "data:") && !(tok.Data == "img" && strings.HasPrefix(val, "data:image/"))) {
						t.Errorf("%s: %s=%q on <%s>", name, a.Key, a.Val, tok.Data)
					}
				}
			}
		}
	}
}

func attr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// checkXML reports a file that is not well-formed XML, and any element
// or attribute in an SVG that could run code.
func checkXML(t *testing.T, name string, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("%s: not well-formed: %v", name, err)
			return
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch strings.ToLower(se.Name.Local) {
			case "script", "foreignobject", "iframe", "use", "image", "style":
				t.Errorf("%s: element <%s>", name, se.Name.Local)
			}
			for _, a := range se.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Errorf("%s: attribute %s", name, a.Name.Local)
				}
				if strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Value)), "javascript:") {
					t.Errorf("%s: %s=%q", name, a.Name.Local, a.Value)
				}
			}
		}
	}
}

func TestHostileContentIsShownButNeverRuns(t *testing.T) {
	fsys := hostilePortal(t)
	res, err := Build(Options{Source: "/src", Dest: "/out", Fs: fsys})
	if err != nil {
		t.Fatalf("a hostile but valid portal must build: %v", err)
	}
	if len(res.Published) != 1 {
		t.Fatalf("published %d reports, want 1", len(res.Published))
	}
	out := tree(t, fsys, "/out")
	var reportText string
	for name, data := range out {
		switch path.Ext(name) {
		case ".html":
			text := checkHTML(t, name, data)
			if name == "ky-bao-cao/2018-H1/so-noi-vu/index.html" {
				reportText = text
			}
		case ".svg", ".xml":
			checkXML(t, name, data)
		}
		for _, bad := range []string{"\u202e", "\u200b"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s carries the invisible character %U", name, []rune(bad)[0])
			}
		}
	}
	// The text is still there, as text.
	for _, want := range []string{`<script>alert("xss1")</script>`, `{{ .Site.Title }} {{< param "x" >}}`, `" onmouseover="alert(4)" x="`, "gnp.exe và ẩn"} {
		if !strings.Contains(reportText, want) {
			t.Errorf("the report page does not show %q as text", want)
		}
	}
	// The narrative's dangerous links are gone; its shortcodes are text.
	page := string(out["ky-bao-cao/2018-H1/so-noi-vu/index.html"])
	if strings.Contains(page, "evil.example") && strings.Contains(page, "<iframe") {
		t.Error("the narrative's iframe reached the page")
	}
	if n := strings.Count(page, "<h1"); n != 1 {
		t.Errorf("the report page has %d h1 headings, want 1 (the narrative's headings are demoted)", n)
	}
	if !strings.Contains(page, `<a href="https://tracker.example/pixel.png">Ảnh “theo dõi” (trên trang web khác)</a>`) {
		t.Error("the narrative's image on another host is not a link to it")
	}
	if !strings.Contains(reportText, "bấm vào đây") {
		t.Error("the text of the narrative's javascript: link is not shown")
	}
	if !strings.Contains(reportText, `{{< param "title" >}}`) {
		t.Error("a shortcode in the narrative was not shown as text")
	}
}
