package plan

import (
	"strings"
	"testing"
)

func TestCleanText(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ name, in, want string }{
		{"plain ASCII", "So Noi vu", "So Noi vu"},
		{"tab and line feed kept", "a\tb\nc", "a\tb\nc"},
		{"NFD to NFC", "Ba\u0301o ca\u0301o", "Báo cáo"},
		{"bidi override", "gnp\u202e.exe", "gnp.exe"},
		{"isolates", "\u2066x\u2069", "x"},
		{"zero-width space and BOM", "Đắk\u200b Hà\ufeff", "Đắk Hà"},
		{"CRLF in ASCII", "line 1\r\nline 2\r\n", "line 1\nline 2\n"},
		{"CRLF in Vietnamese", "dòng 1\r\n- dòng 2", "dòng 1\n- dòng 2"},
		{"lone CR", "a\rb", "a\nb"},
		{"NUL in ASCII", "x\x00y", "xy"},
		{"NUL in Vietnamese", "Dự\x00 thảo", "Dự thảo"},
		{"other C0 controls", "a\x01\x08\x0b\x0c\x1b\x1fb", "ab"},
		{"DEL and C1 controls", "a\x7f\u0085\u009fb", "ab"},
		{"emoji and combining marks kept", "😀🇻🇳 é", "😀🇻🇳 é"},
	} {
		if got := cleanText(c.in); got != c.want {
			t.Errorf("%s: cleanText(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

// TestCleanTextLineEnds: a plan saved with Windows line ends loads into
// the same texts as with Unix ones, multi-line strings included (TOML keeps
// their "\r\n"), so that the site does not depend on the editor.
func TestCleanTextLineEnds(t *testing.T) {
	t.Parallel()
	plan := edit(t, basePlan, `title = "Kế hoạch thử nghiệm"`, "title = \"Kế hoạch thử nghiệm\"\npreamble = \"\"\"\nDòng một.\nDòng hai.\"\"\"\npurpose = [\"\"\"Mục đích\nthứ nhất\"\"\"]")
	unix, err := load(t, map[string]string{PlanFile: plan})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	win, err := load(t, map[string]string{PlanFile: windows(plan)})
	if err != nil {
		t.Fatalf("Load (CRLF): %v", err)
	}
	if unix.Plan.Preamble != "Dòng một.\nDòng hai." {
		t.Fatalf("preamble = %q", unix.Plan.Preamble)
	}
	if win.Plan.Preamble != unix.Plan.Preamble || strings.Join(win.Plan.Purpose, "|") != strings.Join(unix.Plan.Purpose, "|") {
		t.Errorf("with CRLF: preamble %q, purpose %q; with LF: %q, %q", win.Plan.Preamble, win.Plan.Purpose, unix.Plan.Preamble, unix.Plan.Purpose)
	}
}
