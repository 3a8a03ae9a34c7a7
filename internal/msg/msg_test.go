package msg

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/gohugoio/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// fieldRE matches a template field of a message: {{ .N }}, {{- .Date -}}.
var fieldRE = regexp.MustCompile(`\{\{-?\s*\.(\w+)`)

func fields(text string) []string {
	var fs []string
	for _, m := range fieldRE.FindAllStringSubmatch(text, -1) {
		fs = append(fs, m[1])
	}
	sort.Strings(fs)
	return fs
}

// compare lists what differs between two catalogues: a key in one language
// only, a key whose fmt verbs differ (in order) or whose template fields
// differ.
func compare(vi, en map[string]string) []string {
	var out []string
	for _, k := range sortedKeys(vi) {
		if _, ok := en[k]; !ok {
			out = append(out, fmt.Sprintf("key %q is in vi, not in en", k))
		}
	}
	for _, k := range sortedKeys(en) {
		f, ok := vi[k]
		if !ok {
			out = append(out, fmt.Sprintf("key %q is in en, not in vi", k))
			continue
		}
		if a, b := verbs(f), verbs(en[k]); !slices.Equal(a, b) {
			out = append(out, fmt.Sprintf("key %q: vi has verbs %q, en has %q", k, a, b))
		}
		if a, b := fields(f), fields(en[k]); !slices.Equal(a, b) {
			out = append(out, fmt.Sprintf("key %q: vi has template fields %q, en has %q", k, a, b))
		}
		if len(verbs(f)) > 0 && len(fields(f)) > 0 {
			out = append(out, fmt.Sprintf("key %q mixes fmt verbs and template fields", k))
		}
	}
	return out
}

func TestCataloguesMatch(t *testing.T) {
	if len(vi) < 500 {
		t.Fatalf("only %d keys in the catalogue", len(vi))
	}
	for _, p := range compare(Catalogue(VI), Catalogue(EN)) {
		t.Error(p)
	}
}

func TestCompareFindsPlantedDifferences(t *testing.T) {
	vi := map[string]string{"a": "%d tệp", "b": "chỉ tiếng Việt", "c": "Nhiệm vụ {{ .N }}", "d": "%s và %d"}
	en := map[string]string{"a": "%d files", "c": "Task {{ .ID }}", "d": "%d and %s", "e": "English only"}
	got := strings.Join(compare(vi, en), "\n")
	for _, want := range []string{`"b" is in vi, not in en`, `"e" is in en, not in vi`, `"c": vi has template fields`, `"d": vi has verbs`} {
		if !strings.Contains(got, want) {
			t.Errorf("compare does not report %s; it reports:\n%s", want, got)
		}
	}
	if strings.Contains(got, `"a"`) {
		t.Errorf("compare reports a key that matches:\n%s", got)
	}
}

// parseText parses a planted catalogue file as load parses the real ones.
func parseText(text string, l Lang) (*catalogue, error) {
	b := i18n.NewBundle(language.Vietnamese)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	return parse(b, []byte(text), l)
}

func TestAKeyDefinedTwiceIsRefused(t *testing.T) {
	for _, text := range []string{
		"a = \"một\"\nb = \"hai\"\na = \"ba\"\n",
		"a = \"một\"\n\"a\" = \"ba\"\n",
		"[a]\nother = \"một\"\n[a]\nother = \"hai\"\n",
	} {
		if _, err := parseText(text, VI); err == nil {
			t.Errorf("a catalogue with a key twice is accepted:\n%s", text)
		}
	}
	c, err := parseText("a = \"một\"\n\"cli.b\" = \"hai %d\"\n[c]\nother = \"ba\"\n", VI)
	if err != nil {
		t.Fatalf("a good catalogue is refused: %v", err)
	}
	if want := map[string]string{"a": "một", "cli.b": "hai %d", "c": "ba"}; fmt.Sprint(c.text) != fmt.Sprint(want) {
		t.Errorf("parsed %v, want %v", c.text, want)
	}
	if _, err := parseText("[a]\none = \"một\"\nother = \"nhiều\"\n", EN); err == nil {
		t.Error("a message with plural forms is accepted (Plural reads key.one)")
	}
}

