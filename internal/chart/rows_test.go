package chart

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

func TestRows(t *testing.T) {
	t.Parallel()
	due := func(s string) plan.Due {
		x, err := plan.ParseDue(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	done := func(day string, st status.Status) *status.Member {
		return &status.Member{Status: st, Source: &status.Source{Update: &plan.Update{State: plan.StateDone, DoneOn: d(day)}}}
	}
	t6 := &plan.Task{Number: 6, Slug: "sau"}
	t1 := &plan.Task{Number: 1, Slug: "mot"}
	p := &plan.Project{Plan: &plan.Plan{Basis: []plan.Basis{{Date: d("2017-10-25")}, {Date: d("2018-02-09")}, {Date: d("2018-02-03")}}}}
	s := &status.Snapshot{Tasks: []*status.Task{
		{Task: t1, Milestones: []*status.Milestone{
			{Milestone: &plan.Milestone{ID: "1a", Action: "Nhóm", ActionEn: "Group", Deliverable: "Đề án", Due: due("2018")}, Status: status.InProgress,
				Members: []*status.Member{done("2018-05-01", status.DoneOnTime), {Status: status.InProgress}}},
			{Milestone: &plan.Milestone{ID: "1b", Action: "Nhóm xong", Due: due("2018-H1")}, Status: status.DoneLate,
				Members: []*status.Member{done("2018-05-01", status.DoneOnTime), done("2018-08-01", status.DoneLate)}},
		}},
		{Task: t6, Milestones: []*status.Milestone{
			{Milestone: &plan.Milestone{ID: "a", Action: "Quý", Due: due("2018-Q2")}, Status: status.DoneOnTime,
				Members: []*status.Member{done("2018-05-01", status.DoneOnTime)}},
			{Milestone: &plan.Milestone{ID: "6b", Action: "Từ", Due: due("from 2019")}, Status: status.Ongoing},
			{Milestone: &plan.Milestone{ID: "6c", Action: "Không hạn", Due: due("")}, Status: status.NotReported},
		}},
	}}
	link := func(t *plan.Task) string { return "nhiem-vu/" + t.Slug + "/" }
	rows := Rows(s, p, "en", link)
	if len(rows) != 5 {
		t.Fatalf("%d rows", len(rows))
	}
	want := []TimelineRow{
		{Label: "1a", Title: "Group", Start: d("2018-02-09"), End: d("2018-12-31"), Status: status.InProgress, URL: "nhiem-vu/mot/", Group: "1"},
		{Label: "1b", Title: "Nhóm xong", Start: d("2018-02-09"), End: d("2018-06-30"), Done: d("2018-08-01"), Status: status.DoneLate, URL: "nhiem-vu/mot/", Group: "1"},
		{Label: "6a", Title: "Quý", Start: d("2018-02-09"), End: d("2018-06-30"), Done: d("2018-05-01"), Status: status.DoneOnTime, URL: "nhiem-vu/sau/", Group: "6"},
		{Label: "6b", Title: "Từ", Start: d("2019-01-01"), OpenEnded: true, Status: status.Ongoing, URL: "nhiem-vu/sau/", Group: "6"},
		{Label: "6c", Title: "Không hạn", Start: d("2018-02-09"), OpenEnded: true, Status: status.NotReported, URL: "nhiem-vu/sau/", Group: "6"},
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, rows[i], want[i])
		}
	}
	if got := Rows(s, p, "vi", nil)[0]; got.Title != "Đề án" || got.URL != "" {
		t.Errorf("vi row = %+v", got)
	}
	if Rows(nil, p, "vi", nil) != nil {
		t.Error("rows from no snapshot")
	}
}

// TestRealPlan draws the timeline of the portal's own data, when it is
// there, and checks it like any other picture.
func TestRealPlan(t *testing.T) {
	root, _ := filepath.Abs("../..")
	p, err := plan.Load(afero.NewOsFs(), root)
	if err != nil || p == nil {
		t.Fatalf("the portal data in this repository does not load: %v", err)
	}
	asOf, ok := status.LatestAsOf(p)
	if !ok {
		asOf = plan.NewDate(2018, 12, 31)
	}
	s := status.Derive(p, asOf)
	for _, lang := range []string{"vi", "en"} {
		out := Timeline(Rows(s, p, lang, func(t *plan.Task) string { return "nhiem-vu/" + t.Slug + "/" }), asOf, lang, "tl", "Tiến độ")
		parse(t, out)
		parse(t, Bar(s.MilestoneCounts, lang, "bar", "Mốc"))
		if dir := os.Getenv("MINHBACH_CHART_EXAMPLES"); dir != "" {
			_ = os.WriteFile(filepath.Join(dir, "real-timeline-"+lang+".svg"), []byte(out), 0o644)
			_ = os.WriteFile(filepath.Join(dir, "real-bar-"+lang+".svg"), []byte(Bar(s.MilestoneCounts, lang, "bar", "Mốc")), 0o644)
		}
	}
}
