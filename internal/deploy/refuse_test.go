package deploy

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/crypto/ssh/knownhosts"

	"github.com/minhbach/minhbach/internal/msg"
)

// errKey returns the message key of a deploy error, or fails.
func errKey(t *testing.T, err error) *Error {
	t.Helper()
	var de *Error
	if !errors.As(err, &de) {
		t.Fatalf("error %v (%T), want a *deploy.Error", err, err)
	}
	return de
}

// copyBuild copies build dir to a new folder.
func copyBuild(t *testing.T, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if err := copyTree(dir, out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRefusedBuild: only a complete, unchanged build is published; the
// target is not even created.
func TestRefusedBuild(t *testing.T) {
	portal, a, _, _ := builds(t)
	cases := []struct {
		name, key string
		prepare   func(dir string)
	}{
		{"missing", "deploy.noBuild", func(dir string) { os.RemoveAll(dir) }},
		{"no marker", "deploy.notBuild", func(dir string) { os.Remove(filepath.Join(dir, "minhbach-manifest.json")) }},
		{"edited", "deploy.buildChanged", func(dir string) {
			os.WriteFile(filepath.Join(dir, "robots.txt"), []byte("User-agent: *\nDisallow: /\n"), 0o644)
		}},
		{"added", "deploy.buildExtra", func(dir string) { os.WriteFile(filepath.Join(dir, "CNAME"), []byte("x\n"), 0o644) }},
		{"deleted", "deploy.buildMissing", func(dir string) { os.Remove(filepath.Join(dir, "404.html")) }},
		{"incomplete", "deploy.incompleteBuild", func(dir string) {
			m := filepath.Join(dir, "minhbach-manifest.json")
			data, _ := os.ReadFile(m)
			os.WriteFile(m, []byte(strings.Replace(string(data), `"complete": true`, `"complete": false`, 1)), 0o644)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := copyBuild(t, a)
			c.prepare(dir)
			target := filepath.Join(t.TempDir(), "www")
			_, err := deployTo(t, portal, dir, "file://"+target)
			if got := errKey(t, err).Key; got != c.key {
				t.Fatalf("got %s (%v), want %s", got, err, c.key)
			}
			if _, err := os.Stat(target); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the target was created: %v", err)
			}
		})
	}
	// The counter-test: a copy as built is published, file-manager caches
	// in it are not.
	dir := copyBuild(t, a)
	os.WriteFile(filepath.Join(dir, "css", ".DS_Store"), []byte("cache"), 0o644)
	target := filepath.Join(t.TempDir(), "www")
	res := mustDeploy(t, portal, dir, "file://"+target)
	equalSets(t, "caches", res.Caches, []string{"css/.DS_Store"})
	if _, err := os.Stat(filepath.Join(target, "css", ".DS_Store")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a cache was published")
	}
}

// TestRefusedTarget: a target holding files minhbach did not put there,
// and no marker, is refused and left as it was.
func TestRefusedTarget(t *testing.T) {
	portal, a, _, _ := builds(t)
	target := t.TempDir()
	theirs := filepath.Join(target, "index.html")
	os.WriteFile(theirs, []byte("<p>trang cũ</p>\n"), 0o644)
	_, err := deployTo(t, portal, a, "file://"+target)
	de := errKey(t, err)
	if de.Key != "deploy.remoteNotOurs" || de.Args[1] != 1 || de.Args[2] != "index.html" {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(de.Text(msg.VI), "không do minhbach đưa lên (index.html)") {
		t.Errorf("message: %s", de.Text(msg.VI))
	}
	entries, _ := os.ReadDir(target)
	data, _ := os.ReadFile(theirs)
	if len(entries) != 1 || string(data) != "<p>trang cũ</p>\n" {
		t.Errorf("the target changed: %d entries, index.html %q", len(entries), data)
	}
	// A marker that is not minhbach's.
	os.WriteFile(filepath.Join(target, "minhbach-manifest.json"), []byte(`{"format":"other"}`), 0o644)
	_, err = deployTo(t, portal, a, "file://"+target)
	if de := errKey(t, err); de.Key != "deploy.remoteBadMarker" {
		t.Fatalf("got %v", err)
	}
}

// TestCacheOnTarget: a folder holding only a file manager's cache counts
// as empty; the cache is left alone and told.
func TestCacheOnTarget(t *testing.T) {
	portal, a, _, _ := builds(t)
	target := t.TempDir()
	os.WriteFile(filepath.Join(target, "Thumbs.db"), []byte("cache"), 0o644)
	res := mustDeploy(t, portal, a, "file://"+target)
	equalSets(t, "foreign", res.Foreign, []string{"Thumbs.db"})
	sameAs(t, "file://"+target, a, "Thumbs.db")
}

// TestDryRun changes nothing, not even a missing folder.
func TestDryRun(t *testing.T) {
	portal, a, b, _ := builds(t)
	target := filepath.Join(t.TempDir(), "www")
	res := mustDeploy(t, portal, a, "file://"+target, func(o *Options) { o.DryRun = true })
	if !res.DryRun || len(res.Uploaded) != len(manifestOf(t, a).Files) {
		t.Fatalf("dry run: %d to upload", len(res.Uploaded))
	}
	if _, err := os.Stat(target); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a dry run created the target")
	}
	mustDeploy(t, portal, a, "file://"+target)
	res = mustDeploy(t, portal, b, "file://"+target, func(o *Options) { o.DryRun = true })
	equalSets(t, "would upload", res.Uploaded, differing(t, a, b))
	sameAs(t, "file://"+target, a)
}

func TestConfig(t *testing.T) {
	cases := []struct {
		name, toml, key string
		line            int
		not             string // never in the message
	}{
		{"password", "[[deployment.targets]]\nname = \"a\"\nURL = \"sftp://nv:MatKhau123@host/www\"\n", "deploy.passwordInURLInConfig", 3, "MatKhau123"},
		{"secret", "[[deployment.targets]]\nname = \"a\"\nURL = \"s3://b?region=x&secret_access_key=BiMat\"\n", "deploy.secretInURLInConfig", 3, "BiMat"},
		{"scheme", "[[deployment.targets]]\nname = \"a\"\nURL = \"ftp://host/www\"\n", "deploy.badSchemeInConfig", 3, ""},
		{"unsupported", "[deployment]\n\n[[deployment.targets]]\nname = \"a\"\nURL = \"file:///x\"\ninclude = \"**.html\"\n", "deploy.unsupportedKey", 6, ""},
		{"twice", "[[deployment.targets]]\nname = \"a\"\nURL = \"file:///x\"\n[[deployment.targets]]\nname = \"a\"\nURL = \"file:///y\"\n", "deploy.targetTwice", 4, ""},
		{"incomplete", "[[deployment.targets]]\nname = \"a\"\n", "deploy.targetIncomplete", 1, ""},
		{"pattern", "[[deployment.matchers]]\npattern = \"(\"\n", "deploy.badPattern", 2, ""},
		{"syntax", "[deployment\n", "deploy.configSyntax", 1, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			afero.WriteFile(fsys, "/p/site.toml", []byte("title = \"x\"\n"+c.toml), 0o644)
			_, err := LoadConfig(fsys, "/p")
			de := errKey(t, err)
			if de.Key != c.key {
				t.Fatalf("got %s: %v, want %s", de.Key, err, c.key)
			}
			for _, l := range []msg.Lang{msg.VI, msg.EN} {
				text := de.Text(l)
				if want := "site.toml:" + strconv.Itoa(c.line+1) + ":"; !strings.HasPrefix(text, want) {
					t.Errorf("%s: %q does not start with %q", l, text, want)
				}
				if c.not != "" && strings.Contains(text, c.not) {
					t.Errorf("%s: the secret is printed: %s", l, text)
				}
			}
		})
	}
	// The counter-test: a good configuration, and targets found by name
	// or URL.
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/p/site.toml", []byte("[[deployment.targets]]\nname = \"chinh\"\nURL = \"sftp://nv@host/www\"\n[[deployment.matchers]]\npattern = \"\\\\.css$\"\ncacheControl = \"max-age=60\"\n"), 0o644)
	cfg, err := LoadConfig(fsys, "/p")
	if err != nil {
		t.Fatal(err)
	}
	if tg, err := cfg.Find(""); err != nil || tg.Name != "chinh" {
		t.Errorf("default target %v %v", tg, err)
	}
	if tg, err := cfg.Find("file:///tmp/x"); err != nil || tg.URL != "file:///tmp/x" {
		t.Errorf("URL target %v %v", tg, err)
	}
	if _, err := cfg.Find("phu"); errKey(t, err).Key != "deploy.unknownTarget" {
		t.Errorf("unknown target: %v", err)
	}
	if _, err := cfg.Find("sftp://nv:pw@host/x"); errKey(t, err).Key != "deploy.passwordInURL" || strings.Contains(err.Error(), "pw@") {
		t.Errorf("password in --target: %v", err)
	}
	if h := headersOf(cfg, "css/site.css"); h.CacheControl != "max-age=60" || h.ContentType != "text/css; charset=utf-8" {
		t.Errorf("headers %+v", h)
	}
}

