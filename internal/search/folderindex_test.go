package search

import (
	"strings"
	"testing"
)

// TestClientFolderIndex: with data-folder-index="index.html" (what a
// relative build's page says) every result link names the folder's
// index.html, before any #fragment, so that it opens a page from a plain
// folder; without it (counter-test) the links are the folders themselves.
func TestClientFolderIndex(t *testing.T) {
	t.Parallel()
	files := Build(portalCorpus)
	q := []string{"sap nhap thon"}
	rel := runClientWith(t, files, q, map[string]string{"data-base": "../", "data-folder-index": "index.html"})
	plain := runClientWith(t, files, q, nil)
	if len(rel[0].Results) < 2 || len(rel[0].Results) != len(plain[0].Results) {
		t.Fatalf("results: %d with the attribute, %d without", len(rel[0].Results), len(plain[0].Results))
	}
	fragments := 0
	for i, r := range rel[0].Results {
		link, frag, hasFrag := strings.Cut(r.Href, "#")
		if hasFrag {
			fragments++
		}
		if !strings.HasPrefix(link, "../") || !strings.HasSuffix(link, "/index.html") {
			t.Errorf("relative result %d: %q does not name an index.html", i, r.Href)
		}
		want := strings.TrimSuffix(link, "index.html")
		want = strings.TrimPrefix(want, "../")
		if hasFrag {
			want += "#" + frag
		}
		if p := plain[0].Results[i].Href; p != want {
			t.Errorf("result %d: %q without the attribute, %q with it", i, p, r.Href)
		}
	}
	if fragments == 0 {
		t.Error("no result with a #fragment: the fragment case is not checked")
	}
}
