package view

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/minhbach/minhbach/internal/msg"
)

// md renders report narratives. It is goldmark with its safe defaults, as
// Hugo configures it: raw HTML is omitted and links with dangerous schemes
// (javascript:, vbscript:, data: other than images…) are dropped. Reports
// are rendered here, in Go, rather than handed to Hugo as page content, so
// that report text never goes through Hugo's shortcode processing.
var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// renderMarkdown returns the HTML of a report narrative, its words (the
// link that stands for an image on another site) in lang. Before it is
// rendered the tree is made fit for the report's page (narrative):
// headings are demoted, dangerous links become their text and images on
// other hosts become links.
func renderMarkdown(src string, lang string) string {
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	narrative(doc, source, func(alt string) string {
		l := msg.For(lang)
		if alt == "" {
			return msg.Get(l, "report_image_elsewhere")
		}
		return msg.Get(l, "report_image_elsewhere_alt", alt)
	})
	var b bytes.Buffer
	if err := md.Renderer().Render(&b, source, doc); err != nil {
		// goldmark only fails when the writer does; a bytes.Buffer does not.
		return ""
	}
	return b.String()
}

// headingShift is how far a narrative's headings are demoted: the
// narrative sits under the page's h1 and its own h2 ("Nội dung báo cáo"),
// so its "# " is an h3 and nothing in it is an h1 or h2 of the page.
const headingShift = 2

// narrative rewrites a parsed narrative in place:
//   - a heading of level n becomes level n+2 (at most 6);
//   - a link or autolink to a dangerous URL (javascript:, vbscript:,
//     file:, data: — goldmark would write href="", a link that goes
//     nowhere) becomes its text, without a link;
//   - an image at a dangerous URL becomes its alt text;
//   - an image on another host (which the Content-Security-Policy,
//     img-src 'self' data:, would show broken, and which would tell that
//     host who reads the page) becomes a link to it, its text said by
//     elsewhere(alt); inside a link it becomes its alt text, since a link
//     may not hold a link.
func narrative(doc ast.Node, source []byte, elsewhere func(alt string) string) {
	var walk func(n ast.Node, inLink bool)
	walk = func(n ast.Node, inLink bool) {
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			switch v := c.(type) {
			case *ast.Heading:
				v.Level = min(v.Level+headingShift, 6)
			case *ast.Link:
				if dangerous(v.Destination) {
					walk(v, inLink)
					next = unwrap(n, v, next)
					c = nil
				}
			case *ast.AutoLink:
				if dangerous(v.URL(source)) {
					n.ReplaceChild(n, v, ast.NewString(v.Label(source)))
					c = nil
				}
			case *ast.Image:
				alt := plainAlt(v, source)
				switch {
				case dangerous(v.Destination) || (inLink && offSite(v.Destination)):
					n.ReplaceChild(n, v, ast.NewString([]byte(alt)))
					c = nil
				case offSite(v.Destination):
					l := ast.NewLink()
					l.Destination = v.Destination
					l.AppendChild(l, ast.NewString([]byte(elsewhere(alt))))
					n.ReplaceChild(n, v, l)
					c = nil
				}
			}
			if c != nil {
				_, isLink := c.(*ast.Link)
				walk(c, inLink || isLink)
			}
			c = next
		}
	}
	walk(doc, false)
}

// dangerous reports whether goldmark would drop the address dest (write
// href="" or src=""): the test its renderer makes, on the address as it
// writes it (entities such as &#106; resolved).
func dangerous(dest []byte) bool {
	return html.IsDangerousURL(util.URLEscape(dest, true))
}

// unwrap puts link's children in its place in parent and returns the node
// the walk goes on with (next, the node that followed the link).
func unwrap(parent, link ast.Node, next ast.Node) ast.Node {
	for c := link.FirstChild(); c != nil; {
		cn := c.NextSibling()
		parent.InsertBefore(parent, link, c)
		c = cn
	}
	parent.RemoveChild(parent, link)
	return next
}

// plainAlt is an image's alt text: the text of its children, as goldmark
// writes it in alt="…".
func plainAlt(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// offSite reports whether an image address points at another host: it has
// a host (https://…, //…) or a scheme other than data: (whose safe image
// types the policy allows, and which ask nothing of anyone).
func offSite(dest []byte) bool {
	u, err := url.Parse(strings.TrimSpace(string(util.URLEscape(dest, true))))
	if err != nil {
		return true
	}
	return u.Host != "" || (u.Scheme != "" && !strings.EqualFold(u.Scheme, "data"))
}
