package reportfile

import (
	"slices"
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
)

func TestChanges(t *testing.T) {
	t.Parallel()
	p40, p60 := 40, 60
	before := &plan.Report{Number: "45/BC-SNV", Date: plan.NewDate(2018, 6, 20), Body: "A",
		Updates: []*plan.Update{
			{Milestone: "1a", Member: "so-noi-vu", State: plan.StateInProgress, Progress: &p40},
			{Milestone: "2b", Member: "so-noi-vu", State: plan.StateWaiting},
			{Milestone: "3a", Member: "so-noi-vu", State: plan.StateDone, Note: "cũ"},
		}}
	after := &plan.Report{Number: "46/BC-SNV", Date: plan.NewDate(2018, 6, 20), Body: "B",
		Updates: []*plan.Update{
			{Milestone: "1a", Member: "so-noi-vu", State: plan.StateDone, DoneOn: plan.NewDate(2018, 6, 15)},
			{Milestone: "3a", Member: "so-noi-vu", State: plan.StateDone, Note: "mới"},
			{Milestone: "4a", Member: "ubnd-dak-ha", State: plan.StateInProgress, Progress: &p60},
		}}
	name := func(id string) string {
		return map[string]string{"so-noi-vu": "Sở Nội vụ", "ubnd-dak-ha": "UBND huyện Đăk Hà"}[id]
	}
	got := Changes(before, after, name)
	want := []string{
		"Số hiệu báo cáo: 45/BC-SNV → 46/BC-SNV",
		"1a (Sở Nội vụ): Đang thực hiện, 40% → Hoàn thành, ngày 15/6/2018",
		"3a (Sở Nội vụ): ghi chú hoặc văn bản chứng minh được sửa",
		"4a (UBND huyện Đăk Hà): thêm — Đang thực hiện, 60%",
		"2b (Sở Nội vụ): bỏ — Chờ Trung ương",
		"Phần tường thuật của báo cáo được sửa",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Changes =\n%q\nwant\n%q", got, want)
	}
	if c := Changes(before, before, name); len(c) != 0 {
		t.Errorf("no change, yet %q", c)
	}
}
