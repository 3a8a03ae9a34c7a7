package search

import "testing"

// TestClientMarksVietnameseResults: on an English page (data-lang="en")
// a result whose title or snippet is Vietnamese words carries lang="vi",
// and an English one does not; on a Vietnamese page (counter-test) no
// result is marked, since the page's own language is Vietnamese.
func TestClientMarksVietnameseResults(t *testing.T) {
	corpus := append([]Doc{{URL: "co-quan/english/", Kind: "agency", Title: "Department of Home Affairs",
		Text: "Department of Home Affairs, the department that compiles the reports"}}, portalCorpus...)
	files := Build(corpus)
	q := []string{"department", "so noi vu"}
	en := runClientWith(t, files, q, map[string]string{"data-lang": "en"})
	vi := runClientWith(t, files, q, map[string]string{"data-lang": "vi"})
	var english, vietnamese int
	for _, res := range en {
		for _, r := range res.Results {
			switch r.Title {
			case "Department of Home Affairs":
				english++
				if r.TitleLang != "" || r.SnippetLang != "" {
					t.Errorf("%q: an English result is marked lang=%q/%q", res.Query, r.TitleLang, r.SnippetLang)
				}
			default:
				vietnamese++
				if r.TitleLang != "vi" {
					t.Errorf("%q: the Vietnamese title %q is not marked lang=vi", res.Query, r.Title)
				}
				if r.SnippetLang != "vi" {
					t.Errorf("%q: the snippet of %q is not marked lang=vi (%q)", res.Query, r.Title, r.SnippetLang)
				}
			}
		}
	}
	if english == 0 || vietnamese == 0 {
		t.Fatalf("%d English and %d Vietnamese results: both cases must be checked", english, vietnamese)
	}
	for _, res := range vi {
		for _, r := range res.Results {
			if r.TitleLang != "" || r.SnippetLang != "" {
				t.Errorf("Vietnamese page, %q: %q marked lang=%q/%q", res.Query, r.Title, r.TitleLang, r.SnippetLang)
			}
		}
	}
}
