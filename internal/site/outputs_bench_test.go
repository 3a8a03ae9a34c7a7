package site

import (
	"os"
	"sync"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/feed"
	"github.com/minhbach/minhbach/internal/gen"
	"github.com/minhbach/minhbach/internal/opendata"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/search"
	"github.com/minhbach/minhbach/internal/view"
)

// The benchmarks of the files Go writes, at scale M (1,000 tasks): what a
// build spends besides Hugo, one output at a time, so that a change to one
// of them is measured without a whole build. MINHBACH_BENCH_DIR loads a
// portal plangen wrote instead of generating one.

var (
	benchOnce  sync.Once
	benchModel *view.Model
	benchErr   error
)

func benchM(b *testing.B) *view.Model {
	b.Helper()
	benchOnce.Do(func() {
		dir := os.Getenv("MINHBACH_BENCH_DIR")
		fsys := afero.NewOsFs()
		if dir == "" {
			d, err := os.MkdirTemp("", "minhbach-bench-m-")
			if err != nil {
				benchErr = err
				return
			}
			dir = d
			if _, err := gen.Generate(gen.Config{Scale: gen.M, Seed: 1, RepoFs: afero.NewMemMapFs(), Repo: "/", Fs: fsys, Out: dir}); err != nil {
				benchErr = err
				return
			}
		}
		p, err := plan.Load(fsys, dir)
		if err != nil {
			benchErr = err
			return
		}
		benchModel = view.New(p, plan.Date{}, false)
		benchModel.BaseURL, benchModel.BasePath = "https://example.gov.vn/", "/"
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	b.Cleanup(func() {
		if b.N > 0 {
			b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
		}
	})
	return benchModel
}

// count is a put that keeps nothing but the bytes handed to it.
type count struct{ n, files int64 }

func (c *count) put(_ string, data []byte) error {
	c.n += int64(len(data))
	c.files++
	return nil
}

func BenchmarkFeedsM(b *testing.B) {
	m := benchM(b)
	for b.Loop() {
		var c count
		for _, lang := range view.Langs {
			if err := feed.Write(m.Project(), m.History(), m.BaseURL, lang, c.put); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(c.n), "bytes/op")
	}
}

func BenchmarkSearchM(b *testing.B) {
	m := benchM(b)
	for b.Loop() {
		var c count
		for _, lang := range view.Langs {
			if err := search.Write(m.SearchDocs(lang), c.put); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(c.n), "bytes/op")
	}
}

func BenchmarkBadgesM(b *testing.B) {
	m := benchM(b)
	for b.Loop() {
		var c count
		if err := badges(m, c.put); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPagesM(b *testing.B) {
	m := benchM(b)
	for b.Loop() {
		var c count
		if err := m.Pages(func(name string, data []byte) error { return c.put(name, data) }); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenDataM(b *testing.B) {
	m := benchM(b)
	for b.Loop() {
		if _, err := opendata.Write(m.Project(), m.Snapshot(), m.History(), m.BaseURL, discard); err != nil {
			b.Fatal(err)
		}
	}
}
