package search

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/testportal"
)

// jsResult is what testdata/harness.js reports for one query.
type jsResult struct {
	Query   string `json:"query"`
	Status  string `json:"status"`
	Bytes   int    `json:"bytes"`
	Files   int    `json:"files"`
	Results []struct {
		Href  string `json:"href"`
		Title string `json:"title"`
		// TitleLang and SnippetLang are the lang attributes of the title
		// and of the snippet.
		TitleLang   string   `json:"titleLang"`
		SnippetLang string   `json:"snippetLang"`
		Spans       []string `json:"spans"`
		Marks       []string `json:"marks"`
	} `json:"results"`
}

// runClient runs static/js/search.js in Node over files for each query.
func runClient(t *testing.T, files map[string][]byte, queries []string) []jsResult {
	t.Helper()
	return runClientWith(t, files, queries, nil)
}

// runClientWith is runClient with extra data-* attributes on the script.
func runClientWith(t *testing.T, files map[string][]byte, queries []string, attrs map[string]string) []jsResult {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		testportal.Missing(t, "node is not installed: the client is not checked against Query here")
	}
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	qs, _ := json.Marshal(queries)
	qfile := filepath.Join(t.TempDir(), "queries.json")
	if err := os.WriteFile(qfile, qs, 0o644); err != nil {
		t.Fatal(err)
	}
	client, err := filepath.Abs("../../static/js/search.js")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "testdata/harness.js", dir, client, qfile)
	if attrs != nil {
		a, _ := json.Marshal(attrs)
		cmd.Env = append(os.Environ(), "MB_SCRIPT_ATTRS="+string(a))
	}
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("node: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	var res []jsResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("harness output: %v\n%.500s", err, out)
	}
	return res
}

// TestClientMatchesQuery runs the browser client in Node and checks that it
// shows the same results, in the same order, with the same count, and reads
// exactly the bytes QueryCost says, as Query in Go.
func TestClientMatchesQuery(t *testing.T) {
	t.Parallel()
	docs := append(slices.Clone(corpus), synthetic(400, 1600, 2400)...)
	files := Build(docs)
	if missing := missingForms(files); len(missing) > 0 {
		t.Fatalf("the test index lacks forms of the format, so the client is not checked on them: %q", missing)
	}
	queries := []string{
		"sap nhap thon", "sáp nhập thôn", "sắp xếp", "sáp xếp", "Dak Glei", "dak gl", "đắk",
		"<script>", "45/BC-SNV", "thôn glei", "glei khôngcó", "khôngcótừnày", "sáp nhập th", "thôn $& $1 glei",
	}
	queries = append(queries, typicalQueries(docs[len(corpus):], 30)...)
	hot := hottestTokens(files, 3)
	queries = append(queries, strings.Join(hot, " "), hot[0]+" "+hot[1][:2], hot[2][:1])

	got := compareClient(t, files, queries)

	// The report's markup is shown as text, and its words are marked.
	for i, q := range queries {
		if q != "<script>" {
			continue
		}
		r := got[i].Results
		if len(r) != 1 || !slices.Equal(r[0].Marks, []string{"script", "script"}) {
			t.Errorf("<script>: %+v", r)
		}
	}
	for i, q := range queries {
		if q != "sáp nhập thôn" {
			continue
		}
		r := got[i].Results[0]
		if !slices.Contains(r.Spans, "status:Quá hạn") || !slices.Contains(r.Spans, "kind:Nhiệm vụ") ||
			!slices.Equal(r.Marks, []string{"sáp", "nhập", "thôn"}) {
			t.Errorf("sáp nhập thôn: %+v", r)
		}
	}

	// The portal's cases: kind order, title fit, completions that do not
	// score, apostrophes, document numbers, status labels.
	compareClient(t, Build(portalCorpus), []string{
		"sap nhap thon", "sáp nhập thôn", "sáp nhập thô", "sáp nhập th", "Dak Glei", "Đắk Glei", "Sở Nội vụ", "so noi vu",
		"ia hdrai", "Ia H'Drai", "45/BC-SNV", "18 NQ TW", "tinh gon", "quá hạn", "sắp xếp", "thông tin", "thôn glei",
	})
}

