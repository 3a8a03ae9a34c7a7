package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// corpus is a small portal: the cases the ranking must get right.
var corpus = []Doc{
	{URL: "nhiem-vu/a/", Title: "Sắp xếp đơn vị hành chính", Kind: "task", Status: "Quá hạn",
		Text: "Xây dựng Đề án sáp nhập thôn, tổ dân phố trên địa bàn tỉnh."},
	{URL: "nhiem-vu/b/", Title: "Thôn có quy mô nhỏ", Kind: "task",
		Text: "Thực hiện sáp nhập các thôn có quy mô nhỏ."},
	{URL: "nhiem-vu/c/", Title: "Rà soát", Kind: "milestone",
		Text: "Rà soát thôn; sau đó nhập số liệu và sáp xếp lại hồ sơ."},
	{URL: "co-quan/ubnd-dak-glei/", Title: "Ủy ban nhân dân huyện Đắk Glei", Kind: "agency",
		Text: "Cơ quan hành chính nhà nước ở huyện."},
	{URL: "nhiem-vu/d/", Title: "Kiện toàn bộ máy", Kind: "task", Status: "Hoàn thành đúng hạn",
		Text: "Sắp xếp tổ chức bộ máy của các cơ quan."},
	{URL: "nhiem-vu/e/", Title: "Kiện toàn", Kind: "task",
		Text: "Rà soát và sáp xếp lại biên chế."},
	{URL: "nhiem-vu/f/", Title: "Xếp loại", Kind: "task",
		Text: "Sắp tới sẽ đánh giá."},
	{URL: "ky-bao-cao/2018-H1/so-noi-vu/", Title: "Báo cáo 45/BC-SNV", Kind: "report", Status: "",
		Text: "Đã gửi <script>alert(1)</script> & <b>đậm</b> tới Ủy ban nhân dân tỉnh."},
}

func urls(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.URL)
	}
	return out
}

func TestRanking(t *testing.T) {
	t.Parallel()
	files := Build(corpus)
	for _, tc := range []struct {
		query string
		want  []string // exactly these, in this order
	}{
		// Phrase "sáp nhập thôn" beats "sáp nhập các thôn" beats scattered.
		{"sap nhap thon", []string{"nhiem-vu/a/", "nhiem-vu/b/", "nhiem-vu/c/"}},
		{"sáp nhập thôn", []string{"nhiem-vu/a/", "nhiem-vu/b/", "nhiem-vu/c/"}},
		// Exact diacritics first: "sắp xếp" over "sáp xếp", even when
		// the exact words are not a phrase (f/); the title match of a/ then
		// the URL order break the tie between a/ and d/.
		{"sắp xếp", []string{"nhiem-vu/a/", "nhiem-vu/d/", "nhiem-vu/f/", "nhiem-vu/c/", "nhiem-vu/e/"}},
		// a/ has "sáp" (in "sáp nhập") and "xếp", both exact, and the
		// phrase "sắp xếp" folded, and both words in its title.
		{"sáp xếp", []string{"nhiem-vu/a/", "nhiem-vu/c/", "nhiem-vu/e/", "nhiem-vu/d/", "nhiem-vu/f/"}},
		{"Dak Glei", []string{"co-quan/ubnd-dak-glei/"}},
		{"dak glei", []string{"co-quan/ubnd-dak-glei/"}},
		{"đắk", []string{"co-quan/ubnd-dak-glei/"}},
		{"ĐẮK GLEI", []string{"co-quan/ubnd-dak-glei/"}},
		// The last word is a prefix.
		{"dak gl", []string{"co-quan/ubnd-dak-glei/"}},
		{"sáp nhập th", []string{"nhiem-vu/a/", "nhiem-vu/b/", "nhiem-vu/c/"}},
		// HTML in a query is just words; in the index it is just text.
		{"<script>", []string{"ky-bao-cao/2018-H1/so-noi-vu/"}},
		{"45/BC-SNV", []string{"ky-bao-cao/2018-H1/so-noi-vu/"}},
		{"", nil},
		{"   ", nil},
		{"<>&\"'", nil},
		{"khôngcótừnày", nil},
	} {
		got := urls(Search(files, tc.query, 20))
		if !slices.Equal(got, tc.want) {
			t.Errorf("Search(%q) = %q, want %q", tc.query, got, tc.want)
		}
	}
}

