package leakcheck

import (
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
)

func project() *plan.Project {
	pub := &plan.Report{File: "a.md", Approval: plan.Approval{State: plan.Approved}, Body: "Huyện đã hoàn thành việc sắp xếp các thôn trong năm."}
	draft := &plan.Report{File: "b.md", Approval: plan.Approval{State: plan.Draft},
		Body:    "Đoạn mở đầu chung của mọi báo cáo ở đây.\nCâu riêng của bản nháp này không được công bố, **đậm**.",
		Updates: []*plan.Update{{Note: "Ghi chú riêng của bản nháp chưa phê duyệt"}}}
	return &plan.Project{Plan: &plan.Plan{}, Reports: []*plan.Report{pub, draft}}
}

func TestSentinels(t *testing.T) {
	t.Parallel()
	got := Sentinels(project(), func(r *plan.Report) bool { return !r.IsPublished() })
	want := []string{"Đoạn mở đầu chung của mọi báo cáo ở đây", "Câu riêng của bản nháp này không được công bố", "Ghi chú riêng của bản nháp chưa phê duyệt"}
	if strings.Join(got["b.md"], "|") != strings.Join(want, "|") {
		t.Errorf("sentinels %q, want %q (the piece with Markdown is not one)", got["b.md"], want)
	}
	if _, ok := got["a.md"]; ok {
		t.Error("a published report has sentinels")
	}
}

// fakeT records failures instead of stopping.
type fakeT struct {
	testing.TB
	failed []string
}

func (f *fakeT) Helper()                        {}
func (f *fakeT) Errorf(format string, a ...any) { f.failed = append(f.failed, format) }
func (f *fakeT) Error(a ...any)                 { f.failed = append(f.failed, "error") }
func (f *fakeT) Fatal(a ...any)                 { f.failed = append(f.failed, "fatal") }

// TestCheck shows that Check fails a build that leaks, and one that would
// hide a published report's text (so the counter-check can fail too).
func TestCheck(t *testing.T) {
	t.Parallel()
	leaky := func(p *plan.Project) map[string][]byte {
		var b strings.Builder
		for _, r := range p.Reports {
			b.WriteString(texts(r))
		}
		return map[string][]byte{"all.txt": []byte(b.String())}
	}
	blind := func(p *plan.Project) map[string][]byte { return map[string][]byte{"none.txt": nil} }
	honest := func(p *plan.Project) map[string][]byte {
		var b strings.Builder
		for _, r := range p.Reports {
			if r.IsPublished() {
				b.WriteString(texts(r))
			}
		}
		return map[string][]byte{"pub.txt": []byte(b.String())}
	}
	for name, c := range map[string]struct {
		build func(*plan.Project) map[string][]byte
		fails bool
	}{"leaky": {leaky, true}, "blind": {blind, true}, "honest": {honest, false}} {
		f := &fakeT{TB: t}
		Check(f, project(), c.build)
		if (len(f.failed) > 0) != c.fails {
			t.Errorf("%s: failures %v, want failing=%v", name, f.failed, c.fails)
		}
	}
}
