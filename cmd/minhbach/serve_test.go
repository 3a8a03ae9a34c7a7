package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/msg"
)

// lockedBuffer is a bytes.Buffer that the command and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// servePortal copies the test portal and the repository's templates into a
// new folder, as the scripts' setup does.
func servePortal(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, from := range []struct{ src, dst string }{
		{"testdata/portal", ""},
		{"../../site.toml", "site.toml"},
		{"../../layouts", "layouts"},
		{"../../i18n", "i18n"},
		{"../../static", "static"},
	} {
		if err := copyMissing(from.src, filepath.Join(dir, from.dst)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func httpStatus(t *testing.T, url, host string) int {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Host = host
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s (Host %s): %v", url, host, err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

// TestServeCommandAddresses runs `minhbach serve` as staff would: the
// address it prints opens the preview; a foreign Host gets 403; with
// --allow-host it also prints the reviewer's address, which works, and
// warns that drafts are visible on the network. A host that is not a host
// name is refused before anything starts.
func TestServeCommandAddresses(t *testing.T) {
	dir := servePortal(t)
	printed := regexp.MustCompile(`http://127\.0\.0\.1:(\d+)/`)
	for _, extra := range [][]string{nil, {"--allow-host", "reviewer.local"}} {
		t.Run(strings.Join(append([]string{"serve"}, extra...), " "), func(t *testing.T) {
			var out, errOut lockedBuffer
			a := &app{lang: msg.VI, out: &out, err: &errOut, fs: afero.NewOsFs()}
			root := a.root()
			root.SetArgs(append([]string{"serve", "--source", dir, "--port", "0", "--drafts"}, extra...))
			root.SetOut(&out)
			root.SetErr(&errOut)
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- root.ExecuteContext(ctx) }()
			defer func() {
				cancel()
				select {
				case <-done:
				case <-time.After(10 * time.Second):
					t.Error("serve did not stop when its context ended")
				}
			}()
			deadline := time.Now().Add(30 * time.Second)
			last := "Ctrl+C" // the end of what serve prints
			if extra != nil {
				last = msg.Get(msg.VI, "cli.serve.allowHostDrafts")
			}
			for !strings.Contains(out.String(), last) && time.Now().Before(deadline) {
				time.Sleep(50 * time.Millisecond)
			}
			m := printed.FindStringSubmatch(out.String())
			if m == nil {
				t.Fatalf("serve printed no address:\n%s\n%s", out.String(), errOut.String())
			}
			url, port := m[0], m[1]
			if got := httpStatus(t, url, "127.0.0.1:"+port); got != http.StatusOK {
				t.Errorf("GET %s: HTTP %d, want 200", url, got)
			}
			if got := httpStatus(t, url, "evil.example:"+port); got != http.StatusForbidden {
				t.Errorf("GET %s with Host evil.example: HTTP %d, want 403", url, got)
			}
			reviewer := "http://reviewer.local:" + port + "/"
			says := strings.Contains(out.String(), reviewer)
			warns := strings.Contains(out.String(), msg.Get(msg.VI, "cli.serve.allowHostDrafts"))
			code := httpStatus(t, url, "reviewer.local:"+port)
			if extra == nil {
				if says || warns || code != http.StatusForbidden {
					t.Errorf("without --allow-host: address printed %v, warning %v, Host reviewer.local HTTP %d (want 403)", says, warns, code)
				}
				return
			}
			if !says || !warns {
				t.Errorf("serve --allow-host did not print %s and the drafts warning:\n%s", reviewer, out.String())
			}
			if code != http.StatusOK {
				t.Errorf("GET with Host reviewer.local:%s: HTTP %d, want 200", port, code)
			}
			t.Logf("printed:\n%s", out.String())
		})
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"serve", "--source", dir, "--port", "0", "--allow-host", "http://reviewer.local"}, &out, &errOut); code != 2 {
		t.Errorf("serve --allow-host http://reviewer.local: exit %d, want 2", code)
	}
	if want := msg.Get(msg.VI, "cli.serve.badHost", "http://reviewer.local") + "\n"; errOut.String() != want || out.String() != "" {
		t.Errorf("serve --allow-host http://reviewer.local said\n%q\n%q\nwant on stderr %q", out.String(), errOut.String(), want)
	}
}