// TestSFTPHostKey: the host's key is checked against known_hosts; an
// unknown or changed key is refused before anything is sent.
func TestSFTPHostKey(t *testing.T) {
	portal, a, _, _ := builds(t)
	srv := startSSHD(t)
	dir := filepath.Join(t.TempDir(), "www")
	url := srv.url(t, dir)
	kh := filepath.Join(srv.home, ".ssh", "known_hosts")
	good, _ := os.ReadFile(kh)

	os.WriteFile(kh, nil, 0o600)
	_, err := deployTo(t, portal, a, url)
	if de := errKey(t, err); de.Key != "deploy.sshUnknownHost" {
		t.Fatalf("unknown host: %v", err)
	}
	other := writeKey(t, filepath.Join(t.TempDir(), "other"))
	addr := fmt.Sprintf("127.0.0.1:%d", srv.port)
	os.WriteFile(kh, []byte(knownhosts.Line([]string{knownhosts.Normalize(addr)}, other)+"\n"), 0o600)
	_, err = deployTo(t, portal, a, url)
	if de := errKey(t, err); de.Key != "deploy.sshHostChanged" {
		t.Fatalf("changed host key: %v", err)
	}
	os.Remove(kh)
	_, err = deployTo(t, portal, a, url)
	if de := errKey(t, err); de.Key != "deploy.sshNoKnownHosts" {
		t.Fatalf("no known_hosts: %v", err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("something was written to a host that was not checked")
	}
	// The counter-test: with the right key, it is published.
	os.WriteFile(kh, good, 0o600)
	mustDeploy(t, portal, a, url)
	sameAs(t, url, a)
}
