package plan

import (
	"slices"
	"testing"
)

// TestSplitKey splits dotted keys at the dots outside quotes.
func TestSplitKey(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"a", []string{"a"}},
		{" a . b ", []string{"a", "b"}},
		{`milestones."1.a".due`, []string{"milestones", "1.a", "due"}},
		{`'x.y'.z`, []string{"x.y", "z"}},
		{`"say \"a.b\"".c`, []string{`say \"a.b\"`, "c"}},
	} {
		if got := splitKey(c.in); !slices.Equal(got, c.want) {
			t.Errorf("splitKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestEqualsIndex finds the '=' that ends a key, not one inside quotes or
// a comment.
func TestEqualsIndex(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want int
	}{
		{"a = 1", 2},
		{`"a=b" = 1`, 6},
		{`'a=b'=1`, 5},
		{"a # = b", -1},
		{"[table]", -1},
	} {
		if got := equalsIndex(c.in); got != c.want {
			t.Errorf("equalsIndex(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}
