package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

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
