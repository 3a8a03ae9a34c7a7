package main

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestLoadAverage: where the machine has /proc/loadavg, the benchmark
// reports its three numbers; elsewhere it says n/a.
func TestLoadAverage(t *testing.T) {
	got := loadAverage()
	if _, err := os.Stat("/proc/loadavg"); err != nil {
		if got != "n/a" {
			t.Errorf("no /proc/loadavg: got %q, want n/a", got)
		}
		return
	}
	f := strings.Fields(got)
	if len(f) != 3 {
		t.Fatalf("got %q, want three load averages", got)
	}
	for _, x := range f {
		if _, err := strconv.ParseFloat(x, 64); err != nil {
			t.Errorf("%q in %q is not a number", x, got)
		}
	}
}
