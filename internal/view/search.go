package view

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"

	"github.com/minhbach/minhbach/internal/search"
)

// SearchDir is where a language's search index lives, relative to the
// language's root; the search page's template names the same folder.
const SearchDir = "tim-kiem/chi-muc/"

// SearchDocs lists what search finds in lang: tasks, milestones,
// agencies and groups, published reports and the plan itself. URLs are
// relative to the language's root.
func (m *Model) SearchDocs(lang string) []search.Doc {
	return (&presenter{Model: m, lang: lang}).searchDocs()
}

func (pr *presenter) searchDocs() []search.Doc {
	var docs []search.Doc
	reg := pr.p.Agencies
	for _, ts := range pr.snap.Tasks {
		t := ts.Task
		text := []string{t.Title, t.TitleEn}
		for _, ms := range ts.Milestones {
			m := ms.Milestone
			owner := pr.agencyLink(m.Owner).Name
			text = append(text, owner)
			var partners []string
			for _, p := range m.Partners {
				partners = append(partners, pr.agencyLink(p).Name)
			}
			docs = append(docs, search.Doc{
				URL:    TaskURL(t.Slug) + "#moc-" + m.ID,
				Title:  pr.w("search_title_milestone", m.ID, owner),
				Kind:   "milestone",
				Status: labelOf(pr.msStatus(ms.Status, m)),
				Text: joinNonEmpty("\n", m.Action, m.ActionEn, m.Deliverable, m.DueWords(pr.lang),
					strings.Join(partners, ", "), strings.Join(m.OtherPartners, ", "), t.Title),
			})
		}
		docs = append(docs, search.Doc{
			URL:    TaskURL(t.Slug),
			Title:  fmt.Sprintf("%d. %s", t.Number, pr.t(t.Title, t.TitleEn)),
			Kind:   "task",
			Status: labelOf(pr.status(ts.Status)),
			Text:   joinNonEmpty("\n", text...),
		})
	}
	for _, a := range reg.Agencies {
		docs = append(docs, search.Doc{URL: AgencyURL(a.ID), Title: pr.t(a.Name, a.NameEn), Kind: "agency",
			Text: joinNonEmpty("\n", a.Name, a.NameEn, a.Short, a.Head)})
	}
	for _, g := range reg.Groups {
		var members []string
		for _, m := range reg.MembersAt(g.ID, pr.snap.AsOf) {
			members = append(members, pr.agencyLink(m.ID).Name)
		}
		docs = append(docs, search.Doc{URL: AgencyURL(g.ID), Title: pr.t(g.Name, g.NameEn), Kind: "agency",
			Text: joinNonEmpty("\n", g.Name, g.NameEn, strings.Join(members, ", "))})
	}
	for _, r := range pr.published {
		if !r.IsPublished() {
			continue
		}
		text := []string{plainText(renderMarkdown(r.Body, pr.lang))}
		for _, u := range r.Updates {
			text = append(text, u.Note, strings.Join(u.Evidence, "\n"))
		}
		docs = append(docs, search.Doc{
			URL:   reportURL(r.Period, r.Agency),
			Title: pr.w("search_title_report", r.Number, pr.agencyLink(r.Agency).Name, r.PeriodInfo.Words(pr.lang)),
			Kind:  "report",
			Text:  joinNonEmpty("\n", text...),
		})
	}
	pl := pr.p.Plan
	text := append([]string{pl.Title, pl.Preamble}, pl.Purpose...)
	text = append(text, pl.Requirements...)
	for _, b := range pl.Basis {
		text = append(text, b.Number+" "+b.Issuer+" "+b.Title)
	}
	docs = append(docs, search.Doc{URL: "ke-hoach/", Title: pr.t(pl.Title, pl.TitleEn), Kind: "page", Text: joinNonEmpty("\n", text...)})
	return docs
}

func labelOf(s *StatusV) string {
	if s == nil {
		return ""
	}
	return s.Label
}

// plainText returns the text of an HTML fragment.
func plainText(fragment string) string {
	z := html.NewTokenizer(bytes.NewReader([]byte(fragment)))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(b.String())
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			b.WriteByte(' ')
		}
	}
}

// SearchV is the search page: where its index lives, relative to the
// language's root.
type SearchV struct {
	Index string `json:"index"`
}

func (pr *presenter) searchPage() error {
	v := SearchV{Index: SearchDir}
	return pr.write("tim-kiem", page{Title: pr.w("nav_search"), Type: "search", Params: params{V: v}}, "")
}
