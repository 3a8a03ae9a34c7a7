package plan

import (
	"github.com/minhbach/minhbach/internal/testportal"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/msg"
)

const baseMembers = testportal.Members

func day(t *testing.T, s string) Date {
	t.Helper()
	if s == "" {
		return Date{}
	}
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func period(t *testing.T, s string) Period {
	t.Helper()
	p, err := ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func agencyIDs(as []*Agency) string {
	var out []string
	for _, a := range as {
		out = append(out, a.ID)
	}
	return strings.Join(out, ",")
}

func TestMembersAt(t *testing.T) {
	t.Parallel()
	type at struct{ day, members string }
	tests := []struct {
		name    string
		members string // replaces baseMembers
		want    []at
	}{
		{"plain ids are members from the start and for ever", baseMembers, []at{
			{"1990-01-01", "huyen-a,huyen-b"}, {"2030-12-31", "huyen-a,huyen-b"}, {"", "huyen-a,huyen-b"}}},
		{"joins in 2019", `members = ["huyen-a", { id = "huyen-b", from = "2019" }]`, []at{
			{"2018-06-30", "huyen-a"}, {"2018-12-31", "huyen-a"}, {"2019-01-01", "huyen-a,huyen-b"}, {"2019-06-30", "huyen-a,huyen-b"}, {"", "huyen-a,huyen-b"}}},
		{"joins on a day written as a TOML date", `members = ["huyen-a", { id = "huyen-b", from = 2019-03-01 }]`, []at{
			{"2019-02-28", "huyen-a"}, {"2019-03-01", "huyen-a,huyen-b"}}},
		{"a year written as a number", `members = ["huyen-a", { id = "huyen-b", from = 2019 }]`, []at{
			{"2018-12-31", "huyen-a"}, {"2019-01-01", "huyen-a,huyen-b"}}},
		{"leaves after the first half of 2018", `members = ["huyen-a", { id = "huyen-b", until = "2018-H1" }]`, []at{
			{"2018-06-30", "huyen-a,huyen-b"}, {"2018-07-01", "huyen-a"}, {"2018-12-31", "huyen-a"}, {"", "huyen-a"}}},
		{"leaves and joins again", `members = [
  "huyen-a",
  { id = "huyen-b", until = "2018" },
  { id = "huyen-b", from = "2020-07-01" },
]`, []at{{"2018-12-31", "huyen-a,huyen-b"}, {"2019-06-30", "huyen-a"}, {"2020-12-31", "huyen-a,huyen-b"}}},
		{"a group that begins later lists its members in its own order", `members = [{ id = "huyen-b", from = "2018-H1" }, { id = "huyen-a", from = "2019" }]`, []at{
			{"2017-12-31", ""}, {"2018-12-31", "huyen-b"}, {"2019-12-31", "huyen-b,huyen-a"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := load(t, map[string]string{AgenciesFile: edit(t, baseAgencies, baseMembers, tc.members)})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if got := agencyIDs(p.Agencies.MembersAt("cac-huyen", day(t, w.day))); got != w.members {
					t.Errorf("MembersAt(cac-huyen, %q) = %q, want %q", w.day, got, w.members)
				}
			}
			if got := agencyIDs(p.Agencies.MembersAt("so-noi-vu", day(t, "1990-01-01"))); got != "so-noi-vu" {
				t.Errorf("an agency stands for itself on any day, got %q", got)
			}
			if got := strings.Join(p.Agencies.Group("cac-huyen").Members, ","); got != "huyen-a,huyen-b" && got != "huyen-b,huyen-a" {
				t.Errorf("Group.Members = %q, want every member once", got)
			}
		})
	}
}

func TestGroupsAtAndMemberDuring(t *testing.T) {
	t.Parallel()
	p, err := load(t, map[string]string{AgenciesFile: edit(t, baseAgencies, baseMembers,
		`members = ["huyen-a", { id = "huyen-b", from = "2018-04-01", until = "2019-03-31" }]`)})
	if err != nil {
		t.Fatal(err)
	}
	reg := p.Agencies
	for _, tc := range []struct {
		period string
		want   bool
	}{
		{"2017", false}, {"2018-H1", true}, {"2018-05-10", true}, {"2018", true}, {"2019-H1", true}, {"2019", true}, {"2020-H1", false},
	} {
		if got := reg.MemberDuring("cac-huyen", "huyen-b", period(t, tc.period)); got != tc.want {
			t.Errorf("MemberDuring(huyen-b, %s) = %v, want %v", tc.period, got, tc.want)
		}
	}
	if !reg.MemberDuring("so-noi-vu", "so-noi-vu", period(t, "2030")) || reg.MemberDuring("so-noi-vu", "so-tu-phap", period(t, "2018")) {
		t.Error("MemberDuring of an agency owner is wrong")
	}
	if g := reg.GroupsAt("huyen-b", day(t, "2018-12-31")); len(g) != 1 || g[0].ID != "cac-huyen" {
		t.Errorf("GroupsAt(huyen-b, 2018-12-31) = %v", g)
	}
	if g := reg.GroupsAt("huyen-b", day(t, "2019-06-30")); len(g) != 0 {
		t.Errorf("GroupsAt(huyen-b, 2019-06-30) = %v, want none (it left on 31/3/2019)", g)
	}
}

func TestMustReport(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		duty string // added under huyen-b's reports = true
		want map[string]bool
	}{
		{"reports = true alone: every regular period", "", map[string]bool{"2017": true, "2018-H1": true, "2018": true, "2019-H1": true, "2018-05-10": false}},
		{"a new unit reporting from 2019", `reports_from = "2019"`, map[string]bool{"2018-H1": false, "2018": false, "2019-H1": true, "2019": true}},
		{"a unit reporting from the second half of 2018", `reports_from = 2018-07-01`, map[string]bool{"2018-H1": false, "2018": true}},
		{"a unit that stops reporting after 2018", `reports_until = "2018"`, map[string]bool{"2018-H1": true, "2018": true, "2019-H1": false}},
		{"both ends", "reports_from = \"2018-H1\"\nreports_until = \"2019-H1\"", map[string]bool{"2017": false, "2018-H1": true, "2019-H1": true, "2019": false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			agencies := edit(t, baseAgencies, "id = \"huyen-b\"\nname = \"Ủy ban nhân dân huyện B\"\nkind = \"huyen\"\nreports = true\n",
				"id = \"huyen-b\"\nname = \"Ủy ban nhân dân huyện B\"\nkind = \"huyen\"\nreports = true\n"+tc.duty+"\n")
			p, err := load(t, map[string]string{AgenciesFile: agencies})
			if err != nil {
				t.Fatal(err)
			}
			a := p.Agencies.Agency("huyen-b")
			for per, want := range tc.want {
				if got := p.Agencies.MustReport(a, period(t, per)); got != want {
					t.Errorf("MustReport(huyen-b, %s) = %v, want %v", per, got, want)
				}
			}
			if p.Agencies.MustReport(p.Agencies.Agency("ubnd-tinh"), period(t, "2018")) {
				t.Error("an agency without reports = true must report")
			}
		})
	}
}

func TestMembershipProblems(t *testing.T) {
	t.Parallel()
	agenciesWith := func(members string) string { return edit(t, baseAgencies, baseMembers, members) }
	duty := func(lines string) string {
		return edit(t, baseAgencies, "id = \"huyen-b\"\nname = \"Ủy ban nhân dân huyện B\"\nkind = \"huyen\"\nreports = true\n",
			"id = \"huyen-b\"\nname = \"Ủy ban nhân dân huyện B\"\nkind = \"huyen\"\n"+lines+"\n")
	}
	tests := []struct {
		name    string
		src     string
		context string // where the problem is (needle inside context)
		needle  string
		key     string
		arg     any // an argument the message must carry
	}{
		{"until before from", agenciesWith(`members = ["huyen-a", { id = "huyen-b", from = "2019", until = "2018-H1" }]`),
			`{ id = "huyen-b"`, `{`, "member.order", `"2018-H1"`},
		{"an unknown period", agenciesWith(`members = ["huyen-a", { id = "huyen-b", from = "2019-H3" }]`),
			`{ id = "huyen-b"`, `{`, "span.form", `"2019-H3"`},
		{"a day as Vietnamese write it", agenciesWith(`members = ["huyen-a", { id = "huyen-b", until = "30/6/2019" }]`),
			`{ id = "huyen-b"`, `{`, "span.form", `"30/6/2019"`},
		{"a day that does not exist", agenciesWith(`members = ["huyen-a", { id = "huyen-b", from = "2019-02-30" }]`),
			`{ id = "huyen-b"`, `{`, "span.form", `"2019-02-30"`},
		{"overlapping spans", agenciesWith("members = [\n  \"huyen-a\",\n  { id = \"huyen-b\", until = \"2019\" },\n  { id = \"huyen-b\", from = \"2019-H1\" },\n]"),
			`{ id = "huyen-b", from`, `{`, "member.overlap", `{ id = "huyen-b", until = "2019" }`},
		{"a plain id listed twice", agenciesWith(`members = ["huyen-a", "huyen-b", "huyen-b"]`),
			`"huyen-b", "huyen-b"]`, `"huyen-b"]`, "group.duplicateMember", "huyen-b"},
		{"a misspelt key", agenciesWith(`members = ["huyen-a", { id = "huyen-b", form = "2019" }]`),
			`{ id = "huyen-b"`, `{`, "member.unknownKey", "from"},
		{"a table without an id", agenciesWith(`members = ["huyen-a", { from = "2019" }]`),
			`{ from`, `{`, "member.noID", 2},
		{"a number", agenciesWith(`members = ["huyen-a", 7]`),
			`7]`, `7`, "member.form", "7"},
		{"an unknown member on its own line", agenciesWith("members = [\n  \"huyen-a\",\n  { id = \"huyen-c\", from = \"2019\" },\n]"),
			`{ id = "huyen-c"`, `{`, "group.unknownMember", "huyen-c"},
		{"reports_from without reports = true", duty(`reports_from = "2019"`),
			`reports_from = "2019"`, `"2019"`, "duty.noReports", "reports_from"},
		{"reports_until before reports_from", duty("reports = true\nreports_from = \"2019\"\nreports_until = \"2018\""),
			`reports_until = "2018"`, `"2018"`, "duty.order", `"2018"`},
		{"reports_from that is not a period", duty("reports = true\nreports_from = \"H1-2019\""),
			`reports_from = "H1-2019"`, `"H1-2019"`, "span.form", "reports_from"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := loadProblems(t, map[string]string{AgenciesFile: tc.src}, at(t, AgenciesFile, tc.src, tc.context, tc.needle, tc.key))
			found := false
			for _, a := range ps[0].Args {
				if a == tc.arg {
					found = true
				}
			}
			if !found {
				t.Errorf("args %v do not include %v", ps[0].Args, tc.arg)
			}
		})
	}
}

