package search

import (
	"bytes"
	"errors"
	"testing"
)

// TestWriteHandsOnEachFile: Write hands on the files Build returns, each
// once, and stops handing on at the first error of put.
func TestWriteHandsOnEachFile(t *testing.T) {
	want := Build(corpus)
	seen := map[string]bool{}
	if err := Write(corpus, func(path string, data []byte) error {
		if seen[path] {
			t.Errorf("%s handed on twice", path)
		}
		seen[path] = true
		if !bytes.Equal(data, want[path]) {
			t.Errorf("%s differs from Build", path)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(want) || len(want) < 3 {
		t.Errorf("%d files handed on, Build has %d", len(seen), len(want))
	}
	boom := errors.New("disk full")
	calls := 0
	if err := Write(corpus, func(string, []byte) error { calls++; return boom }); !errors.Is(err, boom) || calls != 1 {
		t.Errorf("put failing: err %v after %d calls, want %v after 1", err, calls, boom)
	}
}
