// Package leakcheck finds the text of reports in built output, for the
// tests that prove an unpublished report reaches no file.
//
// A report's narrative is Markdown over several lines; JSON, CSV, XML and
// HTML each escape or re-wrap it differently, so looking for the whole body
// in raw bytes finds almost nothing even where it is present. Instead the
// checks look for sentinels: single sentences of at least five words that
// hold no character any of those formats escapes or Markdown rewrites, and
// that no published report also says. Each such sentence appears verbatim
// wherever the text it comes from is copied, in any of the formats.
//
// Every check built on it needs a counter-check (publish the reports and
// find their sentinels), which is what [Found] is for.
package leakcheck

import (
	"bytes"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/minhbach/minhbach/internal/plan"
)

// special are the characters a format escapes or Markdown rewrites: a
// sentence holding any of them is not used as a sentinel.
const special = "\"'<>&\\*_`[]()#|~{}=+@:/"

// Sentinels returns, for each report whose file name ok accepts (nil: every
// report), the sentences of its narrative, notes and evidence that can serve
// as sentinels and that no other report outside that set also contains.
// The result is keyed by the report's file.
func Sentinels(p *plan.Project, ok func(*plan.Report) bool) map[string][]string {
	other := &strings.Builder{}
	out := map[string][]string{}
	for _, r := range p.Reports {
		if ok != nil && !ok(r) {
			other.WriteString(texts(r))
			other.WriteString("\n")
		}
	}
	rest := other.String()
	for _, r := range p.Reports {
		if ok != nil && !ok(r) {
			continue
		}
		seen := map[string]bool{}
		for _, s := range sentences(texts(r)) {
			if seen[s] || strings.Contains(rest, s) {
				continue
			}
			seen[s] = true
			out[r.File] = append(out[r.File], s)
		}
	}
	return out
}

// texts joins every free text of a report.
func texts(r *plan.Report) string {
	var b strings.Builder
	b.WriteString(r.Body)
	for _, u := range r.Updates {
		b.WriteString("\n")
		b.WriteString(u.Note)
		for _, e := range u.Evidence {
			b.WriteString("\n")
			b.WriteString(e)
		}
	}
	return b.String()
}

// sentences splits text at line ends and sentence ends and keeps the
// pieces of five words or more without special characters.
func sentences(text string) []string {
	pieces := strings.FieldsFunc(text, func(r rune) bool {
		return r == '\n' || r == '.' || r == ';' || r == '!' || r == '?' || r == ','
	})
	var out []string
	for _, p := range pieces {
		p = strings.Join(strings.Fields(p), " ")
		p = strings.TrimLeftFunc(p, func(r rune) bool { return r == '-' || unicode.IsDigit(r) || unicode.IsSpace(r) })
		if len(strings.Fields(p)) < 5 || strings.ContainsAny(p, special) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Found returns the names of the files that contain s, sorted.
func Found(files map[string][]byte, s string) []string {
	var out []string
	for name, data := range files {
		if bytes.Contains(data, []byte(s)) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// Check builds p with build and fails t when a sentinel of a report that is
// not published reaches any file. It then proves the search can fail: the
// same reports, approved, are built again and each must show at least one
// of its sentinels; and there must be such reports to check at all.
func Check(t testing.TB, p *plan.Project, build func(*plan.Project) map[string][]byte) {
	t.Helper()
	hidden := Sentinels(p, func(r *plan.Report) bool { return !r.IsPublished() })
	n := 0
	for _, ss := range hidden {
		n += len(ss)
	}
	if n == 0 {
		t.Fatal("no report that is not published has a sentence to look for: the check would find nothing")
	}
	files := build(p)
	for file, ss := range hidden {
		for _, s := range ss {
			if l := Found(files, s); len(l) > 0 {
				t.Errorf("%q of the unpublished %s reached %v", s, file, l)
			}
		}
	}

	// Counter-check: approved, the same reports are found.
	q := *p
	q.Reports = nil
	approved := map[string]bool{}
	for _, r := range p.Reports {
		if !r.IsPublished() && len(r.Problems) == 0 {
			c := *r
			c.Approval = plan.Approval{State: plan.Approved, ApprovedBy: "Kiểm thử", ApprovedOn: r.Date}
			r = &c
			approved[r.File] = true
		}
		q.Reports = append(q.Reports, r)
	}
	files = build(&q)
	checked := 0
	for file, ss := range hidden {
		if !approved[file] {
			continue
		}
		checked++
		found := false
		for _, s := range ss {
			if len(Found(files, s)) > 0 {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("approved, %s still shows none of its %d sentences: the leak check above cannot see it", file, len(ss))
		}
	}
	if checked == 0 {
		t.Error("no unpublished report could be approved for the counter-check")
	}
}