func TestScores(t *testing.T) {
	t.Parallel()
	files := Build(corpus)
	r, err := Query(files, "sáp nhập thôn", 20)
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 3 || r.Fallback {
		t.Fatalf("Total %d, Fallback %v", r.Total, r.Fallback)
	}
	a, b := r.Results[0], r.Results[1]
	if a.Phrase != 2 || b.Phrase != 1 || a.Exact != 3 || a.Matched != 3 {
		t.Errorf("scores: %+v / %+v", a, b)
	}
	if a.Title != "Sắp xếp đơn vị hành chính" || a.Kind != "task" || a.Status != "Quá hạn" ||
		!strings.HasPrefix(a.Excerpt, "Xây dựng Đề án") {
		t.Errorf("metadata: %+v", a)
	}

	// The report's text comes back as data, byte for byte.
	r, _ = Query(files, "script alert", 20)
	if len(r.Results) != 1 || !strings.Contains(r.Results[0].Excerpt, "<script>alert(1)</script> & <b>đậm</b>") {
		t.Errorf("script: %+v", r.Results)
	}
}

func TestFallback(t *testing.T) {
	t.Parallel()
	files := Build(corpus)
	r, err := Query(files, "thôn glei", 20)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Fallback || r.Total != 4 {
		t.Fatalf("Fallback %v Total %d: %q", r.Fallback, r.Total, urls(r.Results))
	}
	// An AND match never falls back.
	if r, _ := Query(files, "huyện glei", 20); r.Fallback || r.Total != 1 {
		t.Errorf("huyện glei: Fallback %v Total %d", r.Fallback, r.Total)
	}
	// One unknown word: the others still find something, said to be partial.
	if r, _ := Query(files, "glei khôngcó", 20); !r.Fallback || r.Total != 1 {
		t.Errorf("glei khôngcó: Fallback %v Total %d", r.Fallback, r.Total)
	}
}

func TestTitleBeatsText(t *testing.T) {
	t.Parallel()
	files := Build([]Doc{
		{URL: "a/", Title: "Báo cáo", Text: "Về biên chế công chức."},
		{URL: "b/", Title: "Biên chế", Text: "Báo cáo."},
	})
	if got := urls(Search(files, "biên chế", 10)); !slices.Equal(got, []string{"b/", "a/"}) {
		t.Errorf("got %q", got)
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	a := Build(corpus)
	shuffled := slices.Clone(corpus)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b := Build(shuffled)
	if len(a) != len(b) {
		t.Fatalf("%d files vs %d", len(a), len(b))
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			t.Errorf("%s differs", k)
		}
	}
	for k, v := range a {
		key := strings.TrimSuffix(k, ".js")
		if _, err := unwrap(key, v); err != nil {
			t.Errorf("%s: %v", k, err)
		}
	}
}

func TestEmptyIndex(t *testing.T) {
	t.Parallel()
	files := Build(nil)
	if _, ok := files["manifest.js"]; !ok {
		t.Fatal("no manifest")
	}
	if r, err := Query(files, "thôn", 20); err != nil || r.Total != 0 {
		t.Errorf("got %+v, %v", r, err)
	}
}

func TestMissingFile(t *testing.T) {
	t.Parallel()
	files := Build(corpus)
	r, err := Query(files, "sáp nhập thôn", 20)
	if err != nil || len(r.Files) < 3 {
		t.Fatalf("Files %q, %v", r.Files, err)
	}
	// Every file the query reads is needed: without it, an error.
	for _, name := range r.Files {
		saved := files[name+".js"]
		delete(files, name+".js")
		if _, err := Query(files, "sáp nhập thôn", 20); err == nil {
			t.Errorf("no error without %s.js", name)
		}
		files[name+".js"] = saved
	}
}

func TestSetCodec(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		n := r.IntN(300) + 1
		var idx []int32
		p := r.Float64()
		for i := range n {
			if r.Float64() < p {
				idx = append(idx, int32(i))
			}
		}
		s := encodeSet(idx, n)
		got, err := decodeSet(s, n)
		if err != nil || !slices.Equal(got, idx) {
			t.Fatalf("n=%d %v: %q decodes to %v, %v", n, idx, s, got, err)
		}
		if len(s) > 1+(n+5)/6 {
			t.Fatalf("%q longer than a bitmap of %d", s, n)
		}
	}
	for _, bad := range []string{"x", "lA_", "l!", "b!", "lZ"} {
		if _, err := decodeSet(bad, 3); err == nil {
			t.Errorf("decodeSet(%q) did not fail", bad)
		}
	}
}

