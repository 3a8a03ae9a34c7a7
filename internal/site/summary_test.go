package site

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/leakcheck"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/summary"
	"github.com/minhbach/minhbach/internal/view"
)

var (
	// sumRow is a share's row in the summary page: its milestone, its unit
	// and its status as of the period's end (st-none: no data).
	sumRow = regexp.MustCompile(`(?s)<tr>\s*<th scope="row"><a href="/(?:en/)?nhiem-vu/[^"#]*#moc-([^"]+)">.*?<a href="/(?:en/)?co-quan/([^/"]+)/">.*?<td class="c-st" data-label="[^"]*">(?:<a class="status st-([a-z-]+)"[^>]*>([^<]*)</a>|<span class="status st-none">)`)
	// sumMissing is a unit in the summary's list of units that did not
	// report.
	sumMissing = regexp.MustCompile(`<li><a href="/(?:en/)?co-quan/([^/"]+)/">`)
	// taskSection is one milestone's section of a task page.
	taskSection = regexp.MustCompile(`(?s)<section class="milestone[^"]*" id="moc-([^"]+)".*?</section>`)
	// taskMember is a member's row in a task page's table of members.
	taskMember = regexp.MustCompile(`<th scope="row"><a href="/co-quan/([^/"]+)/">[^<]*</a></th>\s*<td data-label="[^"]*"><a class="status st-([a-z-]+)"`)
	// taskStatus is a milestone's status on its task page.
	taskStatus = regexp.MustCompile(`<dd class="st-line"><a class="status st-([a-z-]+)"`)
)

// summaryShares reads the shares one list of a summary page shows (the
// section labelled by id), by "milestone|unit", with "status key|label".
func summaryShares(page, id string) map[string]string {
	sec := between(`<section aria-labelledby="`+id+`">`, `</section>`)(page)
	out := map[string]string{}
	for _, m := range sumRow.FindAllStringSubmatch(sec, -1) {
		st := m[3]
		if st == "" {
			st = "none"
		}
		out[m[1]+"|"+m[2]] = st + "|" + html.UnescapeString(m[4])
	}
	return out
}

// wantShares are the rows of a compiled list in the same form.
func wantShares(lang msg.Lang, rows []summary.Row) map[string]string {
	out := map[string]string{}
	for _, r := range rows {
		st := string(r.Status)
		if r.Status == status.NoData {
			st = "none"
		}
		out[r.Milestone.ID+"|"+r.Agency.ID] = st + "|" + summary.Label(lang, r.Status, r.Milestone)
	}
	return out
}

// compareShares lists how got differs from want.
func compareShares(want, got map[string]string) []string {
	var out []string
	for k, v := range want {
		switch g, ok := got[k]; {
		case !ok:
			out = append(out, fmt.Sprintf("share %s missing", k))
		case g != v:
			out = append(out, fmt.Sprintf("share %s: page says %q, the compilation %q", k, g, v))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			out = append(out, fmt.Sprintf("share %s on the page is not in the compilation", k))
		}
	}
	return out
}

