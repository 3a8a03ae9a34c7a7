package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"minhbach": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the command-line scenarios in testdata/script. Before
// each, the portal in testdata/portal and the repository's site.toml,
// layouts, i18n and static are copied into the scenario's folder, except
// the files the scenario brings itself.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"xlsxset": xlsxSet,
			"approve": approveCmd,
			"crlf":    crlfCmd,
			"encode":  encodeCmd,
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("LANG", "vi_VN.UTF-8")
			env.Setenv("REPO", repo)
			for _, from := range []struct{ src, dst string }{
				{"testdata/portal", ""},
				{filepath.Join(repo, "site.toml"), "site.toml"},
				{filepath.Join(repo, "layouts"), "layouts"},
				{filepath.Join(repo, "i18n"), "i18n"},
				{filepath.Join(repo, "static"), "static"},
			} {
				if err := copyMissing(from.src, filepath.Join(env.WorkDir, from.dst)); err != nil {
					return err
				}
			}
			return nil
		},
	})
}

// copyMissing copies the file or tree src to dst, leaving files that
// already exist in dst alone. A scenario that brings its own
// data/plan.toml keeps it; one that brings an empty file marked
// "-- data/plan.toml --" with no content... also keeps it.
func copyMissing(src, dst string) error {
	info, err := os.Stat(src)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return copyFile(src, dst)
	}
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		return copyFile(p, target)
	})
}

func copyFile(src, dst string) error {
	if _, err := os.Stat(dst); err == nil {
		return nil
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}

// xlsxSet fills cells of a workbook, as an agency would in Excel:
// xlsxset FILE 'Sheet!A1' VALUE ['Sheet!B2' VALUE ...].
func xlsxSet(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 3 || len(args)%2 != 1 {
		ts.Fatalf("usage: xlsxset FILE SHEET!CELL VALUE...")
	}
	name := ts.MkAbs(args[0])
	f, err := excelize.OpenFile(name)
	ts.Check(err)
	defer f.Close()
	for i := 1; i < len(args); i += 2 {
		sheet, cell, ok := strings.Cut(args[i], "!")
		if !ok {
			ts.Fatalf("%q is not SHEET!CELL", args[i])
		}
		ts.Check(f.SetCellValue(sheet, cell, args[i+1]))
	}
	ts.Check(f.Save())
}

// approveCmd does what the reviewer does by hand in a report file: sets
// state = "approved" and adds who approved it and when:
// approve FILE NAME YYYY-MM-DD.
func approveCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: approve FILE NAME DATE")
	}
	name := ts.MkAbs(args[0])
	data, err := os.ReadFile(name)
	ts.Check(err)
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "state = \"submitted\"") || strings.HasPrefix(strings.TrimSpace(line), "state = \"draft\"") {
			out = append(out, "state = \"approved\"", "approved_by = \""+args[1]+"\"", "approved_on = "+args[2])
			continue
		}
		out = append(out, line)
	}
	ts.Check(os.WriteFile(name, []byte(strings.Join(out, "\n")), 0o644))
}

// crlfCmd rewrites files with Windows line endings, as Notepad saves them:
// crlf FILE...
func crlfCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: crlf FILE...")
	}
	for _, a := range args {
		name := ts.MkAbs(a)
		data, err := os.ReadFile(name)
		ts.Check(err)
		text := strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n", "\r\n")
		ts.Check(os.WriteFile(name, []byte(text), 0o644))
	}
}
