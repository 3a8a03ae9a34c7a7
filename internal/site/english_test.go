package site

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/minhbach/minhbach/internal/plan"
)

// English pages: every Vietnamese fragment sits inside an element marked
// lang="vi", and every body is called by its one English name.

// viLetterRE finds a letter only Vietnamese uses.
var viLetterRE = regexp.MustCompile(`(?i)[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]`)

// docNumberRE is a Vietnamese document's number (36/2014/QĐ-UBND,
// 112/BC-SNV): a code, cited as it is in any language.
var docNumberRE = regexp.MustCompile(`\b\d+(/\d{4})?/[A-ZĐ]+(-[A-ZĐ0-9]+)*\b`)

// englishRuns returns the text of an HTML page that is not inside an
// element marked lang="vi" (nor in a script or style), one run per text
// node.
func englishRuns(data []byte) ([]string, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	var out []string
	var walk func(n *html.Node, vi bool)
	walk = func(n *html.Node, vi bool) {
		if n.Type == html.ElementNode {
			if n.Data == "script" || n.Data == "style" {
				return
			}
			for _, a := range n.Attr {
				if a.Key == "lang" {
					vi = a.Val == "vi" || strings.HasPrefix(a.Val, "vi-")
				}
				// A copy hidden from assistive technology (the timeline's
				// sticky key repeats the labels beside it) is not read,
				// so its language is not said; what it repeats is checked
				// where it is shown.
				if a.Key == "aria-hidden" && a.Val == "true" {
					return
				}
			}
		}
		if n.Type == html.TextNode && !vi && strings.TrimSpace(n.Data) != "" {
			out = append(out, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, vi)
		}
	}
	walk(doc, false)
	return out, nil
}