// TestSummaryPageIsTheCompilation builds the Kon Tum portal and reads
// every period's printable summary in both languages: every share of the
// compilation the workbook lays out (summary.Compile) is on it once, with
// the same status and label, in each list (all shares, overdue, changes),
// and so is every unit that did not report. The counter-test drops one row
// from a page and finds it missing.
func TestSummaryPageIsTheCompilation(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/out")
	out := tree(t, fsys, "/out")
	p, err := plan.Load(fsys, "/src")
	if err != nil {
		t.Fatal(err)
	}
	hist := status.History(p)
	if len(hist) < 2 {
		t.Fatalf("%d periods: the test needs a period with a previous one", len(hist))
	}
	shares := 0
	for _, h := range hist {
		s, ok := summary.Compile(p, hist, h.Period.ID)
		if !ok {
			t.Fatalf("%s: no compilation", h.Period.ID)
		}
		for _, lang := range []msg.Lang{msg.VI, msg.EN} {
			name := view.LangDir(string(lang)) + view.SummaryURL(h.Period.ID) + "index.html"
			page, ok := out[name]
			if !ok {
				t.Fatalf("%s: not built", name)
			}
			lists := []struct {
				id   string
				rows []summary.Row
			}{{"h-sum-rows", s.Rows}, {"h-sum-overdue", s.Overdue}}
			if h.Previous != nil {
				lists = append(lists, struct {
					id   string
					rows []summary.Row
				}{"h-sum-changes", s.Changed})
			}
			for _, l := range lists {
				for _, e := range compareShares(wantShares(lang, l.rows), summaryShares(string(page), l.id)) {
					t.Errorf("%s, %s: %s", name, l.id, e)
				}
			}
			shares += len(s.Rows)
			sec := between(`<section aria-labelledby="h-sum-missing">`, `</section>`)(string(page))
			var got []string
			for _, m := range sumMissing.FindAllStringSubmatch(sec, -1) {
				got = append(got, m[1])
			}
			var want []string
			for _, a := range s.Missing {
				want = append(want, a.ID)
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s: units that did not report %v, the compilation %v", name, got, want)
			}
			period := view.LangDir(string(lang)) + "ky-bao-cao/" + h.Period.ID + "/index.html"
			if !strings.Contains(string(out[period]), `href="/`+view.LangDir(string(lang))+view.SummaryURL(h.Period.ID)+`"`) {
				t.Errorf("%s does not link its summary", period)
			}
		}
	}
	if shares == 0 {
		t.Fatal("no shares compiled: the test checks nothing")
	}

	// Counter-test: a page without one of its rows is caught.
	h := hist[len(hist)-1]
	s, _ := summary.Compile(p, hist, h.Period.ID)
	page := string(out[view.SummaryURL(h.Period.ID)+"index.html"])
	sec := between(`<section aria-labelledby="h-sum-rows">`, `</section>`)(page)
	first := sumRow.FindStringIndex(sec)
	if first == nil {
		t.Fatal("no row found on the page")
	}
	dropped := strings.Replace(page, sec, sec[:first[0]]+sec[first[0]+len("<tr>"):], 1)
	if e := compareShares(wantShares(msg.VI, s.Rows), summaryShares(dropped, "h-sum-rows")); len(e) != 1 || !strings.Contains(e[0], "missing") {
		t.Errorf("a page with a row dropped: %v, want one share missing", e)
	}
	// And a row whose status was changed.
	bogus := regexp.MustCompile(`(<td class="c-st" data-label="[^"]*"><a class="status )st-[a-z-]+`)
	changed := strings.Replace(page, sec, bogus.ReplaceAllString(sec, "${1}st-bogus"), 1)
	if e := compareShares(wantShares(msg.VI, s.Rows), summaryShares(changed, "h-sum-rows")); len(e) == 0 {
		t.Error("a page with a status changed: no difference found")
	}
}

// TestSummaryPageAgreesWithTaskPages: the latest period's summary is as of
// the site's date, so every share on it has the status its task page shows
// (a group's members in its table of members, a single owner's share as
// the milestone's status). The counter-test changes a status on a task page
// and finds it.
func TestSummaryPageAgreesWithTaskPages(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/out")
	out := tree(t, fsys, "/out")
	p, err := plan.Load(fsys, "/src")
	if err != nil {
		t.Fatal(err)
	}
	hist := status.History(p)
	latest := hist[len(hist)-1]
	if status.AsOf(p, plan.Date{}) != latest.Period.End {
		t.Fatalf("the site's date is not the end of %s: the test compares different days", latest.Period.ID)
	}
	sum := map[string]string{}
	for k, v := range summaryShares(string(out[view.SummaryURL(latest.Period.ID)+"index.html"]), "h-sum-rows") {
		sum[k] = strings.SplitN(v, "|", 2)[0]
	}
	byID := p.Plan.MilestonesByID()
	tasks := func(out map[string][]byte) map[string]string {
		got := map[string]string{}
		for _, task := range p.Plan.Tasks {
			page := string(out[view.TaskURL(task.Slug)+"index.html"])
			for _, sec := range taskSection.FindAllStringSubmatch(page, -1) {
				ms := byID[sec[1]]
				if ms == nil {
					t.Fatalf("%s: section of an unknown milestone %s", task.Slug, sec[1])
				}
				if members := taskMember.FindAllStringSubmatch(sec[0], -1); len(members) > 0 {
					for _, m := range members {
						got[sec[1]+"|"+m[1]] = m[2]
					}
				} else if m := taskStatus.FindStringSubmatch(sec[0]); m != nil {
					got[sec[1]+"|"+ms.Owner] = m[1]
				}
			}
		}
		return got
	}
	got := tasks(out)
	if len(got) < 20 {
		t.Fatalf("only %d shares read from the task pages: the patterns miss them", len(got))
	}
	for k, v := range got {
		if sum[k] != v {
			t.Errorf("share %s: the task page says %s, the summary %q", k, v, sum[k])
		}
	}
	for k := range sum {
		if _, ok := got[k]; !ok {
			t.Errorf("share %s is on the summary, on no task page", k)
		}
	}
	// Counter-test: a task page showing another status is caught.
	name := view.TaskURL(p.Plan.Tasks[0].Slug) + "index.html"
	edited := map[string][]byte{}
	for k, v := range out {
		edited[k] = v
	}
	edited[name] = regexp.MustCompile(`<dd class="st-line"><a class="status st-[a-z-]+"`).ReplaceAll(out[name], []byte(`<dd class="st-line"><a class="status st-bogus"`))
	diff := 0
	for k, v := range tasks(edited) {
		if sum[k] != v {
			diff++
		}
	}
	if diff == 0 {
		t.Error("a task page with its statuses changed: no difference found")
	}
}

