package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/minhbach/minhbach/internal/site"
)

// Profiling, for measuring builds at national scale (see the README's
// "National scale" section). Off unless the environment asks for it:
//
//	MINHBACH_CPUPROFILE=cpu.out   CPU profile of the whole command
//	MINHBACH_MEMPROFILE=mem.out   heap profile at the end (alloc_space)
//	MINHBACH_PEAKPROFILE=peak.out heap profile right after Hugo has
//	                              rendered, before it is released: what is
//	                              live at the build's peak (inuse_space)
func startProfiles() (stop func()) {
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
