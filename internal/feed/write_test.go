package feed

import (
	"bytes"
	"errors"
	"testing"

	"github.com/minhbach/minhbach/internal/status"
)

// TestWriteHandsOnEachFeed: Write hands on every feed Files returns, each
// once, with the same bytes, and stops at the first error of put.
func TestWriteHandsOnEachFeed(t *testing.T) {
	p := testProject(t)
	for _, lang := range []string{"vi", "en"} {
		want := build(t, p, testBase, lang)
		seen := map[string]bool{}
		err := Write(p, status.History(p), testBase, lang, func(path string, data []byte) error {
			if seen[path] {
				t.Errorf("%s: %s handed on twice", lang, path)
			}
			seen[path] = true
			if !bytes.Equal(data, want[path]) {
				t.Errorf("%s: %s differs from Files", lang, path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(seen) != len(want) || len(want) < 3 {
			t.Errorf("%s: %d feeds handed on, Files has %d", lang, len(seen), len(want))
		}
	}
	boom := errors.New("disk full")
	calls := 0
	err := Write(p, status.History(p), testBase, "vi", func(string, []byte) error { calls++; return boom })
	if !errors.Is(err, boom) || calls != 1 {
		t.Errorf("put failing: err %v after %d calls, want %v after 1", err, calls, boom)
	}
}