func TestMembershipTablesOfTheirOwn(t *testing.T) {
	t.Parallel()
	// [[groups.members]] tables are another way to write the same list.
	src := edit(t, baseAgencies, baseMembers, `
[[groups.members]]
id = "huyen-a"

[[groups.members]]
id = "huyen-b"
from = "2019"
`)
	p, err := load(t, map[string]string{AgenciesFile: src})
	if err != nil {
		t.Fatal(err)
	}
	if got := agencyIDs(p.Agencies.MembersAt("cac-huyen", day(t, "2018-12-31"))); got != "huyen-a" {
		t.Errorf("MembersAt(2018) = %q", got)
	}
	bad := edit(t, src, `from = "2019"`, `from = "2019"`+"\nuntil = \"2018\"")
	loadProblems(t, map[string]string{AgenciesFile: bad}, at(t, AgenciesFile, bad, "[[groups.members]]\nid = \"huyen-b\"", "[[", "member.order"))
}

// huyenBReport is huyen-b's report on its share of the group milestone 1b.
func huyenBReport(period, date string) string {
	return `+++
agency = "huyen-b"
period = "` + period + `"
number = "4/BC-UBND"
date = ` + date + `

[approval]
state = "approved"
approved_by = "Chủ tịch UBND huyện B"
approved_on = ` + date + `

[[updates]]
milestone = "1b"
state = "in-progress"
+++
`
}

