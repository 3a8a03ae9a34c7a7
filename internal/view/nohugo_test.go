package view

import (
	"os/exec"
	"strings"
	"testing"
)

// deps lists the packages pkg depends on, directly or not, as the go
// command resolves them (test files excluded).
func deps(t *testing.T, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", pkg).CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
	}
	return strings.Fields(string(out))
}

// hugoDeps returns the packages of Hugo among deps. go-i18n (Hugo's copy
// of github.com/nicksnyder/go-i18n, a module of its own) is not Hugo: it is
// how internal/msg reads the catalogue of words as Hugo reads it.
func hugoDeps(deps []string) []string {
	var out []string
	for _, d := range deps {
		if strings.HasPrefix(d, "github.com/gohugoio/") && !strings.HasPrefix(d, "github.com/gohugoio/go-i18n/") {
			out = append(out, d)
		}
	}
	return out
}

// TestViewKnowsNothingOfHugo keeps the view model free of Hugo: it decides
// what pages show; internal/render has Hugo render them.
func TestViewKnowsNothingOfHugo(t *testing.T) {
	if h := hugoDeps(deps(t, "github.com/minhbach/minhbach/internal/view")); len(h) > 0 {
		t.Errorf("internal/view depends on Hugo: %s", strings.Join(h, ", "))
	}
	// The counter-test: the same check finds Hugo where it is.
	if h := hugoDeps(deps(t, "github.com/minhbach/minhbach/internal/render")); len(h) == 0 {
		t.Error("the check finds no Hugo in internal/render, which drives it")
	}
}
