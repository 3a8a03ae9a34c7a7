package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"

	"github.com/minhbach/minhbach/internal/site"
)

// The memory limit of a build, and profiling, for measuring builds at national scale (see the README's
// "National scale" section). Off unless the environment asks for it:
//
//	MINHBACH_CPUPROFILE=cpu.out   CPU profile of the whole command
//	MINHBACH_MEMPROFILE=mem.out   heap profile at the end (alloc_space)
//	MINHBACH_PEAKPROFILE=peak.out heap profile right after Hugo has
//	                              rendered, before it is released: what is
//	                              live at the build's peak (inuse_space)
func startProfiles() (stop func()) {
	limitMemory()
	var stops []func()
	if f := os.Getenv("MINHBACH_CPUPROFILE"); f != "" {
		out, err := os.Create(f)
		if err == nil && pprof.StartCPUProfile(out) == nil {
			stops = append(stops, func() { pprof.StopCPUProfile(); out.Close() })
		} else {
			fmt.Fprintln(os.Stderr, "minhbach: cannot profile:", err)
		}
	}
	if f := os.Getenv("MINHBACH_PEAKPROFILE"); f != "" {
		site.AfterRender = func() { writeHeap(f) }
	}
	if f := os.Getenv("MINHBACH_MEMPROFILE"); f != "" {
		stops = append(stops, func() { writeHeap(f) })
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}

// defaultMemoryLimit is the soft memory limit of a build unless GOMEMLIMIT
// says otherwise: near it the garbage collector works harder instead of
// letting the heap double, so that a national plan (scale L) builds within
// the README's 4 GB on a machine shared with other work. It is a soft
// limit: a build that needs more still gets it, only slower.
const defaultMemoryLimit = 3 << 30

// hugoMemoryLimit is what Hugo's caches may take (HUGO_MEMORYLIMIT, in
// GiB) unless the environment says otherwise. Hugo's default is a quarter
// of the machine's memory, and its caches hold decoded page data until the
// process reaches it: on a 24 GB machine, 6 GB, past the README's target.
// A page's view model is read once, when the page renders, so a small
// cache costs nothing.
const hugoMemoryLimit = "1"

// gcPercent is the garbage collector's GOGC unless the environment says
// otherwise: Go's default (100) collected often enough to take a tenth
// of a build's CPU at M; at 200 the heap may grow to three times what is
// live before a collection (at M a peak of 2.2 GB, plain Hugo's own), and
// defaultMemoryLimit still bounds it.
const gcPercent = 200

func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("HUGO_MEMORYLIMIT") == "" {
		_ = os.Setenv("HUGO_MEMORYLIMIT", hugoMemoryLimit)
	}
}

func writeHeap(name string) {
	runtime.GC()
	out, err := os.Create(name)
	if err != nil {
		fmt.Fprintln(os.Stderr, "minhbach: cannot profile:", err)
		return
	}
	defer out.Close()
	if err := pprof.WriteHeapProfile(out); err != nil {
		fmt.Fprintln(os.Stderr, "minhbach: cannot profile:", err)
	}
}
