package msg

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var move = flag.Bool("move", false, "move the words Go files of internal/msg define (the maps of a file's init) into i18n/vi.toml and i18n/en.toml, then delete those files")

// goMaps returns, for each Go file of dir other than msg.go, the keys of the
// maps it defines whose names end in VI (the old way a helper added words:
// a map per language merged into vi and en by init), in their order, and
// the comment of its init.
func goMaps(t *testing.T, dir string) (files []string, keys map[string][]string, docs map[string]string) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	keys, docs = map[string][]string{}, map[string]string{}
	for _, name := range names {
		if filepath.Base(name) == "msg.go" || strings.HasSuffix(name, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "init" && fd.Doc != nil {
				docs[name] = fd.Doc.Text()
			}
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, sp := range g.Specs {
				vs := sp.(*ast.ValueSpec)
				if !strings.HasSuffix(vs.Names[0].Name, "VI") || len(vs.Values) == 0 {
					continue
				}
				cl, ok := vs.Values[0].(*ast.CompositeLit)
				if !ok {
					continue
				}
				for _, e := range cl.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					lit, ok := kv.Key.(*ast.BasicLit)
					if !ok {
						continue
					}
					k, _ := strconv.Unquote(lit.Value)
					keys[name] = append(keys[name], k)
				}
			}
		}
		files = append(files, name)
	}
	return files, keys, docs
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteRune('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// TestNoWordsInMsgGoFiles fails while a Go file of internal/msg other than
// msg.go holds words; with -move it moves them into the catalogue files
// (before their first [table]) and deletes the Go files.
func TestNoWordsInMsgGoFiles(t *testing.T) {
	files, keys, docs := goMaps(t, ".")
	if !*move {
		for _, f := range files {
			t.Errorf("%s holds words (%d keys) — run go test ./internal/msg -run TestNoWordsInMsgGoFiles -move to move them into i18n/", f, len(keys[f]))
		}
		return
	}
	out := map[Lang]*strings.Builder{VI: {}, EN: {}}
	for _, f := range files {
		for _, l := range []Lang{VI, EN} {
			fmt.Fprintf(out[l], "\n# --- %s\n", strings.TrimSuffix(filepath.Base(f), ".go"))
			for _, line := range strings.Split(strings.TrimSpace(docs[f]), "\n") {
				if line != "" && !strings.Contains(line, "join the catalogues") {
					fmt.Fprintf(out[l], "# %s\n", line)
				}
			}
			for _, k := range keys[f] {
				if _, ok := fileText(l)[k]; ok {
					t.Fatalf("%s: key %q is already in the catalogue", f, k)
				}
				fmt.Fprintf(out[l], "%s = %s\n", tomlString(k), tomlString(Catalogue(l)[k]))
			}
		}
	}
	for _, l := range []Lang{VI, EN} {
		p := filepath.Join("..", "..", "i18n", string(l)+".toml")
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		i := strings.Index(s, "\n[")
		if i < 0 {
			i = len(s)
		}
		if err := os.WriteFile(p, []byte(s[:i]+out[l].String()+s[i:]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
		t.Logf("moved %d keys of %s into i18n/ and deleted it", len(keys[f]), f)
	}
}

// fileText is the texts of the catalogue file of l.
func fileText(l Lang) map[string]string { return files[l].text }

func TestGoMapsFindsPlantedWords(t *testing.T) {
	dir := t.TempDir()
	src := "package msg\n\n// The planted words.\nfunc init() {\n\tfor k, v := range plantedVI {\n\t\tvi[k] = v\n\t}\n}\n\nvar plantedVI = map[string]string{\n\t\"cli.b\": \"hai\",\n\t\"cli.a\": \"một\",\n}\n"
	for name, text := range map[string]string{"planted.go": src, "msg.go": "package msg\n", "x_test.go": "package msg\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, keys, docs := goMaps(t, dir)
	f := filepath.Join(dir, "planted.go")
	if len(files) != 1 || files[0] != f || strings.Join(keys[f], ",") != "cli.b,cli.a" || docs[f] != "The planted words.\n" {
		t.Errorf("goMaps = %q, %q, %q: want the planted file, its keys in order and its comment", files, keys, docs)
	}
	if got := tomlString("a \"b\" \\ c\n"); got != `"a \"b\" \\ c\n"` {
		t.Errorf("tomlString = %s", got)
	}
}
