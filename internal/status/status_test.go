package status

import (
	"regexp"
	"testing"
)

// TestSlugs checks that every status of Order has its own address name,
// lower-case ASCII words joined by "-", and (the counter-case) that NoData
// and a string that is not a status have none.
func TestSlugs(t *testing.T) {
	t.Parallel()
	word := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	seen := map[string]Status{}
	for _, s := range Order {
		slug := s.Slug()
		if !word.MatchString(slug) {
			t.Errorf("%q: slug %q is not lower-case ASCII words", s, slug)
		}
		if o, dup := seen[slug]; dup {
			t.Errorf("%q and %q share the slug %q", s, o, slug)
		}
		seen[slug] = s
	}
	for _, s := range []Status{NoData, "not-a-status"} {
		if slug := s.Slug(); slug != "" {
			t.Errorf("%q has the slug %q, want none", s, slug)
		}
	}
}
