package view

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/testportal"
)

// TestReportingWords: the periods page and the printable summary say who
// the reports go to as the plan's [reporting] names them, not as the Kon
// Tum plan does: another plan's compiler and recipient, one of them, or
// none.
func TestReportingWords(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name                string
		compiler, recipient string // "" drops the line
		intro, hint         string // Vietnamese
		introEn, hintEn     string
	}{
		{"the test portal's", "so-noi-vu", "ubnd-tinh",
			"gửi báo cáo về Ủy ban nhân dân tỉnh (qua Sở Nội vụ).", "bằng Excel mà Sở Nội vụ lập",
			"report to the Ủy ban nhân dân tỉnh (through the Sở Nội vụ).", "workbook the Sở Nội vụ compiles"},
		{"another compiler and recipient", "so-tu-phap", "huyen-a",
			"gửi báo cáo về Ủy ban nhân dân huyện A (qua Sở Tư pháp).", "bằng Excel mà Sở Tư pháp lập",
			"report to the Ủy ban nhân dân huyện A (through the Sở Tư pháp).", "workbook the Sở Tư pháp compiles"},
		{"the same body", "so-tu-phap", "so-tu-phap",
			"gửi báo cáo về Sở Tư pháp. Mỗi kỳ", "bằng Excel mà Sở Tư pháp lập",
			"report to the Sở Tư pháp. Each", "workbook the Sở Tư pháp compiles"},
		{"a recipient only", "", "huyen-b",
			"gửi báo cáo về Ủy ban nhân dân huyện B. Mỗi kỳ", "bằng Excel của kỳ này (lệnh minhbach summary)",
			"report to the Ủy ban nhân dân huyện B. Each", "this period's Excel workbook (the minhbach summary command)"},
		{"neither", "", "",
			"gửi báo cáo tiến độ. Mỗi kỳ", "bằng Excel của kỳ này (lệnh minhbach summary)",
			"send their progress reports.", "this period's Excel workbook"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			rep := "compiler = \"" + c.compiler + "\"\nrecipient = \"" + c.recipient + "\"\n"
			rep = strings.ReplaceAll(strings.ReplaceAll(rep, "compiler = \"\"\n", ""), "recipient = \"\"\n", "")
			src := testportal.Edit(testportal.Plan, "compiler = \"so-noi-vu\"\nrecipient = \"ubnd-tinh\"\n", rep)
			files := testportal.Reports()
			files[plan.PlanFile] = src
			p, err := plan.Load(testportal.Fs(t, files), testportal.Root)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			got := map[string][]string{}
			err = New(p, plan.Date{}, false).Pages(func(name string, data []byte) error {
				if !strings.HasPrefix(name, ViewDir) {
					return nil
				}
				var v struct {
					Intro     string `json:"intro"`
					PrintHint string `json:"print_hint"`
				}
				if err := json.Unmarshal(data, &v); err != nil {
					return nil // not every view is an object of strings
				}
				lang := "vi"
				if bytes.Contains([]byte(name), []byte(".en.")) {
					lang = "en"
				}
				if v.Intro != "" {
					got["intro."+lang] = append(got["intro."+lang], v.Intro)
				}
				if v.PrintHint != "" {
					got["hint."+lang] = append(got["hint."+lang], v.PrintHint)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for key, want := range map[string]string{"intro.vi": c.intro, "intro.en": c.introEn, "hint.vi": c.hint, "hint.en": c.hintEn} {
				if len(got[key]) == 0 {
					t.Errorf("%s: no page says it", key)
				}
				for _, s := range got[key] {
					if !strings.Contains(s, want) {
						t.Errorf("%s = %q, want it to contain %q", key, s, want)
					}
				}
			}
		})
	}
}
