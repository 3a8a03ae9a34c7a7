package site

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/testportal"
	"github.com/spf13/afero"
)

// repoRoot is the Kon Tum portal: the repository itself.
const repoRoot = "../.."

// portalFiles are the parts of a portal's source a build reads.
var portalFiles = []string{"site.toml", "data", "content", "layouts", "i18n", "static"}

// memPortal copies the repository's portal into a MemMapFs under /src.
func memPortal(t testing.TB) afero.Fs {
	t.Helper()
	mem := afero.NewMemMapFs()
	osfs := afero.NewOsFs()
	for _, name := range portalFiles {
		root := filepath.Join(repoRoot, name)
		err := afero.Walk(osfs, root, func(p string, info fs.FileInfo, err error) error {
			if err != nil || info.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(repoRoot, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return afero.WriteFile(mem, "/src/"+filepath.ToSlash(rel), data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return mem
}

// tree reads every file under dir.
func tree(t testing.TB, fsys afero.Fs, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := afero.ReadFile(fsys, p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func memBuild(t testing.TB, fsys afero.Fs, dest string) *Result {
	t.Helper()
	res, err := Build(Options{Source: "/src", Dest: dest, Fs: fsys})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return res
}

func TestBuildIsDeterministic(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/out1")
	memBuild(t, fsys, "/out2")
	a, b := tree(t, fsys, "/out1"), tree(t, fsys, "/out2")
	if len(a) < 100 {
		t.Fatalf("only %d files built", len(a))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	if len(a) != len(b) {
		t.Errorf("%d files, then %d", len(a), len(b))
	}
}

// sentinels are sentences that only the draft, submitted and rejected
// sample reports contain.
var sentinels = map[string]string{
	"content/bao-cao/2019/so-noi-vu.md":         "CÂU-KIỂM-TRA-BẢN-NHÁP-7f3a",
	"content/bao-cao/2019-H1/ubnd-kon-plong.md": "CÂU-KIỂM-TRA-ĐÃ-GỬI-2b9c",
	"content/bao-cao/2019-H1/ubnd-ia-hdrai.md":  "CÂU-KIỂM-TRA-BỊ-TỪ-CHỐI-5d1e",
}

// leaks returns the output files that contain s, also in the escaped forms
// JSON, HTML and XML may give it.
func leaks(files map[string][]byte, s string) []string {
	var out []string
	forms := []string{s, strings.ToLower(s)}
	for name, data := range files {
		for _, f := range forms {
			if bytes.Contains(data, []byte(f)) || bytes.Contains(bytes.ToLower(data), []byte(strings.ToLower(f))) {
				out = append(out, name)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

func TestUnapprovedReportsNeverReachTheSite(t *testing.T) {
	fsys := memPortal(t)
	for file, s := range sentinels {
		src, err := afero.ReadFile(fsys, "/src/"+file)
		if err != nil {
			t.Fatalf("the sample %s is missing: %v", file, err)
		}
		if !bytes.Contains(src, []byte(s)) {
			t.Fatalf("%s does not contain its sentinel %q", file, s)
		}
	}
	memBuild(t, fsys, "/out")
	out := tree(t, fsys, "/out")
	for file, s := range sentinels {
		if l := leaks(out, s); len(l) > 0 {
			t.Errorf("text of the unapproved %s reached %v", file, l)
		}
	}

	// The same search finds the text once a report is approved, so the
	// search above can fail.
	for file, s := range sentinels {
		t.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(t *testing.T) {
			fsys := memPortal(t)
			approve(t, fsys, "/src/"+file)
			memBuild(t, fsys, "/out")
			if l := leaks(tree(t, fsys, "/out"), s); len(l) == 0 {
				t.Errorf("approved, %s still did not appear in the output", s)
			}
		})
	}
}

// approve rewrites a report's [approval] table as approved.
func approve(t *testing.T, fsys afero.Fs, file string) {
	t.Helper()
	src, err := afero.ReadFile(fsys, file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	var out []string
	in := false
	for _, l := range lines {
		trim := strings.TrimSpace(l)
		switch {
		case trim == "[approval]":
			in = true
			out = append(out, l, `state = "approved"`, `approved_by = "Kiểm thử"`, `approved_on = 2020-06-30`)
			continue
		case strings.HasPrefix(trim, "["):
			in = false
		case in && (strings.HasPrefix(trim, "state") || strings.HasPrefix(trim, "approved_") || strings.HasPrefix(trim, "note")):
			continue
		}
		out = append(out, l)
	}
	text := strings.Join(out, "\n")
	if !strings.Contains(text, "\nnumber =") {
		text = strings.Replace(text, "+++\n", "+++\nnumber = \"99/BC-TEST\"\n", 1)
	}
	if err := afero.WriteFile(fsys, file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBuildWritesNothingIntoTheSource(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		testportal.Missing(t, "git is not installed")
	}
	status := func() string {
		out, err := exec.Command("git", "-C", repoRoot, "status", "--porcelain", "--untracked-files=all").CombinedOutput()
		if err != nil {
			testportal.Missing(t, "not a git checkout: %s", out)
		}
		return string(out)
	}
	before := status()
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	// On disk, the generated pages are in a folder of their own beside the
	// destination while Hugo renders them, and gone afterwards.
	beside := func() (names []string) {
		entries, err := os.ReadDir(parent)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	var during []string
	AfterRender = func() { during = beside() }
	defer func(n int) { AfterRender, onDiskFrom = nil, n }(onDiskFrom)
	onDiskFrom = 0 // the pages of a big plan go to disk; here, Kon Tum's
	if _, err := Build(Options{Source: repoRoot, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(^| )public\.tmp-[0-9]+-gen( |$)`).MatchString(strings.Join(during, " ")) {
		t.Errorf("while Hugo rendered, beside the destination: %q; want a public.tmp-…-gen folder", during)
	}
	if after := beside(); len(after) != 1 || after[0] != "public" {
		t.Errorf("after the build, beside the destination: %q; want only public", after)
	}
	if after := status(); after != before {
		t.Errorf("the build changed the source tree:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	// What Hugo writes into a project when left to itself; .gitignore
	// would hide it from git status.
	for _, name := range []string{".hugo_build.lock", "_minhbach", "resources"} {
		if _, err := os.Stat(filepath.Join(repoRoot, name)); err == nil {
			t.Errorf("the build wrote %s into the source folder", name)
		}
	}
}
