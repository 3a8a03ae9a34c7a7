package e2e

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestLinks follows every internal link of the root build, the sub-path build
// and the relative-link build (for opening from a plain folder): each href
// and src in HTML, each href and <loc> in XML and SVG, each url() and
// @import in CSS. A link is internal when it is relative, root-relative, or
// absolute on the build's base URL; its target must exist in the output (a
// folder URL needs index.html), and a #fragment must be an id in the target.
// All broken links are reported at once, grouped by target.
func TestLinks(t *testing.T) {
	for _, name := range []string{"root", "sub-path", "relative"} {
		t.Run(name, func(t *testing.T) {
			s := getSite(t, name)
			lc := newLinkChecker(t, s)
			lc.run()
			lc.report()
		})
	}
}

// TestLinkCheckerCatches makes sure that the link checker can fail.
func TestLinkCheckerCatches(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.html": `<!DOCTYPE html><html lang="vi"><head><title>T</title><link rel="stylesheet" href="css/a.css"></head><body>
<a href="a/">ok</a> <a href="a/#x">ok</a> <a href="/site/a/index.html#x">ok</a> <a href="http://127.0.0.1:1/site/a/">ok</a>
<a href="missing/">1</a> <a href="a/#nope">2</a> <a href="b">3</a> <img src="img/none.png" alt=""> <a href="/elsewhere/">4</a>
<a href="https://example.org/">external</a> <a href="mailto:x@example.org">mail</a></body></html>`,
		"a/index.html": `<!DOCTYPE html><html lang="vi"><head><title>A</title></head><body><h1 id="x">A</h1></body></html>`,
		"b/readme.txt": "a folder without index.html",
		"css/a.css":    `body { background: url(../img/bg.png) } @import "b.css";`,
		"sitemap.xml":  `<urlset><url><loc>http://127.0.0.1:1/site/a/</loc></url><url><loc>http://127.0.0.1:1/site/gone/</loc></url></urlset>`,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lc := newLinkChecker(t, &builtSite{name: "test", dir: dir, base: "http://127.0.0.1:1/site/"})
	lc.run()
	var got []string
	for _, b := range lc.broken {
		got = append(got, strings.TrimPrefix(b.target, "http://127.0.0.1:1"))
	}
	sort.Strings(got)
	want := []string{"/elsewhere/", "/site/a/#nope", "/site/b", "/site/css/b.css", "/site/gone/", "/site/img/bg.png", "/site/img/none.png", "/site/missing/"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("broken links found:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if !lc.external["https://example.org"] {
		t.Errorf("the external link was not seen as external: %v", lc.external)
	}
}

// ref is one URL found in a file.
type ref struct {
	file string // path relative to the output folder, with slashes
	line int
	attr string // where it was found: "href", "src", "url()", "<loc>"…
	val  string
}

// broken is a link that does not work, and where it is used.
type broken struct {
	target, reason string
	uses           []ref
}

type linkChecker struct {
	t        *testing.T
	s        *builtSite
	base     *url.URL
	ids      map[string]map[string]bool // ids by output file
	broken   map[string]*broken         // by target and reason
	files    int
	internal int
	external map[string]bool
	// folderLinks are the relative links in the pages of the relative
	// build that end in a folder (…/) instead of …/index.html.
	folderLinks []ref
}

func newLinkChecker(t *testing.T, s *builtSite) *linkChecker {
	base, err := url.Parse(s.base)
	if err != nil {
		t.Fatal(err)
	}
	return &linkChecker{t: t, s: s, base: base, ids: map[string]map[string]bool{}, broken: map[string]*broken{}, external: map[string]bool{}}
}

var (
	cssURLRe    = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^'")\s]+))\s*\)`)
	cssImportRe = regexp.MustCompile(`@import\s+(?:"([^"]*)"|'([^']*)')`)
	xmlHrefRe   = regexp.MustCompile(`(?:\s|^)((?:xlink:)?href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	xmlLocRe    = regexp.MustCompile(`<(loc|image:loc)>\s*([^<\s]+)\s*</`)
	xmlIDRe     = regexp.MustCompile(`\sid\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	refreshRe   = regexp.MustCompile(`(?i)^\s*\d+\s*;\s*url\s*=\s*['"]?([^'"]+)`)
)

func (lc *linkChecker) run() {
	err := filepath.WalkDir(lc.s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(p))
		if ext != ".html" && ext != ".xml" && ext != ".svg" && ext != ".css" {
			return nil
		}
		rel, err := filepath.Rel(lc.s.dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		lc.files++
		var refs []ref
		switch ext {
		case ".html":
			refs = htmlRefs(rel, b)
		case ".css":
			refs = cssRefs(rel, b, 1)
		default: // .xml, .svg
			refs = xmlRefs(rel, b)
		}
		for _, r := range refs {
			lc.check(r)
		}
		return nil
	})
	if err != nil {
		lc.t.Fatal(err)
	}
}

// check resolves r against the URL of its file and records it if broken.
func (lc *linkChecker) check(r ref) {
	v := strings.TrimSpace(r.val)
	if v == "" {
		lc.fail(r, "(empty)", "the URL is empty")
		return
	}
	u, err := url.Parse(v)
	if err != nil {
		lc.fail(r, v, "the URL cannot be parsed: "+err.Error())
		return
	}
	switch u.Scheme {
	case "", "http", "https":
	default:
		return // mailto:, tel:, data:…
	}
	absolute := u.Scheme != "" || u.Host != ""
	switch {
	case strings.HasPrefix(r.attr, "meta ") && r.attr != "meta refresh" && !absolute:
		// A meta refresh may be relative (the relative build's /vi/ page).
		lc.fail(r, "", "Open Graph and Twitter card URLs (meta og:url, og:image, twitter:image) must be absolute")
		return
	case strings.HasSuffix(r.file, ".xml") && !absolute:
		lc.fail(r, "", "sitemaps and feeds need absolute URLs (the sitemap protocol requires them; feed readers have no page to resolve against)")
		return
	case lc.s.name == "relative" && !absolute && strings.HasPrefix(v, "/"):
		lc.fail(r, "", "a root-relative URL in the relative-link build: opened from a plain folder it points to the root of the disk")
		return
	}
	fileURL := lc.base.ResolveReference(&url.URL{Path: r.file})
	target := fileURL.ResolveReference(u)
	if target.Scheme != lc.base.Scheme || target.Host != lc.base.Host {
		lc.external[target.Scheme+"://"+target.Host] = true
		return
	}
	lc.internal++
	shown := target.String()
	if !strings.HasPrefix(target.Path, lc.base.Path) {
		lc.fail(r, shown, fmt.Sprintf("outside the site: it does not start with the base path %s", lc.base.Path))
		return
	}
	rel := strings.TrimPrefix(target.Path, lc.base.Path)
	file := rel
	if rel == "" || strings.HasSuffix(rel, "/") {
		file = rel + "index.html"
	}
	if lc.s.name == "relative" && file != rel && !absolute && r.attr == "href" && strings.HasSuffix(r.file, ".html") {
		// Opened from a plain folder (file://), a relative link to a folder
		// shows a file listing, not its index.html. Counted apart: every
		// page has many.
		lc.folderLinks = append(lc.folderLinks, r)
	}
	full := filepath.Join(lc.s.dir, filepath.FromSlash(file))
	fi, err := os.Stat(full)
	switch {
	case err != nil && (rel == "" || strings.HasSuffix(rel, "/")):
		lc.fail(r, shown, "no such page: the output has no "+file)
		return
	case err != nil:
		lc.fail(r, shown, "no such file: the output has no "+file)
		return
	case fi.IsDir():
		lc.fail(r, shown, "a folder without the trailing slash: "+rel+"/ is the page (a plain folder or some hosts do not redirect)")
		return
	}
	if target.Fragment == "" {
		return
	}
	ext := strings.ToLower(path.Ext(file))
	if ext != ".html" && ext != ".svg" {
		return
	}
	ids := lc.idsOf(file)
	if !ids[target.Fragment] {
		lc.fail(r, shown, fmt.Sprintf("no element with id=%q in %s", target.Fragment, file))
	}
}

// fail records a broken link; an empty target groups the link with all
// others that break the same rule.
func (lc *linkChecker) fail(r ref, target, reason string) {
	key := target + "\x00" + reason
	b := lc.broken[key]
	if b == nil {
		b = &broken{target: target, reason: reason}
		lc.broken[key] = b
	}
	b.uses = append(b.uses, r)
}

// idsOf returns the ids of the elements of an output file.
func (lc *linkChecker) idsOf(file string) map[string]bool {
	if ids, ok := lc.ids[file]; ok {
		return ids
	}
	ids := map[string]bool{}
	b, err := os.ReadFile(filepath.Join(lc.s.dir, filepath.FromSlash(file)))
	if err == nil {
		if strings.HasSuffix(file, ".html") {
			z := html.NewTokenizer(bytes.NewReader(b))
			for {
				tt := z.Next()
				if tt == html.ErrorToken {
					break
				}
				if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
					for _, a := range z.Token().Attr {
						if a.Key == "id" {
							ids[a.Val] = true
						}
					}
				}
			}
		} else {
			for _, m := range xmlIDRe.FindAllSubmatch(b, -1) {
				ids[html.UnescapeString(string(m[1])+string(m[2]))] = true
			}
		}
	}
	lc.ids[file] = ids
	return ids
}

