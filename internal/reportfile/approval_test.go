package reportfile

import (
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
)

func TestSetApproval(t *testing.T) {
	t.Parallel()
	approved := plan.Approval{State: plan.Approved, ApprovedBy: "Phó Giám đốc Sở Nội vụ", ApprovedOn: plan.NewDate(2018, 6, 28)}
	const updates = "\n# Mốc 1a: ban hành kế hoạch.\n[[updates]]\nmilestone = \"1a\"\nstate = \"done\"\ndone_on = 2018-06-15\n"
	const body = "+++\nNội dung \"báo cáo\".\n[approval]\nstate = \"draft\"\n"
	cases := []struct {
		name     string
		src      string
		a        plan.Approval
		want     string
		wantErr  string
		noChange bool
	}{
		{
			name: "LF, submitted to approved",
			src:  "+++\nagency = \"so-noi-vu\"\ndate = 2018-06-20\n\n[approval]\nstate = \"submitted\"\n" + updates + body,
			a:    approved,
			want: "+++\nagency = \"so-noi-vu\"\ndate = 2018-06-20\n\n[approval]\nstate = \"approved\"\napproved_by = \"Phó Giám đốc Sở Nội vụ\"\napproved_on = 2018-06-28\n" + updates + body,
		},
		{
			name: "CRLF and BOM",
			src:  "\ufeff+++\r\nagency = \"so-noi-vu\"\r\n\r\n[approval]\r\nstate = \"submitted\"\r\n\r\n[[updates]]\r\nmilestone = \"1a\"\r\n+++\r\nNội dung.\r\n",
			a:    approved,
			want: "\ufeff+++\r\nagency = \"so-noi-vu\"\r\n\r\n[approval]\r\nstate = \"approved\"\r\napproved_by = \"Phó Giám đốc Sở Nội vụ\"\r\napproved_on = 2018-06-28\r\n\r\n[[updates]]\r\nmilestone = \"1a\"\r\n+++\r\nNội dung.\r\n",
		},
		{
			name: "comments and spacing kept",
			src:  "+++\nagency = \"x\" # cơ quan\n[approval] # phê duyệt\n# trạng thái:\nstate   =   \"submitted\"   # đổi khi duyệt\nnote = \"\" # ghi chú\n+++\n",
			a:    plan.Approval{State: plan.Approved, ApprovedBy: "A", ApprovedOn: plan.NewDate(2018, 7, 1)},
			want: "+++\nagency = \"x\" # cơ quan\n[approval] # phê duyệt\n# trạng thái:\nstate   =   \"approved\"   # đổi khi duyệt\napproved_by = \"A\"\napproved_on = 2018-07-01\n+++\n",
		},
		{
			name: "approval table absent, before the updates and their comment",
			src:  "+++\nagency = \"x\"\ndate = 2018-06-20\n" + updates + "+++\n",
			a:    plan.Approval{State: plan.Rejected, Note: "Thiếu số hiệu."},
			want: "+++\nagency = \"x\"\ndate = 2018-06-20\n\n[approval]\nstate = \"rejected\"\nnote = \"Thiếu số hiệu.\"\n" + updates + "+++\n",
		},
		{
			name: "approval table absent, no tables",
			src:  "+++\nagency = \"x\"\n+++\nBody\n",
			a:    plan.Approval{State: plan.Submitted},
			want: "+++\nagency = \"x\"\n\n[approval]\nstate = \"submitted\"\n+++\nBody\n",
		},
		{
			name: "keys in another order, quoted key, literal string kept",
			src:  "+++\nagency = \"x\"\n[approval]\nnote = 'xem lại'\n\"state\" = 'submitted'\n[[updates]]\nmilestone = \"1a\"\n+++\n",
			a:    plan.Approval{State: plan.Approved, ApprovedBy: "B", ApprovedOn: plan.NewDate(2018, 7, 2), Note: "xem lại"},
			want: "+++\nagency = \"x\"\n[approval]\nnote = 'xem lại'\n\"state\" = \"approved\"\napproved_by = \"B\"\napproved_on = 2018-07-02\n[[updates]]\nmilestone = \"1a\"\n+++\n",
		},
		{
			name: "inline table",
			src:  "+++\nagency = \"x\"\napproval = { state = \"submitted\", note = \"n\" } # ok\n[[updates]]\nmilestone = \"1a\"\n+++\n",
			a:    plan.Approval{State: plan.Approved, ApprovedBy: "C", ApprovedOn: plan.NewDate(2018, 7, 3), Note: "n"},
			want: "+++\nagency = \"x\"\napproval = { state = \"approved\", approved_by = \"C\", approved_on = 2018-07-03, note = \"n\" } # ok\n[[updates]]\nmilestone = \"1a\"\n+++\n",
		},
		{
			name: "dotted keys",
			src:  "+++\nagency = \"x\"\napproval.state = \"draft\"\n[[updates]]\nmilestone = \"1a\"\n+++\n",
			a:    plan.Approval{State: plan.Approved, ApprovedBy: "D", ApprovedOn: plan.NewDate(2018, 7, 4)},
			want: "+++\nagency = \"x\"\napproval.state = \"approved\"\napproval.approved_by = \"D\"\napproval.approved_on = 2018-07-04\n[[updates]]\nmilestone = \"1a\"\n+++\n",
		},
		{
			name: "multi-line note replaced, approval of an approved report cleared",
			src:  "+++\nagency = \"x\"\n[approval]\nstate = \"approved\"\napproved_by = \"E\"\napproved_on = 2018-07-05\nnote = \"\"\"\nDòng một\nDòng \\\"\"\" hai\n\"\"\"\n[[updates]]\nnote = \"\"\"\n+++ không phải kết thúc\n\"\"\"\n+++\nBody\n",
			a:    plan.Approval{State: plan.Rejected, Note: "Rút lại:\nsai số liệu"},
			want: "+++\nagency = \"x\"\n[approval]\nstate = \"rejected\"\nnote = \"Rút lại:\\nsai số liệu\"\n[[updates]]\nnote = \"\"\"\n+++ không phải kết thúc\n\"\"\"\n+++\nBody\n",
		},
		{
			name:     "already so: nothing changes",
			src:      "+++\nagency = \"x\"\n[approval]\nstate = 'approved'\napproved_by = \"F\"\napproved_on = 2018-07-06\n+++\n",
			a:        plan.Approval{State: plan.Approved, ApprovedBy: "F", ApprovedOn: plan.NewDate(2018, 7, 6)},
			noChange: true,
		},
		{
			name:    "not a report",
			src:     "agency = \"x\"\n",
			a:       approved,
			wantErr: "+++",
		},
		{
			name:    "no closing line",
			src:     "+++\nagency = \"x\"\n",
			a:       approved,
			wantErr: "closing",
		},
		{
			name:    "broken TOML",
			src:     "+++\nagency = \"x\n[approval]\nstate = \"draft\"\n+++\n",
			a:       approved,
			wantErr: "quote",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := SetApproval([]byte(c.src), c.a)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want one about %q; got\n%s", err, c.wantErr, got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := c.want
			if c.noChange {
				want = c.src
			}
			if string(got) != want {
				t.Errorf("got\n%q\nwant\n%q", got, want)
			}
			// The result loads with the approval asked for.
			again, err := SetApproval(got, c.a)
			if err != nil || string(again) != string(got) {
				t.Errorf("a second edit changed the file: %v\n%q", err, again)
			}
		})
	}
}

// TestSetApprovalChecksTheResult: the check after the edit (sameBut)
// accepts a sound edit and refuses one that changed another field or did
// not write the approval asked for.
func TestSetApprovalChecksTheResult(t *testing.T) {
	t.Parallel()
	src := "+++\nagency = \"x\"\nnumber = \"1/BC\"\n[approval]\nstate = \"submitted\"\n[[updates]]\nmilestone = \"1a\"\nstate = \"done\"\n+++\n"
	if _, err := SetApproval([]byte(src), plan.Approval{State: plan.Approved, ApprovedBy: "X", ApprovedOn: plan.NewDate(2018, 1, 2)}); err != nil {
		t.Fatal(err)
	}
	if err := sameBut(src, strings.Replace(src, `number = "1/BC"`, `number = "2/BC"`, 1), plan.Approval{State: plan.Submitted}); err == nil {
		t.Error("sameBut accepted a change of the number")
	}
	if err := sameBut(src, src, plan.Approval{State: plan.Approved}); err == nil {
		t.Error("sameBut accepted an approval that was not written")
	}
}