// unmarkedVietnamese returns the Vietnamese fragments of English pages
// that are not marked lang="vi": words with Vietnamese letters, and the
// agencies' Vietnamese short names (UBND tỉnh, SNV) as words of their own.
func unmarkedVietnamese(files map[string][]byte, shorts []string) []string {
	var shortRE *regexp.Regexp
	if len(shorts) > 0 {
		q := make([]string, len(shorts))
		for i, s := range shorts {
			q[i] = regexp.QuoteMeta(s)
		}
		sort.Slice(q, func(i, j int) bool { return len(q[i]) > len(q[j]) })
		shortRE = regexp.MustCompile(`(^|[\s(,;:])(` + strings.Join(q, "|") + `)($|[\s),;:.])`)
	}
	var bad []string
	for _, name := range sortedNames(files) {
		if !strings.HasPrefix(name, "en/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		runs, err := englishRuns(files[name])
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		for _, r := range runs {
			s := docNumberRE.ReplaceAllString(r, "")
			if viLetterRE.MatchString(s) || shortRE != nil && shortRE.MatchString(s) {
				bad = append(bad, fmt.Sprintf("%s: %q", name, strings.TrimSpace(r)))
			}
		}
	}
	return bad
}

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func agencyShorts(p *plan.Project) []string {
	var out []string
	for _, a := range p.Agencies.Agencies {
		if a.Short != "" {
			out = append(out, a.Short)
		}
	}
	return append(out, "UBND")
}

func TestEnglishPagesMarkVietnamese(t *testing.T) {
	fsys := memPortal(t)
	res := memBuild(t, fsys, "/out")
	files := tree(t, fsys, "/out")
	shorts := agencyShorts(res.Project)
	pages := 0
	for name := range files {
		if strings.HasPrefix(name, "en/") && strings.HasSuffix(name, ".html") {
			pages++
		}
	}
	if pages < 50 {
		t.Fatalf("only %d English pages", pages)
	}
	for _, b := range unmarkedVietnamese(files, shorts) {
		t.Error(b)
	}

	// Counter-test: the same pages with their lang="vi" marks removed are
	// caught, on the pages that hold Vietnamese fragments.
	for _, name := range []string{"en/ke-hoach/index.html", "en/co-quan/so-noi-vu/index.html",
		"en/nhiem-vu/sap-xep-don-vi-cap-xa/index.html", "en/ky-bao-cao/2018-H1/so-noi-vu/index.html"} {
		data, ok := files[name]
		if !ok {
			t.Errorf("%s not built", name)
			continue
		}
		stripped := bytes.ReplaceAll(data, []byte(` lang="vi"`), nil)
		if bytes.Equal(stripped, data) {
			t.Errorf("%s has no lang=\"vi\" fragment to strip", name)
			continue
		}
		if bad := unmarkedVietnamese(map[string][]byte{name: stripped}, shorts); len(bad) == 0 {
			t.Errorf("%s without its lang=\"vi\" marks: not caught", name)
		}
	}
	// A short name alone (no Vietnamese letter) is caught too.
	if bad := unmarkedVietnamese(map[string][]byte{"en/x.html": []byte(`<html lang="en"><p>Led by SNV.</p></html>`)}, shorts); len(bad) != 1 {
		t.Errorf("an unmarked short name: %v", bad)
	}
}

// bodyWordRE finds a word that names a kind of body, capitalised as a name.
var bodyWordRE = regexp.MustCompile(`\b(Department|Departments|Office|Offices|Board|Boards|Committee|Committees|Council|Ministry|Delegation|Front|Inspectorate|Politburo|Assembly)\b`)

// otherEnglishNames returns the places of English pages (outside lang="vi")
// that name a body by anything but one of the English names in names: what
// is left of the text once every name is taken out must hold no word such
// as "Department" or "Committee". A text cut short ("…") is left to the
// page that shows it whole.
func otherEnglishNames(files map[string][]byte, names []string) []string {
	q := make([]string, 0, len(names))
	for _, n := range names {
		if n != "" {
			q = append(q, regexp.QuoteMeta(n))
		}
	}
	sort.Slice(q, func(i, j int) bool { return len(q[i]) > len(q[j]) })
	nameRE := regexp.MustCompile(`(?i)` + strings.Join(q, "|"))
	var bad []string
	for _, name := range sortedNames(files) {
		if !strings.HasPrefix(name, "en/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		runs, err := englishRuns(files[name])
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		for _, r := range runs {
			if strings.HasSuffix(strings.TrimSpace(r), "…") {
				continue // cut short, perhaps inside a name: checked where it is shown whole
			}
			left := nameRE.ReplaceAllString(r, "∎")
			if w := bodyWordRE.FindString(left); w != "" {
				bad = append(bad, fmt.Sprintf("%s: %q (%q is not part of a body's English name)", name, strings.TrimSpace(r), w))
			}
		}
	}
	return bad
}

func englishBodyNames(p *plan.Project) []string {
	var out []string
	for _, a := range p.Agencies.Agencies {
		out = append(out, a.NameEn)
	}
	for _, g := range p.Agencies.Groups {
		out = append(out, g.NameEn)
	}
	for _, r := range p.Agencies.Roles {
		out = append(out, r.TitleEn)
	}
	return out
}

func TestOneEnglishNamePerBody(t *testing.T) {
	fsys := memPortal(t)
	res := memBuild(t, fsys, "/out")
	files := tree(t, fsys, "/out")
	names := englishBodyNames(res.Project)
	seen := map[string]bool{}
	for _, n := range names {
		if seen[strings.ToLower(n)] {
			t.Errorf("two bodies are called %q", n)
		}
		seen[strings.ToLower(n)] = true
	}
	for _, b := range otherEnglishNames(files, names) {
		t.Error(b)
	}
	// Counter-test: a body called by a second English name (the names
	// this portal once used) is caught.
	for _, other := range []string{"the Propaganda Board of the Provincial Party Committee",
		"the Vietnam Fatherland Front Committee", "the Standing Office of the Provincial Party Committee",
		"the Party Central Committee", "the Departments of Science and Technology, Finance"} {
		page := []byte(`<html lang="en"><body><p>With ` + other + `.</p></body></html>`)
		if bad := otherEnglishNames(map[string][]byte{"en/x.html": page}, names); len(bad) != 1 {
			t.Errorf("%q: not caught (%v)", other, bad)
		}
	}
}
