package deploy

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/afero"
	"gocloud.dev/blob"

	"github.com/minhbach/minhbach/internal/publish"
	"github.com/minhbach/minhbach/internal/site"
)

// siteBuilds are real builds of the test portal (cmd/minhbach/testdata),
// made once: A; B, where one report's narrative changed; C, B with three
// files added under static/extra/. Deploying B after C deletes them.
var siteBuilds struct {
	once    sync.Once
	root    string
	portal  string // the portal of B, with [deployment] matchers
	a, b, c string
	err     error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if siteBuilds.root != "" {
		_ = os.RemoveAll(siteBuilds.root)
	}
	if s3bin.path != "" {
		_ = os.RemoveAll(filepath.Dir(s3bin.path))
	}
	os.Exit(code)
}

const testDeployment = `
[deployment]
maxDeletes = 50

[[deployment.targets]]
name = "thu"
URL = "file:///khong-dung"

[[deployment.matchers]]
pattern = "^.+\\.css$"
cacheControl = "max-age=31536000"

[[deployment.matchers]]
pattern = "^du-lieu/.+\\.csv$"
contentType = "text/csv; charset=utf-8; header=present"
`

func builds(t *testing.T) (portal, a, b, c string) {
	t.Helper()
	siteBuilds.once.Do(func() {
		root, err := os.MkdirTemp("", "minhbach-deploy-builds-")
		if err != nil {
			siteBuilds.err = err
			return
		}
		siteBuilds.root = root
		repo, _ := filepath.Abs("../..")
		portal := filepath.Join(root, "portal")
		for _, from := range []struct{ src, dst string }{
			{filepath.Join(repo, "cmd/minhbach/testdata/portal"), ""},
			{filepath.Join(repo, "site.toml"), "site.toml"},
			{filepath.Join(repo, "layouts"), "layouts"},
			{filepath.Join(repo, "i18n"), "i18n"},
			{filepath.Join(repo, "static"), "static"},
		} {
			if err := copyTree(from.src, filepath.Join(portal, from.dst)); err != nil {
				siteBuilds.err = err
				return
			}
		}
		cfg, _ := os.ReadFile(filepath.Join(portal, "site.toml"))
		if err := os.WriteFile(filepath.Join(portal, "site.toml"), append(cfg, testDeployment...), 0o644); err != nil {
			siteBuilds.err = err
			return
		}
		build := func(dest string) {
			if siteBuilds.err == nil {
				_, siteBuilds.err = site.Build(site.Options{Source: portal, Dest: dest})
			}
		}
		siteBuilds.portal = portal
		siteBuilds.a, siteBuilds.b, siteBuilds.c = filepath.Join(root, "a"), filepath.Join(root, "b"), filepath.Join(root, "c")
		build(siteBuilds.a)
		report := filepath.Join(portal, "content/bao-cao/2018-H1/so-noi-vu.md")
		text, _ := os.ReadFile(report)
		changed := bytes.Replace(text, []byte("đã hoàn thành việc rà soát."), []byte("đã hoàn thành việc rà soát toàn bộ các thôn."), 1)
		if bytes.Equal(text, changed) {
			siteBuilds.err = errors.New("the test report's narrative was not found")
			return
		}
		// As a report approved by hand: without the digest that approve
		// writes (the amendment flow is tested in cmd/minhbach).
		changed = regexp.MustCompile(`(?m)^digest = .*\n`).ReplaceAll(changed, nil)
		_ = os.WriteFile(report, changed, 0o644)
		build(siteBuilds.b)
		for _, f := range []string{"static/extra/mot.txt", "static/extra/hai.txt", "static/extra/con/ba.txt"} {
			_ = os.MkdirAll(filepath.Dir(filepath.Join(portal, f)), 0o755)
			_ = os.WriteFile(filepath.Join(portal, f), []byte(f+"\n"), 0o644)
		}
		build(siteBuilds.c)
		_ = os.RemoveAll(filepath.Join(portal, "static/extra"))
	})
	if siteBuilds.err != nil {
		t.Fatal(siteBuilds.err)
	}
	return siteBuilds.portal, siteBuilds.a, siteBuilds.b, siteBuilds.c
}