func (lc *linkChecker) report() {
	t := lc.t
	exts := make([]string, 0, len(lc.external))
	for e := range lc.external {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	t.Logf("%s build: %d files, %d internal links checked, external hosts linked: %s", lc.s.name, lc.files, lc.internal, strings.Join(exts, " "))
	if lc.files == 0 {
		t.Fatal("no HTML, XML, SVG or CSS file in the output")
	}
	if n := len(lc.folderLinks); n > 0 {
		var sb strings.Builder
		fmt.Fprintf(&sb, "%s build: %d relative links in pages end in a folder (…/) instead of …/index.html; opened from a plain folder (file://) the browser shows a file listing, not the page. For example:", lc.s.name, n)
		for _, r := range lc.folderLinks[:min(n, 5)] {
			fmt.Fprintf(&sb, "\n    %s:%d %s=%q", r.file, r.line, r.attr, r.val)
		}
		t.Error(sb.String())
	}
	if len(lc.broken) == 0 {
		return
	}
	list := make([]*broken, 0, len(lc.broken))
	uses := 0
	for _, b := range lc.broken {
		list = append(list, b)
		uses += len(b.uses)
	}
	sort.Slice(list, func(i, j int) bool {
		if len(list[i].uses) != len(list[j].uses) {
			return len(list[i].uses) > len(list[j].uses)
		}
		return list[i].target < list[j].target
	})
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s build: %d broken links or broken rules, %d uses:\n", lc.s.name, len(list), uses)
	for _, b := range list {
		if b.target == "" {
			fmt.Fprintf(&sb, "- %s\n  %d links, e.g.", b.reason, len(b.uses))
		} else {
			fmt.Fprintf(&sb, "- %s: %s\n  used %d times, in", b.target, b.reason, len(b.uses))
		}
		for i, r := range b.uses {
			if i == 3 {
				fmt.Fprintf(&sb, " … and %d more", len(b.uses)-3)
				break
			}
			fmt.Fprintf(&sb, " %s:%d (%s=%q)", r.file, r.line, r.attr, r.val)
		}
		sb.WriteString("\n")
	}
	t.Error(sb.String())
}

// htmlRefs extracts the URLs of an HTML page: href, src, srcset, poster,
// action, xlink:href, the URL of a meta refresh and of og:url/og:image, and
// url() in style attributes and <style>.
func htmlRefs(file string, b []byte) []ref {
	var refs []ref
	z := html.NewTokenizer(bytes.NewReader(b))
	line := 1
	inStyle := false
	for {
		tt := z.Next()
		raw := z.Raw()
		at := line
		line += bytes.Count(raw, []byte("\n"))
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				refs = append(refs, ref{file: file, line: at, attr: "parse error", val: z.Err().Error()})
			}
			return refs
		case html.TextToken:
			if inStyle {
				refs = append(refs, cssRefs(file, raw, at)...)
			}
		case html.EndTagToken:
			inStyle = false
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			inStyle = tok.Data == "style" && tt == html.StartTagToken
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Key] = a.Val
			}
			for _, a := range tok.Attr {
				switch a.Key {
				case "href", "src", "poster", "xlink:href":
					refs = append(refs, ref{file, at, a.Key, a.Val})
				case "action":
					if a.Val != "" { // "" submits to the page itself
						refs = append(refs, ref{file, at, a.Key, a.Val})
					}
				case "srcset":
					for _, c := range strings.Split(a.Val, ",") {
						if f := strings.Fields(c); len(f) > 0 {
							refs = append(refs, ref{file, at, a.Key, f[0]})
						}
					}
				case "style":
					for _, r := range cssRefs(file, []byte(a.Val), at) {
						r.attr = "style url()"
						refs = append(refs, r)
					}
				case "content":
					if tok.Data != "meta" {
						break
					}
					if strings.EqualFold(attrs["http-equiv"], "refresh") {
						if m := refreshRe.FindStringSubmatch(a.Val); m != nil {
							refs = append(refs, ref{file, at, "meta refresh", m[1]})
						}
					}
					switch attrs["property"] + attrs["name"] {
					case "og:url", "og:image", "twitter:image":
						refs = append(refs, ref{file, at, "meta " + attrs["property"] + attrs["name"], a.Val})
					}
				}
			}
		}
	}
}

