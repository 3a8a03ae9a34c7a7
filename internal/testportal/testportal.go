// Package testportal is the small portal the tests of the domain, the
// report files, the workbook, the open data and the feeds are built on:
// five agencies, one group, three tasks, and a few reports. A package that
// needs a variant edits it with Edit and Before, so that each test says
// what it changes and the portal itself is written once.
//
// It imports no package of minhbach, so that the tests of internal/plan
// can use it too.
package testportal

import (
	_ "embed"
	"fmt"
	"os"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// Root is the folder the portal is written under.
const Root = "/portal"

// The portal's files, relative to Root (plan.AgenciesFile and
// plan.PlanFile).
const (
	AgenciesFile = "data/agencies.toml"
	PlanFile     = "data/plan.toml"
)

// Agencies is data/agencies.toml (portal/data/agencies.toml): four
// agencies that report (two departments, two districts), the provincial
// committee, which does not, and the group of the two districts.
//
//go:embed portal/data/agencies.toml
var Agencies string

// Members is the members line of the group cac-huyen in Agencies, for
// tests that edit it.
const Members = `members = ["huyen-a", "huyen-b"]`

// Task2 starts the second task in Plan: Before(Plan, Task2) is the plan's
// head and its first task.
const Task2 = "[[tasks]]\nnumber = 2\n"

// Plan is data/plan.toml (portal/data/plan.toml): three tasks, with a
// milestone of the group (1b, with a condition), an ongoing one (2a) and
// deadlines of several forms.
//
//go:embed portal/data/plan.toml
var Plan string

// AgenciesEn is Agencies with English names for so-noi-vu and ubnd-tinh.
var AgenciesEn = Edit(Agencies,
	"name = \"Sở Nội vụ\"\n", "name = \"Sở Nội vụ\"\nname_en = \"Department of Home Affairs\"\n",
	"name = \"Ủy ban nhân dân tỉnh\"\n", "name = \"Ủy ban nhân dân tỉnh\"\nname_en = \"Provincial People's Committee\"\n")

// PlanWithBasis is Plan as the published outputs describe it: with a short
// title, the resolution it is based on and an English title for task 1.
var PlanWithBasis = Edit(Plan,
	"issuer = \"ubnd-tinh\"\n", "short_title = \"Kế hoạch thử\"\nissuer = \"ubnd-tinh\"\n",
	"every = [\"H1\", \"year\"]\n", "every = [\"H1\", \"year\"]\n\n[[basis]]\nnumber = \"18-NQ/TW\"\ndate = 2017-10-25\nissuer = \"Ban Chấp hành Trung ương\"\ntitle = \"Nghị quyết\"\n",
	"title = \"Nhiệm vụ một\"\n", "title = \"Nhiệm vụ một\"\ntitle_en = \"Task one\"\n")

// DraftSentence is written only into the draft report of Reports: no
// output may show it.
const DraftSentence = "Câu này chỉ có trong bản dự thảo QZ81"

// Hostile is a report note written to break out of the markup.
const Hostile = "<script>alert(1)</script> ]]> & done"

// Reports returns the portal's reports, by file: three approved (two of
// so-noi-vu, for 2018-H1 and 2018, one of huyen-a for 2018-H1 on its
// share of 1b) and a draft of so-tu-phap that would make 3b done if it
// were read. Each call returns a new map.
func Reports() map[string]string {
	return map[string]string{
		"content/bao-cao/2018-H1/so-noi-vu.md": report("so-noi-vu", "2018-H1", "45/BC-SNV", "2018-07-05",
			approved("Giám đốc Sở Nội vụ", "2018-07-10"),
			"milestone = \"1a\"\nstate = \"done\"\ndone_on = 2018-06-20\nevidence = [\"Quyết định số 1/QĐ-UBND\"]\nnote = \""+Hostile+"\"\n",
			"Sở Nội vụ đã hoàn thành đề án.\n"),
		"content/bao-cao/2018-H1/huyen-a.md": report("huyen-a", "2018-H1", "12/BC-UBND", "2018-07-02",
			approved("Chủ tịch UBND huyện A", "2018-07-08"),
			"milestone = \"1b\"\nstate = \"waiting\"\n", ""),
		"content/bao-cao/2018/so-noi-vu.md": report("so-noi-vu", "2018", "46/BC-SNV", "2018-12-28",
			approved("Giám đốc Sở Nội vụ", "2019-01-05"),
			"milestone = \"3a\"\nstate = \"in-progress\"\nprogress = 40\n", ""),
		"content/bao-cao/2018-H1/so-tu-phap.md": report("so-tu-phap", "2018-H1", DraftSentence, "2018-07-03",
			"state = \"draft\"\n",
			"milestone = \"3b\"\nstate = \"done\"\ndone_on = 2018-06-30\nnote = \""+DraftSentence+"\"\n",
			DraftSentence+"\n"),
	}
}

// report returns a report file: its front matter (the keys of the report,
// the [approval] table, one update), then its narrative.
func report(agency, period, number, date, approval, update, body string) string {
	return fmt.Sprintf("+++\nagency = %q\nperiod = %q\nnumber = %q\ndate = %s\n\n[approval]\n%s\n[[updates]]\n%s+++\n%s",
		agency, period, number, date, approval, update, body)
}

// approved returns the keys of the [approval] table of a report approved
// by by on the day on.
func approved(by, on string) string {
	return fmt.Sprintf("state = \"approved\"\napproved_by = %q\napproved_on = %s\n", by, on)
}

// Edit returns src with each old of the pairs (old, new, old, new, …)
// replaced by its new. Each old must occur exactly once in what the
// previous pairs left: otherwise Edit panics, as a fixture that does not
// say what its test means is a bug of the test.
func Edit(src string, pairs ...string) string {
	if len(pairs)%2 != 0 {
		panic("testportal.Edit: an old string without its new one")
	}
	for i := 0; i < len(pairs); i += 2 {
		if n := strings.Count(src, pairs[i]); n != 1 {
			panic(fmt.Sprintf("testportal.Edit: %q occurs %d times, want once", pairs[i], n))
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}

// Before returns src up to where mark starts; mark must occur exactly once.
func Before(src, mark string) string {
	if n := strings.Count(src, mark); n != 1 {
		panic(fmt.Sprintf("testportal.Before: %q occurs %d times, want once", mark, n))
	}
	return src[:strings.Index(src, mark)]
}

// Files returns the portal's data files with files (paths relative to
// Root) added or put in their place.
func Files(files map[string]string) map[string]string {
	all := map[string]string{AgenciesFile: Agencies, PlanFile: Plan}
	for k, v := range files {
		all[k] = v
	}
	return all
}

// Fs returns a new memory file system holding Files(files) under Root.
func Fs(t testing.TB, files map[string]string) afero.Fs {
	t.Helper()
	fs := afero.NewMemMapFs()
	Write(t, fs, Files(files))
	return fs
}

// Write writes files (paths relative to Root) into fs, in the order of
// their names.
func Write(t testing.TB, fs afero.Fs, files map[string]string) {
	t.Helper()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := afero.WriteFile(fs, path.Join(Root, name), []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Missing stops a test that cannot run here because something it needs
// (a program, a file system feature) is missing: it skips the test with
// the message, except with CI=true, where it fails it, so that a CI run
// that lacks what the tests need does not pass in silence.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: this test must run on CI, so this is a failure, not a skip)", msg)
	}
	t.Skip(msg)
}
