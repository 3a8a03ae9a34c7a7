package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
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
			"xlsxget": xlsxGet,
			"bom":     bomCmd,
			"crlf":    crlfCmd,
			// publish_*.txtar
			"waitfile":  waitFile,
			"sigterm":   sigterm,
			"immutable": immutable,
			"encode":    encodeCmd,
		},
		Condition: func(cond string) (bool, error) {
			if cond == "chattr" {
				return chattrWorks(), nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
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
// xlsxset [-nfd] FILE 'Sheet!A1' VALUE ['Sheet!B2' VALUE ...]. A VALUE is
// text, or num:60 (a number), pct:0.6 (a number in a cell formatted as a
// percentage, as Excel stores what shows as 60%), date:2018-06-20 (an Excel
// date cell). With -nfd, texts are written in decomposed Unicode, as
// Unikey's "Unicode tổ hợp" types them.
// xlsxGet prints the value of one cell: xlsxget FILE SHEET!CELL.
func xlsxGet(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: xlsxget FILE SHEET!CELL")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	sheet, cell, ok := strings.Cut(args[1], "!")
	if !ok {
		ts.Fatalf("%q is not SHEET!CELL", args[1])
	}
	v, err := f.GetCellValue(sheet, cell)
	ts.Check(err)
	fmt.Fprintln(ts.Stdout(), v)
}

func xlsxSet(ts *testscript.TestScript, neg bool, args []string) {
	nfd := len(args) > 0 && args[0] == "-nfd"
	if nfd {
		args = args[1:]
	}
	if neg || len(args) < 3 || len(args)%2 != 1 {
		ts.Fatalf("usage: xlsxset [-nfd] FILE SHEET!CELL VALUE...")
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
		v := args[i+1]
		switch {
		case strings.HasPrefix(v, "num:"), strings.HasPrefix(v, "pct:"):
			x, err := strconv.ParseFloat(v[4:], 64)
			ts.Check(err)
			ts.Check(f.SetCellFloat(sheet, cell, x, -1, 64))
			if strings.HasPrefix(v, "pct:") {
				style, err := f.NewStyle(&excelize.Style{NumFmt: 9})
				ts.Check(err)
				ts.Check(f.SetCellStyle(sheet, cell, cell, style))
			}
		case strings.HasPrefix(v, "date:"):
			d, err := time.Parse("2006-01-02", v[5:])
			ts.Check(err)
			ts.Check(f.SetCellValue(sheet, cell, d))
		default:
			if nfd {
				v = norm.NFD.String(v)
			}
			ts.Check(f.SetCellStr(sheet, cell, v))
		}
	}
	ts.Check(f.Save())
}

// bomCmd puts a UTF-8 byte-order mark before files, as Notepad saves
// them: bom FILE...
func bomCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: bom FILE...")
	}
	for _, a := range args {
		name := ts.MkAbs(a)
		data, err := os.ReadFile(name)
		ts.Check(err)
		ts.Check(os.WriteFile(name, append([]byte("\xef\xbb\xbf"), data...), 0o644))
	}
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