func TestVarint(t *testing.T) {
	t.Parallel()
	for _, v := range []int{0, 1, 31, 32, 1023, 1024, 32767, 32768, 1 << 24} {
		r := &reader{s: string(appendVarint(nil, v))}
		if got := r.varint(); got != v || r.err != nil || !r.done() {
			t.Errorf("%d: got %d, %v", v, got, r.err)
		}
	}
	if n := len(appendVarint(nil, 31)); n != 1 {
		t.Errorf("31 takes %d digits", n)
	}
}

func TestSplit(t *testing.T) {
	t.Parallel()
	got := newSplitter().split("Ủy ban, Đắk Glei; Ia H'Drai 2018-H1\nthôn 45/BC-SNV, y' ’kbang' H’Mông")
	var s []string
	for _, w := range got {
		mark := ""
		if w.brk {
			mark = "|"
		}
		if w.join {
			mark += "+"
		}
		s = append(s, mark+w.form+"="+w.fold)
	}
	want := []string{"ủy=uy", "ban=ban", "|đắk=dak", "glei=glei", "|ia=ia", "h=h", "+drai=drai", "2018=2018", "h1=h1",
		"|thôn=thon", "45=45", "bc=bc", "snv=snv", "|y=y", "kbang=kbang", "h=h", "+mông=mong"}
	if !slices.Equal(s, want) {
		t.Errorf("got %q\nwant %q", s, want)
	}
}

func TestJSCompare(t *testing.T) {
	t.Parallel()
	// U+FF5E sorts after U+1F600 in Go (UTF-8) but before it in JavaScript.
	if jsCompare("\U0001F600", "\uFF5E") >= 0 || jsCompare("a", "ab") >= 0 || jsCompare("b", "ab") <= 0 || jsCompare("x", "x") != 0 {
		t.Error("jsCompare does not follow UTF-16 order")
	}
}

func TestExcerpt(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("sáp nhập thôn ", 40)
	e := excerpt(long)
	if !strings.HasSuffix(e, "…") || len([]rune(e)) > excerptRunes+1 || strings.Contains(e, "  ") {
		t.Errorf("excerpt: %q", e)
	}
	if excerpt("  a \n b ") != "a b" {
		t.Errorf("short excerpt: %q", excerpt("  a \n b "))
	}
}

// TestPortalSize indexes the Kon Tum portal's own text (the plan, the
// agencies and the reports in the repository, about a hundred documents)
// and checks that the whole index stays a few tens of kilobytes.
func TestPortalSize(t *testing.T) {
	t.Parallel()
	var docs []Doc
	quoted := regexp.MustCompile(`"((?:[^"\\]|\\.){30,})"|"""((?s:.*?))"""`)
	for _, name := range []string{"../../data/plan.toml", "../../data/agencies.toml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatalf("the portal's data in this repository is missing: %v", err)
		}
		for i, m := range quoted.FindAllStringSubmatch(string(data), -1) {
			text := m[1] + m[2]
			title := strings.Join(strings.Fields(text)[:min(8, len(strings.Fields(text)))], " ")
			docs = append(docs, Doc{URL: fmt.Sprintf("%s/%d/", filepath.Base(name), i), Title: title, Kind: "task", Status: "Đang thực hiện", Text: text})
		}
	}
	reports, _ := filepath.Glob("../../content/bao-cao/*/*.md")
	for _, name := range reports {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, Doc{URL: strings.TrimPrefix(name, "../../content/"), Title: filepath.Base(name), Kind: "report", Text: string(data)})
	}
	files := Build(docs)
	total, words := 0, 0
	for _, f := range files {
		total += len(f)
	}
	for _, d := range docs {
		words += len(strings.Fields(d.Text))
	}
	by := map[string]int{}
	for name, f := range files {
		by[name[:1]] += len(f)
	}
	t.Logf("%d documents, %d words: %d files, %.1f KB (by folder: %v)", len(docs), words, len(files), kb(total), by)
	if len(docs) < 50 {
		t.Fatalf("only %d documents: the portal in this repository has more", len(docs))
	}
	if total > 150*1024 {
		t.Errorf("the index of %d documents weighs %d bytes", len(docs), total)
	}
	if r, _ := Query(files, "Đắk Glei", PageSize); r.Total == 0 {
		t.Error("Đắk Glei not found in the portal")
	}
}
