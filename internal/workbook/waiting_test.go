package workbook

import (
	"slices"
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
)

func TestWaitingLabelPerMilestone(t *testing.T) {
	t.Parallel()
	reg := &plan.Milestone{ID: "3a", Condition: "sau khi có quy định của Trung ương", Waiting: "Chờ quy định của Trung ương"}
	guid := &plan.Milestone{ID: "2a", Condition: "sau khi có hướng dẫn của Trung ương"}
	none := &plan.Milestone{ID: "4a"}
	if got := labels(reg); !slices.Contains(got, "Chờ quy định của Trung ương") || slices.Contains(got, "Chờ hướng dẫn của Trung ương") {
		t.Errorf("3a's list: %q", got)
	}
	if got := labels(guid); !slices.Contains(got, "Chờ hướng dẫn của Trung ương") || slices.Contains(got, "Chờ quy định của Trung ương") {
		t.Errorf("2a's list: %q", got)
	}
	if got := labels(none); slices.ContainsFunc(got, func(s string) bool { return s == StateLabel(plan.StateWaiting) }) || len(got) != 3 {
		t.Errorf("4a's list: %q", got)
	}
	for _, tt := range []struct {
		cell string
		m    *plan.Milestone
		want string
		ok   bool
	}{
		{"Chờ quy định của Trung ương", reg, plan.StateWaiting, true},
		{"cho quy dinh cua trung uong", reg, plan.StateWaiting, true},
		{"Chờ hướng dẫn của Trung ương", reg, plan.StateWaiting, true}, // a workbook sent out before
		{"Chờ Trung ương", reg, plan.StateWaiting, true},
		{"waiting", reg, plan.StateWaiting, true},
		{"Chờ quy định của Trung ương", guid, "", false},
		{"Hoàn thành", reg, plan.StateDone, true},
		{"Chờ gì đó", reg, "", false},
	} {
		got, ok := parseState(tt.cell, tt.m)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseState(%q, %s) = %q, %v; want %q, %v", tt.cell, tt.m.ID, got, ok, tt.want, tt.ok)
		}
	}
}
