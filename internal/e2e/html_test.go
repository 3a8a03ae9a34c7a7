package e2e

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// voidElements never have an end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// closesP are the elements whose start tag closes an open <p>: written
// inside a <p>, the browser builds another tree than the markup says.
var closesP = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "details": true, "dialog": true,
	"div": true, "dl": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hgroup": true, "hr": true, "main": true, "menu": true, "nav": true, "ol": true,
	"p": true, "pre": true, "search": true, "section": true, "table": true, "ul": true,
}

// TestHTMLWellFormed checks every page of the root build with a strict
// tokenizer pass: every non-void element is closed, in order; no element is
// nested where the browser would re-nest it (a block inside <p>, <a> inside
// <a>); no duplicate id or attribute; exactly one <h1>; <!DOCTYPE html>;
// <html lang> set; a non-empty <title>. Problems are grouped by message.
func TestHTMLWellFormed(t *testing.T) {
	s := rootSite(t)
	byMsg := map[string][]string{}
	pages := 0
	err := filepath.WalkDir(s.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(s.dir, p)
		rel = filepath.ToSlash(rel)
		pages++
		for _, pr := range checkHTML(b) {
			byMsg[pr.msg] = append(byMsg[pr.msg], fmt.Sprintf("%s:%d", rel, pr.line))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages == 0 {
		t.Fatal("no .html file in the output")
	}
	t.Logf("%d pages checked", pages)
	if len(byMsg) == 0 {
		return
	}
	msgs := make([]string, 0, len(byMsg))
	total := 0
	for m, where := range byMsg {
		msgs = append(msgs, m)
		total += len(where)
	}
	sort.Slice(msgs, func(i, j int) bool {
		if len(byMsg[msgs[i]]) != len(byMsg[msgs[j]]) {
			return len(byMsg[msgs[i]]) > len(byMsg[msgs[j]])
		}
		return msgs[i] < msgs[j]
	})
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d kinds of malformed HTML, %d occurrences:\n", len(msgs), total)
	for _, m := range msgs {
		where := byMsg[m]
		fmt.Fprintf(&sb, "- %s\n  %d times, at %s", m, len(where), strings.Join(where[:min(len(where), 4)], " "))
		if len(where) > 4 {
			fmt.Fprintf(&sb, " … and %d more", len(where)-4)
		}
		sb.WriteString("\n")
	}
	t.Error(sb.String())
}

// TestCheckHTMLCatches makes sure that checkHTML can fail.
func TestCheckHTMLCatches(t *testing.T) {
	good := `<!DOCTYPE html><html lang="vi"><head><title>T</title></head><body><h1 id="a">A</h1><p>x<br>y</p><svg><path d="M0"/></svg></body></html>`
	if pr := checkHTML([]byte(good)); len(pr) != 0 {
		t.Errorf("a good page has problems: %v", pr)
	}
	for _, bad := range []string{
		`<!DOCTYPE html><html><head><title>T</title></head><body><h1>A</h1></body></html>`,                                   // no lang
		`<!DOCTYPE html><html lang="vi"><head><title> </title></head><body><h1>A</h1></body></html>`,                         // empty title
		`<!DOCTYPE html><html lang="vi"><head><title>T</title></head><body><h1>A</h1><h1>B</h1></body></html>`,               // two h1
		`<!DOCTYPE html><html lang="vi"><head><title>T</title></head><body><p>A</body></html>`,                               // unclosed p
		`<!DOCTYPE html><html lang="vi"><head><title>T</title></head><body><h1>A</h1><div><span></div></span></body></html>`, // misnested
		`<!DOCTYPE html><html lang="vi"><head><title>T</title></head><body><h1 id="x">A</h1><p id="x"></p></body></html>`,    // duplicate id
		`<!DOCTYPE html><html lang="vi"><head><title>T</title></head><body><h1>A</h1><p><ul></ul></p></body></html>`,         // block in p
		`<html lang="vi"><head><title>T</title></head><body><h1>A</h1></body></html>`,                                        // no doctype
		`<!DOCTYPE html><html lang="vi"><head><title>T</title></head><body><h1>A</h1><div/></body></html>`,                   // self-closing div
	} {
		if pr := checkHTML([]byte(bad)); len(pr) == 0 {
			t.Errorf("no problem found in %s", bad)
		}
	}
}

type htmlProblem struct {
	line int
	msg  string
}

// checkHTML returns the problems of one page.
func checkHTML(b []byte) []htmlProblem {
	var probs []htmlProblem
	add := func(line int, format string, args ...any) {
		probs = append(probs, htmlProblem{line, fmt.Sprintf(format, args...)})
	}
	type open struct {
		name string
		line int
	}
	var stack []open
	foreign := 0 // depth inside <svg> or <math>
	ids := map[string]int{}
	h1 := 0
	redirect := false
	sawDoctype, sawHTML, first := false, false, true
	titles := 0
	inTitle, titleText, titleLine := false, "", 0
	z := html.NewTokenizer(bytes.NewReader(b))
	line := 1
	for {
		tt := z.Next()
		raw := z.Raw()
		at := line
		line += bytes.Count(raw, []byte("\n"))
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				add(at, "tokenizer error: %v", z.Err())
			}
			break
		}
		if tt == html.TextToken && len(bytes.TrimSpace(raw)) == 0 && !inTitle {
			continue
		}
		if first && tt != html.CommentToken {
			first = false
			if tt != html.DoctypeToken {
				add(at, "the page does not start with <!DOCTYPE html>")
			}
		}
		switch tt {
		case html.DoctypeToken:
			if sawDoctype {
				add(at, "a second <!DOCTYPE>")
			}
			sawDoctype = true
			if !strings.EqualFold(strings.TrimSpace(string(z.Text())), "html") {
				add(at, "<!DOCTYPE %s>, want <!DOCTYPE html>", z.Text())
			}
		case html.TextToken:
			if inTitle {
				titleText += string(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			name := tok.Data
			seen := map[string]bool{}
			for _, a := range tok.Attr {
				if seen[a.Key] {
					add(at, "<%s> has the attribute %s twice", name, a.Key)
				}
				seen[a.Key] = true
				if a.Key == "id" {
					if a.Val == "" {
						add(at, "<%s> has an empty id", name)
					} else if l, dup := ids[a.Val]; dup {
						add(at, "duplicate id=%q (first at line %d)", a.Val, l)
					} else {
						ids[a.Val] = at
					}
				}
			}
			if foreign == 0 {
				switch name {
				case "html":
					if sawHTML {
						add(at, "a second <html>")
					}
					sawHTML = true
					if lang, ok := attr(tok, "lang"); !ok || strings.TrimSpace(lang) == "" {
						add(at, "<html> has no lang attribute")
					}
				case "h1":
					h1++
				case "meta":
					if v, _ := attr(tok, "http-equiv"); strings.EqualFold(v, "refresh") {
						redirect = true // a redirect stub (an alias) shows nothing
					}
				case "title":
					titles++
					inTitle, titleText, titleLine = true, "", at
				case "a":
					for _, o := range stack {
						if o.name == "a" {
							add(at, "<a> inside <a> (opened at line %d): browsers split them", o.line)
						}
					}
				}
				if closesP[name] {
					for i := len(stack) - 1; i >= 0; i-- {
						n := stack[i].name
						if n == "p" {
							add(at, "<%s> inside <p> (opened at line %d): the browser closes the <p> first, so the page's tree is not the markup's", name, stack[i].line)
							break
						}
						if n == "button" || n == "table" || n == "td" || n == "th" || n == "caption" || n == "template" || n == "object" || n == "svg" || n == "math" {
							break
						}
					}
				}
			}
			if tt == html.SelfClosingTagToken {
				if foreign == 0 && !voidElements[name] && name != "svg" && name != "math" {
					add(at, "<%s/>: %s is not a void element, so the slash is ignored and the element stays open", name, name)
				}
				if inTitle && name == "title" {
					inTitle = false
				}
				continue
			}
			if voidElements[name] && foreign == 0 {
				continue
			}
			if name == "svg" || name == "math" || foreign > 0 {
				foreign++
			}
			stack = append(stack, open{name, at})
		case html.EndTagToken:
			tok := z.Token()
			name := tok.Data
			if voidElements[name] && foreign == 0 {
				add(at, "</%s>: %s is a void element and has no end tag", name, name)
				continue
			}
			if name == "title" && inTitle {
				inTitle = false
				if strings.TrimSpace(titleText) == "" {
					add(titleLine, "the <title> is empty")
				}
			}
			i := len(stack) - 1
			for i >= 0 && stack[i].name != name {
				i--
			}
			if i < 0 {
				add(at, "</%s> closes nothing: no <%s> is open", name, name)
				continue
			}
			for j := len(stack) - 1; j > i; j-- {
				add(stack[j].line, "<%s> is not closed before </%s> (line %d)", stack[j].name, name, at)
			}
			for j := len(stack) - 1; j >= i; j-- {
				if foreign > 0 {
					foreign--
				}
			}
			stack = stack[:i]
		}
	}
	for j := len(stack) - 1; j >= 0; j-- {
		add(stack[j].line, "<%s> is never closed", stack[j].name)
	}
	if !sawHTML {
		add(1, "no <html> element")
	}
	if h1 != 1 && !redirect {
		add(1, "%d <h1> elements, want exactly one", h1)
	}
	if titles == 0 {
		add(1, "no <title>")
	} else if titles > 1 {
		add(1, "%d <title> elements outside SVG, want one", titles)
	}
	return probs
}

func attr(tok html.Token, key string) (string, bool) {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}
