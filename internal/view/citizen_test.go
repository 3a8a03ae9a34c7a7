package view

import (
	"fmt"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"

	"testing"
	"unicode/utf8"
)

func TestShortTitle(t *testing.T) {
	long := "6. Rà soát, xây dựng Đề án và triển khai sắp xếp, tổ chức lại đơn vị hành chính cấp xã và sáp nhập các thôn"
	for _, tt := range []struct {
		in   string
		want string
	}{
		{"Tiến độ theo thời gian", ""},
		{string(make([]rune, 0)), ""},
		{long, "6. Rà soát, xây dựng Đề án và triển khai sắp xếp, tổ chức lại đơn vị…"},
	} {
		got := shortTitle(tt.in, ogTitleMax)
		if got != tt.want {
			t.Errorf("shortTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > ogTitleMax {
			t.Errorf("shortTitle(%q) has %d characters", tt.in, n)
		}
	}
	// A title of exactly ogTitleMax characters is kept whole.
	exact := string([]rune(long)[:ogTitleMax])
	if got := shortTitle(exact, ogTitleMax); got != "" {
		t.Errorf("a %d-character title was cut: %q", ogTitleMax, got)
	}
}

// TestManyTasksShareCardsByStatus: in a plan of more than manyTasks tasks,
// a task page's card is the one of its status, found by the page's path.
func TestManyTasksShareCardsByStatus(t *testing.T) {
	snap := &status.Snapshot{}
	for i := range manyTasks + 1 {
		st := status.InProgress
		if i == 7 {
			st = status.Overdue
		}
		snap.Tasks = append(snap.Tasks, &status.Task{Task: &plan.Task{Slug: fmt.Sprintf("t%d", i)}, Status: st})
	}
	pr := &presenter{Model: &Model{snap: snap}, lang: "vi"}
	if got := pr.cardURL("nhiem-vu/t7/index"); got != "nhiem-vu/og-overdue.png" {
		t.Errorf("task 7's card is %q", got)
	}
	if got := pr.cardURL("nhiem-vu/t8/index"); got != "nhiem-vu/og-in-progress.png" {
		t.Errorf("task 8's card is %q", got)
	}
	if got := pr.cardURL("nhiem-vu/trang/2/index"); got != "" {
		t.Errorf("a further page of the task list has a card: %q", got)
	}
}
