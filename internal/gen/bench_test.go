package gen

import (
	"os"
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/spf13/afero"
)

// benchLoadDerive generates sc into a folder on disk once, then measures
// loading it and deriving the status as of its latest period. With
// MINHBACH_BENCH_DIR set it loads that folder (made by plangen) instead.
func benchLoadDerive(b *testing.B, sc Scale) {
	dir := os.Getenv("MINHBACH_BENCH_DIR")
	fsys := afero.NewOsFs()
	if dir == "" {
		dir = b.TempDir()
		st, err := Generate(Config{Scale: sc, Seed: 1, RepoFs: afero.NewMemMapFs(), Repo: "/", Fs: fsys, Out: dir})
		if err != nil {
			b.Fatal(err)
		}
		b.Log(st)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p, err := plan.Load(fsys, dir)
		if err != nil {
			b.Fatal(err)
		}
		asOf, ok := status.LatestAsOf(p)
		if !ok {
			b.Fatal("no approved report")
		}
		s := status.Derive(p, asOf)
		if s.NoData {
			b.Fatal("no status")
		}
	}
}

// BenchmarkLoadDeriveM measures plan.Load and status.Derive at scale M.
func BenchmarkLoadDeriveM(b *testing.B) { benchLoadDerive(b, M) }

// BenchmarkLoadDeriveL measures them at scale L; it runs only with
// MINHBACH_BIG=1.
func BenchmarkLoadDeriveL(b *testing.B) {
	if os.Getenv("MINHBACH_BIG") != "1" {
		b.Skip("set MINHBACH_BIG=1 to benchmark scale L")
	}
	benchLoadDerive(b, L)
}