// extra lists the keys of m that are not in the catalogue file c, or whose
// text differs from the file's: words some Go code put into the catalogue.
func extra(m map[string]string, c *catalogue) []string {
	var out []string
	for _, k := range sortedKeys(m) {
		if f, ok := c.text[k]; !ok || f != m[k] {
			out = append(out, k)
		}
	}
	return out
}

func TestEveryWordIsInTheFiles(t *testing.T) {
	for _, l := range []Lang{VI, EN} {
		if x := extra(Catalogue(l), files[l]); len(x) > 0 {
			t.Errorf("%s: keys defined in Go, not in %s (move them there): %q", l, files[l].file, x)
		}
		if len(Catalogue(l)) != len(files[l].text) {
			t.Errorf("%s: %d keys, %s has %d", l, len(Catalogue(l)), files[l].file, len(files[l].text))
		}
	}
	planted := clone(vi)
	planted["cli.planted"] = "một câu viết trong Go"
	planted["status_none"] = "Chưa có trạng thái"
	if x := extra(planted, files[VI]); !slices.Equal(x, []string{"cli.planted", "status_none"}) {
		t.Errorf("extra = %q, want the planted key and the changed text", x)
	}
}

// twice groups the keys whose texts are the same in both languages: the
// same words defined twice. Keys whose Vietnamese is the same but whose
// English differs (a word and its English plural, "Nhiệm vụ": "Task",
// "Tasks") mean different things.
func twice(vi, en map[string]string) [][]string {
	groups := map[[2]string][]string{}
	for _, k := range sortedKeys(vi) {
		pair := [2]string{vi[k], en[k]}
		groups[pair] = append(groups[pair], k)
	}
	var out [][]string
	for _, ks := range groups {
		if len(ks) > 1 {
			out = append(out, ks)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

func TestNoWordsDefinedTwice(t *testing.T) {
	for _, ks := range twice(Catalogue(VI), Catalogue(EN)) {
		t.Errorf("keys %q have the same words in both languages (%q, %q) — keep one key", ks, vi[ks[0]], en[ks[0]])
	}
	pvi := map[string]string{"col_task": "Nhiệm vụ", "search_kind_task": "Nhiệm vụ", "nav_tasks": "Nhiệm vụ", "x": "a"}
	pen := map[string]string{"col_task": "Task", "search_kind_task": "Task", "nav_tasks": "Tasks", "x": "b"}
	if got := twice(pvi, pen); len(got) != 1 || !slices.Equal(got[0], []string{"col_task", "search_kind_task"}) {
		t.Errorf("twice = %q, want the planted pair only", got)
	}
}

// isProblem reports whether key names a message about the source files
// (what is wrong — how to fix it): a dotted key (area.what) that is not a
// command-line sentence ("cli.*") nor a word (snake_case, a singular
// key.one included).
func isProblem(key string) bool {
	return strings.Contains(key, ".") && !strings.Contains(key, "_") && !strings.HasPrefix(key, "cli.")
}

func TestMessagesSayWhatAndHow(t *testing.T) {
	n := 0
	for _, l := range []Lang{VI, EN} {
		for _, k := range sortedKeys(Catalogue(l)) {
			f := Catalogue(l)[k]
			if !isProblem(k) {
				continue
			}
			n++
			if strings.TrimSpace(f) != f || strings.Contains(f, "\n") {
				t.Errorf("%s %q has stray white space", l, k)
			}
			what, how, ok := strings.Cut(f, " — ")
			if !ok || strings.TrimSpace(what) == "" || strings.TrimSpace(how) == "" {
				t.Errorf("%s %q = %q: want what is wrong, \" — \", how to fix it", l, k, f)
			}
		}
	}
	if n < 200 {
		t.Errorf("only %d problem messages checked", n)
	}
}

func TestT(t *testing.T) {
	if got := T(VI, "task_n", map[string]any{"N": 3}); got != "Nhiệm vụ 3" {
		t.Errorf("T(VI, task_n) = %q", got)
	}
	if got := T(EN, "members_done", map[string]any{"Done": 2, "Total": 9}); got != "2/9 units done" {
		t.Errorf("T(EN, members_done) = %q", got)
	}
	if got := T(EN, "no.such.key", nil); got != "no.such.key" {
		t.Errorf("T(unknown) = %q", got)
	}
}

func TestDateAndPlural(t *testing.T) {
	d := time.Date(2018, 7, 5, 0, 0, 0, 0, time.UTC)
	if got := Date(VI, d); got != "5/7/2018" {
		t.Errorf("Date(VI) = %q", got)
	}
	if got := Date(EN, d); got != "5 July 2018" {
		t.Errorf("Date(EN) = %q", got)
	}
	if got := Plural(EN, "n_tasks", 1, 1); got != "1 task" {
		t.Errorf("Plural(EN, 1) = %q", got)
	}
	if got := Plural(EN, "n_tasks", 2, 2); got != "2 tasks" {
		t.Errorf("Plural(EN, 2) = %q", got)
	}
	if got := Plural(VI, "n_tasks", 1, 1); got != "1 nhiệm vụ" {
		t.Errorf("Plural(VI, 1) = %q", got)
	}
}

// ---- words left in Go code and templates ----

// viLetters are the letters only Vietnamese writes (of the ones Go code
// could hold): a literal with one of them is Vietnamese.
const viLetters = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĂÂĐÊÔƠƯÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"

func isVietnamese(s string) bool { return strings.ContainsAny(s, viLetters) }

// literal is a string literal of Go code that says words.
type literal struct {
	at, text string
}

// goWords returns, by file (slash path under root), the string literals of
// the non-test Go files under root that say words: a Vietnamese literal,
// or one that is a text of the catalogue of two words or more. A literal
// on a line whose comment says "not words" is data or a file format that
// happens to be Vietnamese (a sheet's name that import reads back), not
// words. Files and folders in skip (slash paths under root) are not read.
func goWords(t *testing.T, root string, catalogue map[string]bool, skip map[string]string) map[string][]literal {
	t.Helper()
	out := map[string][]literal{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if _, ok := skip[rel]; ok {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		notWords := map[int]bool{}
		for _, g := range f.Comments {
			for _, c := range g.List {
				if strings.Contains(c.Text, "not words") {
					notWords[fset.Position(c.Pos()).Line] = true
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			pos := fset.Position(lit.Pos())
			if notWords[pos.Line] {
				return true
			}
			if isVietnamese(s) || (catalogue[s] && len(strings.Fields(s)) >= 2) {
				out[rel] = append(out[rel], literal{fmt.Sprintf("%s:%d", rel, pos.Line), s})
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// notWords are the Go files and folders (under the repository's root)
// whose Vietnamese is data, not minhbach's words, and why.
var notWords = map[string]string{
	"internal/gen":              "the generator of test portals: agency names, report bodies",
	"internal/search/compare":   "a tool comparing search engines on Vietnamese queries",
	"cmd/plangen":               "the benchmark's portals and its edit of a report",
	"internal/leakcheck":        "a test helper: the approver it plants",
	"internal/testportal":       "a test helper: the small portal the tests load",
	"internal/plan/textload.go": "the letters of the plan's point labels (a, b, c, d, đ, …)",
}

// stillInGo counts, by file, the literals that still say words in Go
// rather than through the catalogue (issue 16: words move into i18n/ file
// by file). A file not listed must say none, and a count must be exact:
// moving words out of a file means lowering its count here, so this list
// only shrinks.
var stillInGo = map[string]int{
	"internal/opendata/tables.go":      104,
	"internal/opendata/datapackage.go": 9,
	"internal/workbook/template.go":    54,
	"internal/reportfile/template.go":  18,
}

func catalogueTexts() map[string]bool {
	texts := map[string]bool{}
	for _, l := range []Lang{VI, EN} {
		for _, s := range Catalogue(l) {
			texts[s] = true
		}
	}
	return texts
}

func TestNoWordsLeftInGo(t *testing.T) {
	root := filepath.Join("..", "..")
	found := map[string][]literal{}
	for _, dir := range []string{"internal", "cmd"} {
		skip := map[string]string{}
		for p, why := range notWords {
			if rel, ok := strings.CutPrefix(p, dir+"/"); ok {
				skip[rel] = why
			}
		}
		for f, ls := range goWords(t, filepath.Join(root, dir), catalogueTexts(), skip) {
			for i := range ls {
				ls[i].at = dir + "/" + ls[i].at
			}
			found[dir+"/"+f] = ls
		}
	}
	var files []string
	for f := range found {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		ls := found[f]
		want, listed := stillInGo[f]
		switch {
		case !listed:
			for _, l := range ls {
				t.Errorf("%s: %q is a word in Go code — put it in i18n/vi.toml and i18n/en.toml and say it with msg.Get or msg.T", l.at, l.text)
			}
		case len(ls) > want:
			t.Errorf("%s says %d words in Go, %d more than before — put the new ones in the catalogue; they are: %q", f, len(ls), len(ls)-want, ls)
		case len(ls) < want:
			t.Errorf("%s says %d words in Go, fewer than the %d listed: lower its count in stillInGo", f, len(ls), want)
		}
	}
	for f := range stillInGo {
		if _, ok := found[f]; !ok {
			t.Errorf("%s says no word in Go any more: remove it from stillInGo", f)
		}
	}
}

func TestGoWordsFindsPlantedWords(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a/a.go", "package a\n\nvar x = map[string]string{\"none\": \"Chưa có trạng thái\"}\n\nfunc f() string { return `Done on time` + \"id-only\" + \"Task\" }\n\nconst sheet = \"Báo cáo\" // format, not words\n")
	write("a/a_test.go", "package a\n\nvar y = \"Chưa có báo cáo\"\n")
	write("skipped/b.go", "package b\n\nvar z = \"Đắk Glei\"\n")
	got := goWords(t, dir, map[string]bool{"Done on time": true, "Task": true}, map[string]string{"skipped": "data"})
	var texts []string
	for _, l := range got["a/a.go"] {
		texts = append(texts, l.text)
	}
	if !slices.Equal(texts, []string{"Chưa có trạng thái", "Done on time"}) || len(got) != 1 {
		t.Errorf("goWords found %v, want the Vietnamese literal and the catalogue's English text only", got)
	}
}

// templateLines calls fn with every line of the templates under dir (their
// comments {{/* … */}} blanked), its file and its number.
func templateLines(t *testing.T, dir string, fn func(path string, n int, line string)) {
	t.Helper()
	comment := regexp.MustCompile(`(?s)\{\{-?\s*/\*.*?\*/\s*-?\}\}`)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := comment.ReplaceAllStringFunc(string(data), func(c string) string {
			return strings.Repeat("\n", strings.Count(c, "\n"))
		})
		for i, line := range strings.Split(text, "\n") {
			fn(path, i+1, line)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// templateWords returns the Vietnamese text of the templates under dir
// outside their comments ({{/* … */}}), by file and line.
func templateWords(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	templateLines(t, dir, func(path string, n int, line string) {
		if isVietnamese(line) {
			out = append(out, fmt.Sprintf("%s:%d: %s", path, n, strings.TrimSpace(line)))
		}
	})
	return out
}

func TestNoWordsInTemplates(t *testing.T) {
	for _, w := range templateWords(t, filepath.Join("..", "..", "layouts")) {
		t.Errorf("%s — a word in a template: put it in i18n/ and write {{ T \"key\" }}", w)
	}
	dir := t.TempDir()
	planted := "{{/* Trạng thái: a comment may be Vietnamese */}}\n<p>{{ T \"ok\" }}</p>\n<p>Chưa có báo cáo</p>\n"
	if err := os.WriteFile(filepath.Join(dir, "x.html"), []byte(planted), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := templateWords(t, dir); len(got) != 1 || !strings.Contains(got[0], "x.html:3:") {
		t.Errorf("templateWords = %q, want the planted line 3 only", got)
	}
}

// templateKeys returns the catalogue keys the templates under dir name
// literally ({{ T "key" }}, {{ i18n "key" }}), with where, and the prefixes
// of the keys they build ({{ T (printf "state_%s" …) }}).
func templateKeys(t *testing.T, dir string) (keys map[string]string, prefixes []string) {
	t.Helper()
	lit := regexp.MustCompile(`\b(?:T|i18n) "([^"]+)"`)
	built := regexp.MustCompile(`\b(?:T|i18n) \(printf "([^"%]*)%s"`)
	keys = map[string]string{}
	templateLines(t, dir, func(path string, n int, line string) {
		for _, m := range lit.FindAllStringSubmatch(line, -1) {
			keys[m[1]] = fmt.Sprintf("%s:%d", path, n)
		}
		for _, m := range built.FindAllStringSubmatch(line, -1) {
			prefixes = append(prefixes, m[1])
		}
	})
	return keys, prefixes
}

func TestTemplatesNameKeysTheCatalogueHas(t *testing.T) {
	keys, prefixes := templateKeys(t, filepath.Join("..", "..", "layouts"))
	if len(keys) < 100 || len(prefixes) < 2 {
		t.Fatalf("only %d keys and %d built prefixes found in the templates: the scan is broken", len(keys), len(prefixes))
	}
	for k, at := range keys {
		if !Has(k) {
			t.Errorf("%s: the template says {{ T %q }}, which the catalogue lacks", at, k)
		}
	}
	for _, p := range prefixes {
		n := 0
		for k := range vi {
			if strings.HasPrefix(k, p) {
				n++
			}
		}
		if n == 0 {
			t.Errorf("a template builds keys %s…, and the catalogue has none", p)
		}
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.html"), []byte(`{{ T "task" }} {{ T "no_such_word" }} {{ T (printf "zz_%s" .k) }}`), 0o644); err != nil {
		t.Fatal(err)
	}
	k, p := templateKeys(t, dir)
	if _, ok := k["no_such_word"]; !ok || len(k) != 2 || !slices.Equal(p, []string{"zz_"}) || Has("no_such_word") {
		t.Errorf("templateKeys = %v, %v: want the planted keys and prefix", k, p)
	}
}

// verbRE matches one fmt verb: %d, %q, %[1]s, %5.2f, %-8v, %%.
var verbRE = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*(?:\*|\d+)?(?:\.(?:\*|\d+)?)?[a-zA-Z%]`)

func verbs(format string) []string { return verbRE.FindAllString(format, -1) }

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestVerbs(t *testing.T) {
	got := verbs(`%q is %d%% of %[1]s, %5.2f and %-8v`)
	want := []string{"%q", "%d", "%%", "%[1]s", "%5.2f", "%-8v"}
	if !slices.Equal(got, want) {
		t.Fatalf("verbs = %q, want %q", got, want)
	}
}

func TestGet(t *testing.T) {
	if got := Get(EN, "group.duplicateMember", "g", "a"); got != `group "g" lists member "a" twice — delete one` {
		t.Errorf("Get(EN) = %q", got)
	}
	if got := Get(VI, "field.required", "date"); got != `thiếu trường bắt buộc "date" — thêm dòng date = "…"` {
		t.Errorf("Get(VI) = %q", got)
	}
	if got := Get(EN, "no.such.key", 1, "x"); !strings.HasPrefix(got, "no.such.key") || !strings.Contains(got, "x") {
		t.Errorf("unknown key = %q, want the key and its arguments", got)
	}
}

// TestGetWithoutArguments checks Get's shortcut for a message without
// arguments: every message of both catalogues comes out as fmt.Sprintf
// would make it ("%%" as "%" included).
func TestGetWithoutArguments(t *testing.T) {
	t.Parallel()
	n := 0
	for _, l := range []Lang{VI, EN} {
		for key, f := range Catalogue(l) {
			if want := fmt.Sprintf(f, []any{}...); Get(l, key) != want {
				t.Errorf("Get(%s, %q) = %q, want %q", l, key, Get(l, key), want)
			}
			n++
		}
	}
	if n < 100 {
		t.Fatalf("only %d messages compared", n)
	}
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		choice, lcAll, lang string
		want                Lang
	}{
		{"en", "", "", EN},
		{"English", "vi_VN.UTF-8", "", EN},
		{"vi", "en_US.UTF-8", "", VI},
		{"", "en_US.UTF-8", "vi_VN.UTF-8", EN},
		{"", "", "en_GB.UTF-8", EN},
		{"", "", "vi_VN.UTF-8", VI},
		{"", "", "C", VI},
		{"", "", "", VI},
	}
	for _, tt := range tests {
		t.Setenv("LC_ALL", tt.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", tt.lang)
		if got := FromEnv(tt.choice); got != tt.want {
			t.Errorf("FromEnv(%q) with LC_ALL=%q LANG=%q = %q, want %q", tt.choice, tt.lcAll, tt.lang, got, tt.want)
		}
	}
}

// planKeys returns every message key the non-test Go files of dir pass to
// a problems' add method (or the report check's found and foundValue): a string literal, or a variable that is only ever
// given string literals in the same function.
func planKeys(t *testing.T, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	keys := map[string]string{} // key -> where it is used
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			// The string literals assigned to each variable in fn.
			assigned := map[string][]string{}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
					for i, lhs := range as.Lhs {
						id, ok1 := lhs.(*ast.Ident)
						lit, ok2 := as.Rhs[i].(*ast.BasicLit)
						if ok1 && ok2 && lit.Kind == token.STRING {
							s, _ := strconv.Unquote(lit.Value)
							assigned[id.Name] = append(assigned[id.Name], s)
						}
					}
				}
				return true
			})
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) < 2 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || (sel.Sel.Name != "add" && sel.Sel.Name != "found" && sel.Sel.Name != "foundValue") {
					return true
				}
				at := fset.Position(call.Pos()).String()
				switch a := call.Args[1].(type) {
				case *ast.BasicLit:
					if a.Kind != token.STRING {
						t.Errorf("%s: message key is not a string", at)
						return true
					}
					s, _ := strconv.Unquote(a.Value)
					keys[s] = at
				case *ast.Ident:
					if len(assigned[a.Name]) == 0 {
						t.Errorf("%s: cannot tell which keys %s holds", at, a.Name)
					}
					for _, s := range assigned[a.Name] {
						keys[s] = at
					}
				default:
					t.Errorf("%s: cannot tell which key is passed to add", at)
				}
				return true
			})
		}
	}
	return keys
}

func TestPlanKeysAreInTheCatalogue(t *testing.T) {
	keys := planKeys(t, filepath.Join("..", "plan"))
	// The extraction finds literals and variables alike.
	for _, k := range []string{"toml.unknownKey", "input.syntax", "input.date", "ref.agency", "report.groupAgency", "report.duplicateApproved"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("key %q not found in internal/plan: the extraction is broken", k)
		}
	}
	for k, at := range keys {
		for _, l := range []Lang{VI, EN} {
			if _, ok := Catalogue(l)[k]; !ok {
				t.Errorf("%s: key %q is not in the %s catalogue", at, k, l)
			}
		}
	}
	var unused []string
	for _, k := range sortedKeys(Catalogue(VI)) {
		if _, ok := keys[k]; !ok {
			unused = append(unused, k)
		}
	}
	if len(unused) > 0 {
		t.Logf("keys not used by internal/plan (perhaps by other packages): %v", unused)
	}
}