// compareClient runs the client over files for each query and checks that
// it shows the same results as Query, in the same order, with the same
// count, and reads exactly the bytes QueryCost says.
func compareClient(t *testing.T, files map[string][]byte, queries []string) []jsResult {
	t.Helper()
	got := runClient(t, files, queries)
	if len(got) != len(queries) {
		t.Fatalf("%d answers for %d queries", len(got), len(queries))
	}
	for i, q := range queries {
		want, err := Query(files, q, PageSize)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		js := got[i]
		var hrefs []string
		for _, r := range js.Results {
			hrefs = append(hrefs, r.Href)
		}
		if w := urls(want.Results); !slices.Equal(hrefs, w) {
			t.Errorf("%q: client shows %q (status %q)\nQuery gives %q", q, hrefs, js.Status, w)
			continue
		}
		kind, n := "R", want.Total
		switch {
		case want.Total == 0:
			kind = "N"
		case want.Fallback:
			kind = "F"
		}
		status := strings.ReplaceAll(js.Status, ",", "")
		if wantStatus := kind + strconv.Itoa(n) + "|" + strings.TrimSpace(q); status != wantStatus {
			t.Errorf("%q: status %q, want %q", q, js.Status, wantStatus)
		}
		if js.Bytes != want.Cost {
			t.Errorf("%q: client read %d bytes in %d files, QueryCost %d in %d files", q, js.Bytes, js.Files, want.Cost, len(want.Files))
		}
		for j, r := range js.Results {
			if r.Title != want.Results[j].Title {
				t.Errorf("%q: title %q, want %q", q, r.Title, want.Results[j].Title)
			}
		}
	}
	return got
}

// hottestTokens returns the k tokens of the index found in most documents.
func hottestTokens(files map[string][]byte, k int) []string {
	type tf struct {
		token string
		df    int
	}
	var all []tf
	for name, f := range files {
		if !strings.HasPrefix(name, "d/") {
			continue
		}
		key := strings.TrimSuffix(name, ".js")
		body, err := unwrap(key, f)
		if err != nil {
			panic(err)
		}
		var es [][]any
		if err := json.Unmarshal(body, &es); err != nil {
			panic(err)
		}
		for _, e := range es {
			all = append(all, tf{e[0].(string), int(e[1].(float64))})
		}
	}
	slices.SortFunc(all, func(a, b tf) int {
		if a.df != b.df {
			return b.df - a.df
		}
		return strings.Compare(a.token, b.token)
	})
	var out []string
	for _, x := range all[:k] {
		out = append(out, x.token)
	}
	return out
}

// missingForms returns the forms of the index format that files do not use:
// every set encoding (l, c, r, s, b) inside entries or in p/ files, set
// references to p/ files, and bigram groups inline, with an inline
// directory, and with a directory in a b/ file.
func missingForms(files map[string][]byte) []string {
	seen := map[string]bool{}
	for name, f := range files {
		key := strings.TrimSuffix(name, ".js")
		body, err := unwrap(key, f)
		if err != nil {
			panic(err)
		}
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			panic(err)
		}
		switch {
		case strings.HasPrefix(key, "p/"):
			seen["set "+v.(string)[:1]] = true
		case strings.HasPrefix(key, "d/"):
			for _, e := range v.([]any) {
				e := e.([]any)
				if s, ok := e[2].(string); ok {
					seen["set "+s[:1]] = true
				} else {
					seen["set file"] = true
				}
				if len(e) > 5 {
					seen[fmt.Sprintf("group %T", e[5])] = true
				}
			}
		}
	}
	var missing []string
	for _, f := range []string{"set l", "set c", "set r", "set s", "set b", "set file", "group string", "group []interface {}", "group float64"} {
		if !seen[f] {
			missing = append(missing, f)
		}
	}
	return missing
}