func copyTree(src, dst string) error {
	info, err := os.Stat(src)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		data, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	}
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return copyTree(p, filepath.Join(dst, rel))
	})
}

// manifestOf reads a build's marker.
func manifestOf(t *testing.T, dir string) *publish.Manifest {
	t.Helper()
	m, err := publish.ReadManifest(afero.NewOsFs(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// differing are the files of build to that are new or changed since from.
func differing(t *testing.T, from, to string) []string {
	before := map[string]string{}
	for _, f := range manifestOf(t, from).Files {
		before[f.Path] = f.SHA256
	}
	var out []string
	for _, f := range manifestOf(t, to).Files {
		if before[f.Path] != f.SHA256 {
			out = append(out, f.Path)
		}
	}
	sort.Strings(out)
	return out
}

// remoteFiles reads back every file of the target, through the target's
// own protocol.
func remoteFiles(t *testing.T, url string) map[string][]byte {
	t.Helper()
	ctx := context.Background()
	st, err := open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	objs, err := st.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, o := range objs {
		data, err := st.Read(ctx, o.Path)
		if err != nil {
			t.Fatalf("read %s: %v", o.Path, err)
		}
		out[o.Path] = data
	}
	return out
}

// sameAs checks that the target holds exactly the build dir, byte for
// byte, plus the files extra: no journal, nothing else.
func sameAs(t *testing.T, url, dir string, extra ...string) {
	t.Helper()
	got := remoteFiles(t, url)
	want := map[string]bool{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		want[rel] = true
		data, _ := os.ReadFile(p)
		if r, ok := got[rel]; !ok {
			t.Errorf("%s is not on the target", rel)
		} else if !bytes.Equal(r, data) {
			t.Errorf("%s differs on the target", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range extra {
		want[e] = true
	}
	for p := range got {
		if !want[p] {
			t.Errorf("%s is on the target, not in %s", p, filepath.Base(dir))
		}
	}
	if len(want) < 50 {
		t.Fatalf("only %d files compared", len(want))
	}
}

func deployTo(t *testing.T, portal, dir, url string, tweak ...func(*Options)) (*Result, error) {
	t.Helper()
	o := Options{Source: portal, Dir: dir, Target: url, MaxDeletes: -1}
	for _, f := range tweak {
		f(&o)
	}
	return Deploy(context.Background(), o)
}

func mustDeploy(t *testing.T, portal, dir, url string, tweak ...func(*Options)) *Result {
	t.Helper()
	res, err := deployTo(t, portal, dir, url, tweak...)
	if err != nil {
		t.Fatalf("deploy %s to %s: %v", filepath.Base(dir), url, err)
	}
	return res
}

func equalSets(t *testing.T, what string, got, want []string) {
	t.Helper()
	g, w := append([]string(nil), got...), append([]string(nil), want...)
	sort.Strings(g)
	sort.Strings(w)
	if strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("%s = %d files %q, want %d files %q", what, len(g), g, len(w), w)
	}
}

// scenario runs the deploy scenarios against one target: a first deploy,
// nothing to do, one report changed, files added, deletions refused over
// --max-deletes and done within it, an interrupted deploy re-run, and a
// file of someone else's on the target.
func scenario(t *testing.T, url string, after func(step string)) {
	portal, a, b, c := builds(t)
	total := len(manifestOf(t, a).Files)

	// First deploy: every file, assets before pages, marker last.
	var order []string
	res := mustDeploy(t, portal, a, url, func(o *Options) {
		o.Progress = func(done, n int, p string) { order = append(order, p) }
	})
	if len(res.Uploaded) != total || len(res.Unchanged) != 0 || len(res.Deleted) != 0 {
		t.Fatalf("first deploy: %d uploaded, %d unchanged, %d deleted; want %d, 0, 0", len(res.Uploaded), len(res.Unchanged), len(res.Deleted), total)
	}
	firstPage := -1
	for i, p := range order {
		if isPage(p) && firstPage < 0 {
			firstPage = i
		}
		if !isPage(p) && firstPage >= 0 {
			t.Fatalf("asset %s uploaded after page %s", p, order[firstPage])
		}
	}
	if firstPage <= 0 {
		t.Fatalf("upload order %q: want assets, then pages", order)
	}
	sameAs(t, url, a)
	after("first")

	// Again: nothing to upload.
	res = mustDeploy(t, portal, a, url)
	if len(res.Uploaded) != 0 || len(res.Unchanged) != total {
		t.Fatalf("second deploy: %d uploaded, %d unchanged; want 0, %d", len(res.Uploaded), len(res.Unchanged), total)
	}

	// One report changed: only the files that changed are uploaded.
	want := differing(t, a, b)
	if len(want) == 0 || len(want) > total/4 {
		t.Fatalf("%d of %d files differ between the builds: the test's change is wrong", len(want), total)
	}
	res = mustDeploy(t, portal, b, url)
	equalSets(t, "uploaded after one report changed", res.Uploaded, want)
	if len(res.Unchanged) != total-len(want) || len(res.Deleted) != 0 {
		t.Errorf("%d unchanged, %d deleted; want %d, 0", len(res.Unchanged), len(res.Deleted), total-len(want))
	}
	sameAs(t, url, b)

	// Files added, then gone from the build: deletions, at most
	// --max-deletes, refused whole beyond it.
	res = mustDeploy(t, portal, c, url)
	equalSets(t, "uploaded with static files added", res.Uploaded, differing(t, b, c))
	extras := []string{"extra/con/ba.txt", "extra/hai.txt", "extra/mot.txt"}
	_, err := deployTo(t, portal, b, url, func(o *Options) { o.MaxDeletes = 2 })
	var de *Error
	if !errors.As(err, &de) || de.Key != "deploy.tooManyDeletes" || de.Args[1] != 3 || de.Args[2] != 2 {
		t.Fatalf("3 deletions with --max-deletes 2: %v, want deploy.tooManyDeletes", err)
	}
	sameAs(t, url, c) // nothing changed
	res = mustDeploy(t, portal, b, url, func(o *Options) { o.MaxDeletes = 3 })
	equalSets(t, "deleted", res.Deleted, extras)
	if len(res.Uploaded) != 0 {
		t.Errorf("uploaded %q, want nothing", res.Uploaded)
	}
	sameAs(t, url, b)
	after("deleted")

	// Interrupted (as by Ctrl-C) after a few files, then run again: the
	// target converges to the build, with no journal left.
	// The context is cancelled after the at-th change, as Ctrl-C does.
	interrupted := func(dir string, at int) error {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		o := Options{Source: portal, Dir: dir, Target: url, MaxDeletes: -1}
		o.afterChange = func(n int) error {
			if n == at {
				cancel()
			}
			return nil
		}
		_, err := Deploy(ctx, o)
		return err
	}
	err = interrupted(c, 3)
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("interrupted deploy: %v", err)
	}
	mid := remoteFiles(t, url)
	if _, ok := mid[JournalName]; !ok {
		t.Fatalf("an interrupted deploy left no journal")
	}
	if _, ok := mid["extra/con/ba.txt"]; !ok {
		t.Fatalf("the interrupted deploy wrote no extra file: the test interrupts too early")
	}
	// Re-run towards another build (B): what the interrupted deploy
	// wrote is known to be minhbach's, and is deleted or replaced.
	mustDeploy(t, portal, b, url)
	sameAs(t, url, b)
	// Interrupted again, re-run with the same build.
	err = interrupted(a, 2)
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("interrupted deploy: %v", err)
	}
	mustDeploy(t, portal, a, url)
	sameAs(t, url, a)
	res = mustDeploy(t, portal, a, url)
	if len(res.Uploaded) != 0 {
		t.Errorf("after convergence, %d files uploaded again", len(res.Uploaded))
	}
	after("interrupted")

	// A file someone else put on the target is left alone, and one at a
	// path of the build is not overwritten.
	ctx := context.Background()
	st, err := open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Write(ctx, "CNAME", []byte("minhbach.example\n"), headers{}); err != nil {
		t.Fatal(err)
	}
	if err := st.Write(ctx, "extra/mot.txt", []byte("của người khác\n"), headers{}); err != nil {
		t.Fatal(err)
	}
	_, err = deployTo(t, portal, c, url)
	if !errors.As(err, &de) || de.Key != "deploy.wouldOverwrite" || !strings.Contains(de.Args[1].(string), "extra/mot.txt") {
		t.Fatalf("deploy over someone else's file: %v, want deploy.wouldOverwrite", err)
	}
	if err := st.Delete(ctx, "extra/mot.txt"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	res = mustDeploy(t, portal, b, url)
	equalSets(t, "foreign", res.Foreign, []string{"CNAME"})
	sameAs(t, url, b, "CNAME")
}

func TestDeployFile(t *testing.T) {
	_, a, b, _ := builds(t)
	target := filepath.Join(t.TempDir(), "www")
	url := "file://" + filepath.ToSlash(target)
	scenario(t, url, func(step string) {
		// The folder is byte-identical to the build, by diff.
		dir := a
		if step == "deleted" {
			dir = b
		}
		out, err := exec.Command("diff", "-r", dir, target).CombinedOutput()
		if err != nil {
			t.Errorf("after %s: diff -r %s %s: %v\n%s", step, dir, target, err, out)
		}
	})
}

func TestDeployS3(t *testing.T) {
	url, requests := startS3(t)
	scenario(t, url, func(step string) {
		if step != "first" {
			return
		}
		ctx := context.Background()
		bucket, err := blob.OpenBucket(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer bucket.Close()
		// The headers of the file's type, and of site.toml's matchers.
		for _, c := range []struct{ key, typ, cache string }{
			{"index.html", "text/html; charset=utf-8", ""},
			{"css/site.css", "text/css; charset=utf-8", ""},
			{"du-lieu/moc.csv", "text/csv; charset=utf-8; header=present", ""},
			{"du-lieu/minhbach.json", "application/json", ""},
		} {
			attrs, err := bucket.Attributes(ctx, c.key)
			if err != nil {
				t.Fatal(err)
			}
			if attrs.ContentType != c.typ || attrs.CacheControl != c.cache {
				t.Errorf("%s: Content-Type %q, Cache-Control %q; want %q, %q", c.key, attrs.ContentType, attrs.CacheControl, c.typ, c.cache)
			}
		}
		// gofakes3 keeps no Cache-Control: what was sent is in its log.
		sent, err := os.ReadFile(requests)
		if err != nil {
			t.Fatal(err)
		}
		if want := "PUT /site/css/site.css Cache-Control: max-age=31536000\nPUT /site/css/summary.css Cache-Control: max-age=31536000\n"; string(sent) != want {
			t.Errorf("Cache-Control sent: %q, want %q", sent, want)
		}
		// The server tells every file's MD5, which the deploy compares:
		// a file changed on the server behind minhbach's back, keeping its
		// size, is uploaded again.
		st, _ := open(ctx, url)
		defer st.Close()
		objs, _ := st.List(ctx)
		for _, o := range objs {
			if o.MD5 == nil {
				t.Fatalf("%s: the S3 server gave no MD5", o.Path)
			}
		}
		old, _ := st.Read(ctx, "robots.txt")
		if err := st.Write(ctx, "robots.txt", bytes.ToUpper(old), headers{}); err != nil {
			t.Fatal(err)
		}
		portal, a, _, _ := builds(t)
		res := mustDeploy(t, portal, a, url)
		equalSets(t, "uploaded after robots.txt was changed on the server", res.Uploaded, []string{"robots.txt"})
		sameAs(t, url, a)
	})
}

func TestDeploySFTP(t *testing.T) {
	srv := startSSHD(t)
	url := srv.url(t, filepath.Join(t.TempDir(), "www"))
	scenario(t, url, func(string) {})
}