func TestReportOutsideMembershipIsRefused(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		members string
		period  string
		date    string
		refused bool
	}{
		{"before joining", `members = ["huyen-a", { id = "huyen-b", from = "2019" }]`, "2018-H1", "2018-07-02", true},
		{"the year before joining", `members = ["huyen-a", { id = "huyen-b", from = "2019" }]`, "2018", "2018-12-20", true},
		{"after joining", `members = ["huyen-a", { id = "huyen-b", from = "2019" }]`, "2019-H1", "2019-06-20", false},
		{"joined during the period", `members = ["huyen-a", { id = "huyen-b", from = 2018-05-01 }]`, "2018-H1", "2018-06-20", false},
		{"after leaving", `members = ["huyen-a", { id = "huyen-b", until = "2018-H1" }]`, "2018", "2018-12-20", false},
		{"after leaving, the next year", `members = ["huyen-a", { id = "huyen-b", until = "2018-H1" }]`, "2019-H1", "2019-06-20", true},
		{"a member from the start", baseMembers, "2018-H1", "2018-07-02", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := "content/bao-cao/" + tc.period + "/huyen-b.md"
			report := huyenBReport(tc.period, tc.date)
			files := map[string]string{AgenciesFile: edit(t, baseAgencies, baseMembers, tc.members), file: report}
			if !tc.refused {
				p, err := load(t, files)
				if err != nil {
					t.Fatal(err)
				}
				if len(p.Published()) != 1 {
					t.Fatalf("published %d reports, want 1", len(p.Published()))
				}
				return
			}
			ps := loadProblems(t, files, at(t, file, report, `milestone = "1b"`, `"1b"`, "update.notMemberThen"))
			text := ps[0].Text(msg.VI)
			if !strings.Contains(text, tc.period) || !strings.Contains(text, "huyen-b") || !strings.Contains(text, "dòng 38") {
				t.Errorf("message %q does not name the period, the member and the line of its membership", text)
			}
		})
	}
}