// cssRefs extracts url() and @import URLs; first is the line of b's start.
func cssRefs(file string, b []byte, first int) []ref {
	var refs []ref
	lineAt := func(off int) int { return first + bytes.Count(b[:off], []byte("\n")) }
	for _, m := range cssURLRe.FindAllSubmatchIndex(b, -1) {
		v := ""
		for g := 1; g <= 3; g++ {
			if m[2*g] >= 0 {
				v = string(b[m[2*g]:m[2*g+1]])
			}
		}
		refs = append(refs, ref{file, lineAt(m[0]), "url()", v})
	}
	for _, m := range cssImportRe.FindAllSubmatchIndex(b, -1) {
		v := ""
		for g := 1; g <= 2; g++ {
			if m[2*g] >= 0 {
				v = string(b[m[2*g]:m[2*g+1]])
			}
		}
		refs = append(refs, ref{file, lineAt(m[0]), "@import", v})
	}
	return refs
}

// xmlRefs extracts href/src attributes and sitemap <loc> elements of XML
// and SVG files, and url() references in SVG.
func xmlRefs(file string, b []byte) []ref {
	var refs []ref
	lineAt := func(off int) int { return 1 + bytes.Count(b[:off], []byte("\n")) }
	for _, m := range xmlHrefRe.FindAllSubmatchIndex(b, -1) {
		v := ""
		for g := 2; g <= 3; g++ {
			if m[2*g] >= 0 {
				v = string(b[m[2*g]:m[2*g+1]])
			}
		}
		refs = append(refs, ref{file, lineAt(m[0]), string(b[m[2]:m[3]]), html.UnescapeString(v)})
	}
	for _, m := range xmlLocRe.FindAllSubmatchIndex(b, -1) {
		refs = append(refs, ref{file, lineAt(m[0]), "<" + string(b[m[2]:m[3]]) + ">", html.UnescapeString(string(b[m[4]:m[5]]))})
	}
	if strings.HasSuffix(file, ".svg") {
		refs = append(refs, cssRefs(file, b, 1)...)
	}
	return refs
}
