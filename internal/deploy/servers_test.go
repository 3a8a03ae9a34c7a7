package deploy

import (
	"bufio"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// The servers the deploy tests publish to, on 127.0.0.1: the S3 protocol
// server of ./s3server (gofakes3) and Debian's OpenSSH sshd. Without one
// (sshd not installed), the tests that need it are skipped on a
// developer's machine, and fail under CI=true, where .ci/run installs it.

// unavailable skips or, in CI, fails a test whose server cannot start.
func unavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("server unavailable in CI: "+format, args...)
	}
	t.Skipf("server unavailable: "+format, args...)
}

var s3bin struct {
	once sync.Once
	path string
	err  error
}

// startS3 builds and starts the S3 server with a bucket "site", and
// returns the URL of that bucket for gocloud.dev's s3blob, and the log
// of the Cache-Control headers it was sent. The server
// exits when the test ends (its standard input is closed).
func startS3(t *testing.T) (url, requests string) {
	t.Helper()
	s3bin.once.Do(func() {
		dir, err := os.MkdirTemp("", "minhbach-s3server-")
		if err != nil {
			s3bin.err = err
			return
		}
		s3bin.path = filepath.Join(dir, "s3server")
		gobin, err := exec.LookPath("go")
		if err != nil {
			s3bin.err = err
			return
		}
		cmd := exec.Command(gobin, "build", "-o", s3bin.path, "./s3server")
		if out, err := cmd.CombinedOutput(); err != nil {
			s3bin.err = fmt.Errorf("go build ./s3server: %v\n%s", err, out)
		}
	})
	if s3bin.err != nil {
		unavailable(t, "%v", s3bin.err)
	}
	requests = filepath.Join(t.TempDir(), "requests.log")
	cmd := exec.Command(s3bin.path, "-bucket", "site", "-requests", requests)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		unavailable(t, "s3server: %v", err)
	}
	t.Cleanup(func() {
		stdin.Close()
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		unavailable(t, "s3server did not start: %v", err)
	}
	endpoint := strings.TrimSpace(line)
	// Credentials from the environment only, as for a user; nothing from
	// the host's ~/.aws, and never the EC2 metadata address.
	t.Setenv("AWS_ACCESS_KEY_ID", "minhbach-test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "minhbach-test-secret")
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	return "s3://site?endpoint=" + endpoint + "&use_path_style=true&disable_https=true&region=us-east-1", requests
}

// sshServer is a running sshd and the client's setup.
type sshServer struct {
	port    int
	home    string // the client's HOME, with .ssh/id_ed25519 and known_hosts
	hostPub ssh.PublicKey
}

// freePort returns a port on 127.0.0.1 that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func writeKey(t *testing.T, name string) ssh.PublicKey {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	sp, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

// startSSHD starts Debian's sshd on 127.0.0.1 as the current user, with
// its own configuration, host key and authorized_keys in a temporary
// folder, and sets HOME so that the deploy finds the client's key and a
// known_hosts that records the host key.
func startSSHD(t *testing.T) *sshServer {
	t.Helper()
	sshd := "/usr/sbin/sshd"
	if _, err := os.Stat(sshd); err != nil {
		unavailable(t, "%s not installed (apt-get install openssh-server)", sshd)
	}
	if os.Geteuid() == 0 {
		// sshd started by root wants its privilege separation folder,
		// which Debian's service start would create.
		if err := os.MkdirAll("/run/sshd", 0o755); err != nil {
			unavailable(t, "%v", err)
		}
	}
	dir := t.TempDir()
	hostPub := writeKey(t, filepath.Join(dir, "host_ed25519"))
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, ".ssh"), 0o700); err != nil {
		t.Fatal(err)
	}
	clientPub := writeKey(t, filepath.Join(home, ".ssh", "id_ed25519"))
	if err := os.WriteFile(filepath.Join(dir, "authorized_keys"), ssh.MarshalAuthorizedKey(clientPub), 0o600); err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	cfg := fmt.Sprintf(`ListenAddress 127.0.0.1
Port %d
HostKey %s
PidFile %s
AuthorizedKeysFile %s
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
Subsystem sftp internal-sftp
LogLevel ERROR
`, port, filepath.Join(dir, "host_ed25519"), filepath.Join(dir, "sshd.pid"), filepath.Join(dir, "authorized_keys"))
	cfgFile := filepath.Join(dir, "sshd_config")
	if err := os.WriteFile(cfgFile, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(sshd, "-D", "-e", "-f", cfgFile)
	var logs strings.Builder
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		unavailable(t, "sshd: %v", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			break
		}
		select {
		case <-exited:
			unavailable(t, "sshd exited: %s", logs.String())
		default:
		}
		if time.Now().After(deadline) {
			unavailable(t, "sshd did not listen on %s: %s", addr, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	line := knownhosts.Line([]string{knownhosts.Normalize(addr)}, hostPub)
	if err := os.WriteFile(filepath.Join(home, ".ssh", "known_hosts"), []byte(line+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("SSH_AUTH_SOCK", "")
	return &sshServer{port: port, home: home, hostPub: hostPub}
}

// url returns the sftp:// URL of the folder dir on the server.
func (s *sshServer) url(t *testing.T, dir string) string {
	t.Helper()
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("sftp://%s@127.0.0.1:%d%s", u.Username, s.port, filepath.ToSlash(dir))
}
