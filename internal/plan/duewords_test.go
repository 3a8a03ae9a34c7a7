package plan

import "testing"

func TestDueWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		m      Milestone
		vi, en string
	}{
		{"no condition", Milestone{Due: Due{Kind: DueQuarter, Year: 2018, N: 2}}, "Trong quý II/2018", "In Q2 2018"},
		{"guidance", Milestone{Due: Due{Kind: DueYear, Year: 2018}, Condition: "sau khi có hướng dẫn của Trung ương"},
			"Trong năm 2018 (sau khi có hướng dẫn của Trung ương)", "In 2018 (sau khi có hướng dẫn của Trung ương)"},
		{"regulation", Milestone{Due: Due{Kind: DueFrom, Year: 2018}, Condition: "sau khi có quy định của Trung ương"},
			"Từ năm 2018 (sau khi có quy định của Trung ương)", "From 2018 (sau khi có quy định của Trung ương)"},
		{"no deadline", Milestone{}, "Kế hoạch không nêu thời hạn", "No deadline in the plan"},
	}
	for _, tt := range tests {
		if got := tt.m.DueWords("vi"); got != tt.vi {
			t.Errorf("%s: vi %q, want %q", tt.name, got, tt.vi)
		}
		if got := tt.m.DueWords("en"); got != tt.en {
			t.Errorf("%s: en %q, want %q", tt.name, got, tt.en)
		}
	}
}
