package site

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/spf13/afero"
)

// shuffledFs lists every folder in a random order, as some file systems
// do, to show that the output does not depend on the order of the input
// files.
type shuffledFs struct {
	afero.Fs
	rng *rand.Rand
}

func (s *shuffledFs) Open(name string) (afero.File, error) {
	f, err := s.Fs.Open(name)
	if err != nil {
		return nil, err
	}
	return &shuffledFile{File: f, rng: s.rng}, nil
}

func (s *shuffledFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	f, err := s.Fs.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return &shuffledFile{File: f, rng: s.rng}, nil
}

type shuffledFile struct {
	afero.File
	rng *rand.Rand
}

func (f *shuffledFile) Readdir(n int) ([]os.FileInfo, error) {
	infos, err := f.File.Readdir(n)
	f.rng.Shuffle(len(infos), func(i, j int) { infos[i], infos[j] = infos[j], infos[i] })
	return infos, err
}

func (f *shuffledFile) ReadDir(n int) ([]fs.DirEntry, error) {
	var entries []fs.DirEntry
	var err error
	if rd, ok := f.File.(fs.ReadDirFile); ok {
		entries, err = rd.ReadDir(n)
	} else {
		var infos []os.FileInfo
		infos, err = f.File.Readdir(n)
		for _, info := range infos {
			entries = append(entries, fs.FileInfoToDirEntry(info))
		}
	}
	f.rng.Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
	return entries, err
}

func (f *shuffledFile) Readdirnames(n int) ([]string, error) {
	names, err := f.File.Readdirnames(n)
	f.rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	return names, err
}

func TestOutputDoesNotDependOnFileOrder(t *testing.T) {
	base := memPortal(t)
	memBuild(t, base, "/plain")
	want := tree(t, base, "/plain")
	for seed := uint64(1); seed <= 2; seed++ {
		fsys := &shuffledFs{Fs: base, rng: rand.New(rand.NewPCG(seed, seed))}
		if _, err := Build(Options{Source: "/src", Dest: "/shuffled", Fs: fsys}); err != nil {
			t.Fatal(err)
		}
		got := tree(t, base, "/shuffled")
		if len(got) != len(want) {
			t.Errorf("seed %d: %d files, want %d", seed, len(got), len(want))
		}
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("seed %d: %s differs when the input is listed in another order", seed, name)
			}
		}
	}
}
