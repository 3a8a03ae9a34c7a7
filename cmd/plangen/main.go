// Command plangen writes the source of a portal of a chosen size, for
// testing and measuring minhbach:
//
//	go run ./cmd/plangen -scale M -out /tmp/portal-m
//	go run ./cmd/plangen -bench M     # minhbach build vs the hugo command vs cp -r
//
// Scale S copies the repository's own portal (the Kon Tum plan); M and L
// generate a plan, its agencies and the reports of several periods in the
// project's format (see package gen), with the repository's site.toml,
// layouts/, static/ and i18n/ so that the result builds with its templates.
//
// The output folder must be empty or missing, or one plangen made before:
// then the portal files in it (site.toml, data/, content/, layouts/,
// static/, i18n/) are removed and written again; nothing else is touched.
package main

import (
	"cmp"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/minhbach/minhbach/internal/gen"
	"github.com/spf13/afero"
)

func main() {
	scale := flag.String("scale", "M", "size of the portal: S (the repository's own portal), M or L")
	out := flag.String("out", "", "folder to write the portal source into (required)")
	seed := flag.Uint64("seed", 1, "seed of the random generator; the same seed gives the same files")
	repo := flag.String("repo", ".", "root of the minhbach repository, whose templates and settings are copied")
	benchScale := flag.String("bench", "", "measure minhbach build against the hugo command and cp -r at this scale (S, M or L) and print a table")
	runs := flag.Int("runs", 3, "with -bench: how many runs to take the median of")
	flag.BoolVar(&benchServe, "serve", true, "with -bench: measure serve's rebuild of an edited report too (false: incremental_ratio=n/a, for a scale whose full build takes long)")
	flag.Parse()
	var err error
	if *benchScale != "" {
		err = bench(*benchScale, *repo, *seed, *runs, os.Stdout)
	} else {
		err = run(*scale, *out, *repo, *seed)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "plangen:", err)
		os.Exit(1)
	}
}

func run(scaleName, out, repo string, seed uint64) error {
	if flag.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", flag.Args())
	}
	sc, ok := gen.ScaleByName(scaleName)
	if !ok {
		return fmt.Errorf("unknown scale %q: use S, M or L", scaleName)
	}
	if out == "" {
		return fmt.Errorf("-out is required")
	}
	fs := afero.NewOsFs()
	if err := prepare(fs, out, repo); err != nil {
		return err
	}
	start := time.Now()
	st, err := gen.Generate(gen.Config{Scale: sc, Seed: seed, RepoFs: fs, Repo: repo, Fs: fs, Out: out})
	if st != nil {
		for _, m := range st.Missing {
			fmt.Fprintf(os.Stderr, "plangen: warning: %s not found in %s; the portal has none\n", m, repo)
		}
		fmt.Printf("plangen: %s, in %.1fs\n", st, time.Since(start).Seconds())
	}
	return err
}

// prepare makes sure out can be written: missing, empty, or made by
// plangen before (its portal files are then removed).
func prepare(fs afero.Fs, out, repo string) error {
	absOut, err1 := filepath.Abs(out)
	absRepo, err2 := filepath.Abs(repo)
	if err := cmp.Or(err1, err2); err != nil {
		return err
	}
	if absOut == absRepo {
		return fmt.Errorf("-out %s is the repository itself", out)
	}
	entries, err := afero.ReadDir(fs, out)
	if os.IsNotExist(err) || err == nil && len(entries) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	if ok, _ := afero.Exists(fs, filepath.Join(out, gen.Marker)); !ok {
		return fmt.Errorf("%s is not empty and was not made by plangen: choose another -out", out)
	}
	for _, item := range append(gen.PortalItems, gen.Marker) {
		if err := fs.RemoveAll(filepath.Join(out, item)); err != nil {
			return err
		}
	}
	return nil
}
