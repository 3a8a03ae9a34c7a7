package view

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/minhbach/minhbach/internal/msg"
)

// Outputs is every file a build writes into the output folder, by its path
// there (with slashes, under the language's folder), and what writes it: the
// pages Hugo renders from the generated content (and the redirect pages of
// their aliases) and the files Go writes itself. Two of them at one path
// are a ClashError, not one silently replacing the other. The loader
// already refuses the ids that would take an address the site makes itself
// (plan.Reserved); this is the guard for any other way two files meet.
//
// Hugo's own files (sitemap.xml, robots.txt, 404.html) and static/ are
// not in it.
type Outputs struct {
	mu sync.Mutex
	by map[string]Writer
}

// Writer is what writes one output file: Kind is one of the Writer*
// constants; Detail, for a page (and an alias's redirect page), the page's
// title, type and content file; Alias the alias.
type Writer struct {
	Kind, Detail, Alias string
}

// The kinds of writers of output files.
const (
	WriterPage   = "page"
	WriterAlias  = "alias"
	WriterBadge  = "badge"
	WriterCard   = "card"
	WriterFeed   = "feed"
	WriterSearch = "search"
	WriterData   = "data"
)

// text says what w is in language l.
func (w Writer) text(l msg.Lang) string {
	switch w.Kind {
	case WriterPage:
		return msg.Get(l, "clash_page", w.Detail)
	case WriterAlias:
		return msg.Get(l, "clash_alias", w.Alias, w.Detail)
	case WriterBadge:
		return msg.Get(l, "clash_badge")
	case WriterCard:
		return msg.Get(l, "clash_card")
	case WriterFeed:
		return msg.Get(l, "clash_feed")
	case WriterSearch:
		return msg.Get(l, "clash_search")
	}
	return msg.Get(l, "clash_data")
}

// ClashError is two files written to one path of the output folder.
type ClashError struct {
	// Path is the path in the output folder; the writers are in the order
	// of their texts, so that the message does not depend on which was
	// made first.
	Path string
	A, B Writer
}

func (e *ClashError) Error() string { return e.Text(msg.EN) }

// Text is the message in language l.
func (e *ClashError) Text(l msg.Lang) string {
	a, b := e.A.text(l), e.B.text(l)
	if b < a {
		a, b = b, a
	}
	return msg.Get(l, "build.clash", e.Path, a, b)
}

// Claim records that w writes the output file at path, and returns a
// ClashError when something else already does. It is safe for concurrent
// use.
func (o *Outputs) Claim(path string, w Writer) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.by == nil {
		o.by = map[string]Writer{}
	}
	if prev, ok := o.by[path]; ok {
		return &ClashError{Path: path, A: prev, B: w}
	}
	o.by[path] = w
	return nil
}

// Paths are the paths claimed, sorted.
func (o *Outputs) Paths() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := make([]string, 0, len(o.by))
	for p := range o.by {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Outputs is the record of the files the build of m writes: the pages
// Pages makes, and what the site records of the files Go writes.
func (m *Model) Outputs() *Outputs { return &m.outputs }

// pageOutput is the path in the output folder of the page whose content
// file is path (relative to the language's root, without the language and
// extension: "nhiem-vu/<slug>/index", "ky-bao-cao/<period>/_index",
// "ky-bao-cao/<period>/<agency>", "_index") in lang, as Hugo writes it.
func pageOutput(lang, path string) string {
	dir := path
	switch {
	case path == "_index" || path == "index":
		dir = ""
	case strings.HasSuffix(path, "/_index"):
		dir = strings.TrimSuffix(path, "/_index")
	case strings.HasSuffix(path, "/index"):
		dir = strings.TrimSuffix(path, "/index")
	}
	return aliasOutput(lang, dir)
}

// aliasOutput is the path in the output folder of the redirect page Hugo
// writes in lang for the alias url (as aliasURLs makes it: "/co-quan/x/").
func aliasOutput(lang, url string) string {
	if p := strings.Trim(url, "/"); p != "" {
		return LangDir(lang) + p + "/index.html"
	}
	return LangDir(lang) + "index.html"
}

// claimPage claims the output files of the page written to content path
// (see pageOutput) in the presenter's language: the page and the redirect
// page of each of its aliases.
func (pr *presenter) claimPage(path string, pg page) error {
	if pr.claims == nil {
		return nil
	}
	typ := pg.Type
	if typ == "" {
		typ = "-"
	}
	w := Writer{Kind: WriterPage, Detail: fmt.Sprintf("%q (%s, content/%s.%s.md)", pg.Title, typ, path, pr.lang)}
	if err := pr.claims.Claim(pageOutput(pr.lang, path), w); err != nil {
		return err
	}
	for _, a := range pg.Aliases {
		if err := pr.claims.Claim(aliasOutput(pr.lang, a), Writer{Kind: WriterAlias, Detail: w.Detail, Alias: a}); err != nil {
			return err
		}
	}
	return nil
}
