package opendata

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestMembersWhoJoinLater loads the test portal with huyen-b joining the
// group, and the duty to report, in 2019, after every test report: the
// open data of 2018 neither judges it nor lists it as missing, and says
// when it joined.
func TestMembersWhoJoinLater(t *testing.T) {
	t.Parallel()
	agencies := strings.Replace(testAgencies, `members = ["huyen-a", "huyen-b"]`, `members = ["huyen-a", { id = "huyen-b", from = "2019" }]`, 1)
	agencies = strings.Replace(agencies, "id = \"huyen-b\"\nname = \"Ủy ban nhân dân huyện B\"\nkind = \"huyen\"\nreports = true\n",
		"id = \"huyen-b\"\nname = \"Ủy ban nhân dân huyện B\"\nkind = \"huyen\"\nreports = true\nreports_from = \"2019\"\n", 1)
	if agencies == testAgencies || !strings.Contains(agencies, "reports_from") {
		t.Fatal("the test agencies no longer have the lines this test edits")
	}
	p := loadWith(t, agencies)
	out := build(t, p, testBase)
	_, ms := readCSV(t, "moc.csv", out["du-lieu/moc.csv"])
	if r := find(ms, "row_id", "1b/huyen-b"); r != nil {
		t.Errorf("moc.csv has a row for huyen-b before it joined: %v", r)
	}
	if r := find(ms, "row_id", "1b/huyen-a"); r == nil {
		t.Error("moc.csv lost huyen-a's row")
	}
	var doc struct {
		Agencies []agencyDoc       `json:"agencies"`
		Groups   []groupDoc        `json:"groups"`
		Periods  []periodDoc       `json:"periods"`
		Tasks    []json.RawMessage `json:"tasks"`
	}
	if err := json.Unmarshal(out["du-lieu/minhbach.json"], &doc); err != nil {
		t.Fatal(err)
	}
	for _, per := range doc.Periods {
		if slices.Contains(per.Missing, "huyen-b") {
			t.Errorf("period %s lists huyen-b as missing before its duty began", per.ID)
		}
	}
	want := []spanDoc{{Agency: "huyen-a"}, {Agency: "huyen-b", From: "2019-01-01"}}
	if len(doc.Groups) != 1 || !slices.Equal(doc.Groups[0].Spans, want) || !slices.Equal(doc.Groups[0].Members, []string{"huyen-a", "huyen-b"}) {
		t.Errorf("groups = %+v, want members huyen-a, huyen-b with spans %+v", doc.Groups, want)
	}
	for _, a := range doc.Agencies {
		if (a.ID == "huyen-b") != (a.ReportsFrom == "2019-01-01") {
			t.Errorf("agency %s: reports_from %q", a.ID, a.ReportsFrom)
		}
	}

	// Without spans the group carries none, so the file is as before.
	base := build(t, testProject(t), testBase)
	if strings.Contains(string(base["du-lieu/minhbach.json"]), `"spans"`) || strings.Contains(string(base["du-lieu/minhbach.json"]), `"reports_from"`) {
		t.Error("minhbach.json has spans though agencies.toml gives none")
	}
	_, baseRows := readCSV(t, "moc.csv", base["du-lieu/moc.csv"])
	if find(baseRows, "row_id", "1b/huyen-b") == nil {
		t.Error("counter-test: the base portal has no row for huyen-b")
	}
}
