package plan

import (
	"reflect"
	"testing"
)

func TestWhichReportsABuildShows(t *testing.T) {
	t.Parallel()
	bad := Problems{{Key: "x"}}
	rs := []*Report{
		{File: "approved", Approval: Approval{State: Approved}},
		{File: "approved-bad", Approval: Approval{State: Approved}, Problems: bad},
		{File: "draft", Approval: Approval{State: Draft}},
		{File: "draft-bad", Approval: Approval{State: Draft}, Problems: bad},
		{File: "submitted", Approval: Approval{State: Submitted}, Sample: true},
		{File: "rejected", Approval: Approval{State: Rejected}},
		{File: "unread", Approval: Approval{State: Draft}, Unread: true, Problems: bad},
	}
	p := &Project{Reports: rs}
	files := func(rs []*Report) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.File)
		}
		return out
	}
	for _, c := range []struct {
		drafts         bool
		shown, leftOut []string
	}{
		{false, []string{"approved"}, []string{"approved-bad", "draft", "draft-bad", "submitted", "rejected", "unread"}},
		{true, []string{"approved", "draft", "submitted"}, []string{"approved-bad", "draft-bad", "rejected", "unread"}},
	} {
		shown, out := p.Split(c.drafts)
		if !reflect.DeepEqual(files(shown), c.shown) || !reflect.DeepEqual(files(out), c.leftOut) {
			t.Errorf("Split(%v) = %v, %v; want %v, %v", c.drafts, files(shown), files(out), c.shown, c.leftOut)
		}
		// The view a build derives statuses from publishes the same reports.
		if got := files(p.View(c.drafts).Published()); !reflect.DeepEqual(got, c.shown) {
			t.Errorf("View(%v).Published() = %v, want %v", c.drafts, got, c.shown)
		}
	}
	v := p.WithDrafts()
	for i, r := range v.Reports {
		if r.Preview != rs[i].Previewable() {
			t.Errorf("%s: Preview = %v in the drafts view", r.File, r.Preview)
		}
		if r.Approval.State != rs[i].Approval.State {
			t.Errorf("%s: the drafts view changed its state to %q", r.File, r.Approval.State)
		}
		if rs[i].Preview {
			t.Errorf("%s: WithDrafts changed the project it was given", rs[i].File)
		}
	}
	if p.View(false) != p {
		t.Error("View(false) is not the project itself")
	}
	// The sample flag counts published reports only: the sample report is
	// submitted, so only the drafts view says it.
	if p.SampleData() {
		t.Error("SampleData: an unpublished sample report counted")
	}
	if !v.SampleData() {
		t.Error("SampleData: the previewed sample report did not count")
	}
}