func TestSharesOf(t *testing.T) {
	t.Parallel()
	p, err := load(t, map[string]string{AgenciesFile: edit(t, baseAgencies, baseMembers, `members = ["huyen-a", { id = "huyen-b", from = "2019" }]`)})
	if err != nil {
		t.Fatal(err)
	}
	shares := func(agency, per string) string {
		var out []string
		for _, s := range p.SharesOf(agency, period(t, per)) {
			g := ""
			if s.Group != nil {
				g = "@" + s.Group.ID
			}
			out = append(out, s.Milestone.ID+"/"+s.Member+g)
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct{ agency, period, want string }{
		{"huyen-b", "2018-H1", ""},
		{"huyen-b", "2019-H1", "1b/huyen-b@cac-huyen"},
		{"huyen-a", "2018-H1", "1b/huyen-a@cac-huyen"},
		{"so-noi-vu", "2018", "1a/so-noi-vu 3a/so-noi-vu"},
		{"cac-huyen", "2018", ""},
	} {
		if got := shares(tc.agency, tc.period); got != tc.want {
			t.Errorf("SharesOf(%s, %s) = %q, want %q", tc.agency, tc.period, got, tc.want)
		}
	}
}

func TestReportOrderIgnoresFileNames(t *testing.T) {
	t.Parallel()
	order := func(names map[string]string) string {
		p, err := load(t, names)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range p.Reports {
			out = append(out, r.Period+"/"+r.Agency)
		}
		return strings.Join(out, " ")
	}
	a := order(map[string]string{
		"content/bao-cao/2018-H1/so-noi-vu.md": goodReport,
		"content/bao-cao/2018-H1/huyen-a.md":   huyenAReport,
	})
	b := order(map[string]string{
		"content/bao-cao/2018-H1/bao-cao-so-noi-vu-2018.md": goodReport,
		"content/bao-cao/2018-H1/Báo cáo huyện A.md":        huyenAReport,
	})
	c := order(map[string]string{
		"content/bao-cao/2018-H1/a.md": goodReport,
		"content/bao-cao/2018-H1/z.md": huyenAReport,
	})
	if a != "2018-H1/huyen-a 2018-H1/so-noi-vu" || b != a || c != a {
		t.Errorf("orders differ with file names:\n%s\n%s\n%s", a, b, c)
	}
}

func TestBadSpanHasNoKnockOn(t *testing.T) {
	t.Parallel()
	// A span that cannot be read is told once, on agencies.toml; the
	// member's reports are not refused because of it.
	for _, members := range []string{
		`members = ["huyen-a", { id = "huyen-b", from = "2019", until = "2018" }]`,
		`members = ["huyen-a", { id = "huyen-b", from = "sau 2019" }]`,
	} {
		src := edit(t, baseAgencies, baseMembers, members)
		ps := problemsOf(t, func() error {
			_, err := load(t, map[string]string{AgenciesFile: src, "content/bao-cao/2018-H1/huyen-b.md": huyenBReport("2018-H1", "2018-07-02")})
			return err
		}())
		if len(ps) != 1 || ps[0].Pos.File != AgenciesFile {
			t.Errorf("%s: problems %v, want one, on %s", members, ps, AgenciesFile)
		}
	}
}

func FuzzLoadAgencies(f *testing.F) {
	f.Add([]byte(baseAgencies))
	f.Add([]byte(strings.Replace(baseAgencies, baseMembers, "members = [\n  \"huyen-a\", # a comment, \"x\"\n  { id = \"huyen-b\", from = \"2019\", until = 2020-06-30 },\n  '''huyen-c''',\n]", 1)))
	f.Add([]byte(strings.Replace(baseAgencies, baseMembers, `members = ["huyen-a", { id = "huyen-b", from = "2019-H3" }, 7, { form = 1 }, ["x"]]`, 1)))
	f.Add([]byte(strings.Replace(baseAgencies, baseMembers, "[[groups.members]]\nid = \"huyen-a\"\nuntil = \"2018\"\n[[groups.members]]\nid = \"huyen-a\"\nfrom = \"2018-H1\"", 1)))
	f.Add([]byte(strings.Replace(baseAgencies, "reports = true", "reports_from = 2019\nreports_until = \"2018\"", 1)))
	f.Add([]byte("[[groups]]\nid = \"g\"\nmembers = [\"\"\"\na\n\"\"\", { id = \"b\" }]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkFuzzLoad(t, newPortal(t, map[string]string{AgenciesFile: string(src), "content/bao-cao/2018-H1/huyen-a.md": huyenAReport}))
	})
}

func TestMembershipProblemsInAWindowsFile(t *testing.T) {
	t.Parallel()
	// Notepad's CRLF and byte-order mark move no position.
	src := edit(t, baseAgencies, baseMembers, "members = [\n  \"huyen-a\",\n  { id = \"huyen-b\", from = \"2019\", until = \"2018\" },\n]")
	w := at(t, AgenciesFile, src, `{ id = "huyen-b"`, `{`, "member.order")
	loadProblems(t, map[string]string{AgenciesFile: windows(src)}, w)
}
