package testportal_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/testportal"
)

func TestThePortalLoads(t *testing.T) {
	t.Parallel()
	if testportal.AgenciesFile != plan.AgenciesFile || testportal.PlanFile != plan.PlanFile {
		t.Fatal("the portal's file names are not the loader's")
	}
	for _, c := range []struct {
		name             string
		files            map[string]string
		agencies, groups int
		tasks, reports   int
		published        int
	}{
		{"plain", nil, 5, 1, 3, 0, 0},
		{"with reports and English names", func() map[string]string {
			r := testportal.Reports()
			r[plan.AgenciesFile], r[plan.PlanFile] = testportal.AgenciesEn, testportal.PlanWithBasis
			return r
		}(), 5, 1, 3, 4, 3},
	} {
		p, err := plan.Load(testportal.Fs(t, c.files), testportal.Root)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := [5]int{len(p.Agencies.Agencies), len(p.Agencies.Groups), len(p.Plan.Tasks), len(p.Reports), len(p.Published())}; got != [5]int{c.agencies, c.groups, c.tasks, c.reports, c.published} {
			t.Errorf("%s: agencies, groups, tasks, reports, published = %v", c.name, got)
		}
	}
}

func TestEditRefusesWhatItCannotFind(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		call  func()
		panic bool
	}{
		{"once", func() { testportal.Edit("a b", "a", "c") }, false},
		{"missing", func() { testportal.Edit("a b", "x", "c") }, true},
		{"twice", func() { testportal.Edit("a a", "a", "c") }, true},
		{"odd pairs", func() { odd := strings.Fields("a"); testportal.Edit("a", odd...) }, true},
		{"before, missing", func() { testportal.Before("a b", "x") }, true},
	} {
		func() {
			defer func() {
				if got := recover() != nil; got != c.panic {
					t.Errorf("%s: panicked = %v, want %v", c.name, got, c.panic)
				}
			}()
			c.call()
		}()
	}
	if got := testportal.Edit("a b c", "a", "x", "c", "y"); got != "x b y" {
		t.Errorf("Edit = %q", got)
	}
	if got := testportal.Before("a b c", "b"); got != "a " {
		t.Errorf("Before = %q", got)
	}
}

// TestMissingFailsOnCI runs Missing in a test of its own (the test binary
// again) with and without CI=true.
func TestMissingFailsOnCI(t *testing.T) {
	if os.Getenv("TESTPORTAL_MISSING") == "1" {
		testportal.Missing(t, "a tool is missing")
		t.Fatal("Missing returned")
	}
	for _, c := range []struct {
		ci   string
		fail bool
		want string
	}{
		{"true", true, "CI=true: this test must run on CI"},
		{"", false, "--- SKIP: TestMissingFailsOnCI"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMissingFailsOnCI$", "-test.v")
		cmd.Env = append(os.Environ(), "TESTPORTAL_MISSING=1", "CI="+c.ci)
		out, err := cmd.CombinedOutput()
		if (err != nil) != c.fail || !strings.Contains(string(out), c.want) {
			t.Errorf("CI=%q: err = %v, output:\n%s", c.ci, err, out)
		}
	}
}