// TestSummaryPageShowsNoUnapprovedReport: no sentence of a report that is
// not approved reaches a summary page (leakcheck); approved, the same
// reports are found on them.
func TestSummaryPageShowsNoUnapprovedReport(t *testing.T) {
	fsys := memPortal(t)
	p, err := plan.Load(fsys, "/src")
	if err != nil {
		t.Fatal(err)
	}
	leakcheck.Check(t, p, func(p *plan.Project) map[string][]byte {
		m := view.New(p, plan.Date{}, false)
		files := map[string][]byte{}
		err := m.Pages(func(name string, data []byte) error {
			if strings.Contains(name, "/tong-hop") {
				files[name] = data
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatal("no summary page made")
		}
		return files
	})
}

// TestSummaryListsGoOnOverPages: with a few rows a page, each list of the
// summary goes on over further pages, its pager named for it, and the rows
// of all its pages are the compilation's, each once, in its order.
func TestSummaryListsGoOnOverPages(t *testing.T) {
	defer func(n int) { view.SummaryPerPage = n }(view.SummaryPerPage)
	view.SummaryPerPage = 3
	fsys := memPortal(t)
	memBuild(t, fsys, "/out")
	out := tree(t, fsys, "/out")
	p, err := plan.Load(fsys, "/src")
	if err != nil {
		t.Fatal(err)
	}
	hist := status.History(p)
	h := hist[len(hist)-1]
	s, _ := summary.Compile(p, hist, h.Period.ID)
	for _, c := range []struct {
		section, label string
		rows           []summary.Row
	}{
		{"h-sum-rows", msg.Get(msg.VI, "pager_label_shares"), s.Rows},
		{"h-sum-changes", msg.Get(msg.VI, "pager_label_changes"), s.Changed},
	} {
		var got []string
		pages := 0
		seen := map[string]bool{}
		for next := view.SummaryURL(h.Period.ID); next != ""; {
			body, ok := out[next+"index.html"]
			if !ok {
				t.Fatalf("%sindex.html: not built", next)
			}
			if seen[next] {
				t.Fatalf("the pager loops back to %s", next)
			}
			seen[next] = true
			pages++
			id := c.section
			if pages > 1 {
				id = "h-sum-list"
			}
			sec := between(`<section aria-labelledby="`+id+`">`, `</section>`)(string(body))
			for _, m := range sumRow.FindAllStringSubmatch(sec, -1) {
				got = append(got, m[1]+"|"+m[2])
			}
			next = ""
			for _, nav := range pagerNav.FindAllStringSubmatch(string(body), -1) {
				if nav[1] == c.label {
					if m := nextLink.FindStringSubmatch(nav[2]); m != nil {
						next = m[1]
					}
				}
			}
		}
		var want []string
		for _, r := range c.rows {
			want = append(want, r.Milestone.ID+"|"+r.Agency.ID)
		}
		if wantPages := (len(want) + 2) / 3; pages != wantPages || wantPages < 2 {
			t.Errorf("%s: %d pages for %d rows, want %d (and more than one)", c.section, pages, len(want), wantPages)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s over its pages:\n got %v\nwant %v", c.section, got, want)
		}
	}
}
