package deploy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"os/user"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/pkg/sftp"
	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
	"golang.org/x/crypto/ssh/knownhosts"
)

// sftpStore is a folder on an SSH host, through SFTP. The user's usual
// SSH setup is the only source of credentials: ssh-agent (SSH_AUTH_SOCK)
// and the unencrypted keys ~/.ssh/id_ed25519, id_ecdsa and id_rsa. The
// host's key must be in ~/.ssh/known_hosts (or /etc/ssh/ssh_known_hosts):
// an unknown or changed key is refused.
type sftpStore struct {
	conn   *ssh.Client
	client *sftp.Client
	root   string
}

// uploadSuffix ends the name of the temporary file an upload writes
// beside its target before renaming it into place.
const uploadSuffix = ".minhbach-upload"

// tempName is the temporary file of an upload of the slash path p.
func tempName(p string) string {
	dir, base := path.Split(p)
	return dir + "." + base + uploadSuffix
}

func openSFTP(ctx context.Context, u *url.URL, dryRun bool) (store, error) {
	host := u.Hostname()
	port := u.Port()
	if port == "" {
		port = "22"
	}
	addr := net.JoinHostPort(host, port)
	name := u.User.Username()
	if name == "" {
		cur, err := user.Current()
		if err != nil {
			return nil, err
		}
		name = cur.Username
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return nil, err
	}
	hostKeys, algos, err := hostKeyCallback(home, addr)
	if err != nil {
		return nil, err
	}
	auths, closeAgent := authMethods(home)
	defer closeAgent()
	if len(auths) == 0 {
		return nil, &Error{Key: "deploy.sshNoKey", Args: []any{filepath.Join(home, ".ssh")}}
	}
	cfg := &ssh.ClientConfig{
		User:              name,
		Auth:              auths,
		HostKeyCallback:   hostKeys,
		HostKeyAlgorithms: algos,
		Timeout:           30 * time.Second,
	}
	d := net.Dialer{Timeout: 30 * time.Second}
	raw, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	c, chans, reqs, err := ssh.NewClientConn(raw, addr, cfg)
	if err != nil {
		raw.Close()
		return nil, sshError(err, name, host, port)
	}
	conn := ssh.NewClient(c, chans, reqs)
	client, err := sftp.NewClient(conn)
	if err != nil {
		conn.Close()
		return nil, err
	}
	root := u.Path
	if r, ok := strings.CutPrefix(root, "/~/"); ok {
		root = r // relative to the login folder
	} else if root == "/~" || root == "" {
		root = "."
	}
	root = path.Clean(root)
	if _, err := client.Stat(root); dryRun && errors.Is(err, fs.ErrNotExist) {
		client.Close()
		conn.Close()
		return emptyStore{}, nil
	}
	if err := client.MkdirAll(root); err != nil {
		client.Close()
		conn.Close()
		return nil, err
	}
	return &sftpStore{conn: conn, client: client, root: root}, nil
}

// hostKeyCallback checks the host's key against the known_hosts files,
// and returns the key types known for addr, so that the server is asked
// for a key of a type that can be checked.
func hostKeyCallback(home, addr string) (ssh.HostKeyCallback, []string, error) {
	var files []string
	for _, f := range []string{filepath.Join(home, ".ssh", "known_hosts"), "/etc/ssh/ssh_known_hosts"} {
		if _, err := os.Stat(f); err == nil {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		return nil, nil, &Error{Key: "deploy.sshNoKnownHosts", Args: []any{filepath.Join(home, ".ssh", "known_hosts")}}
	}
	cb, err := knownhosts.New(files...)
	if err != nil {
		return nil, nil, err
	}
	// A key of no type matches: the error lists the keys known.
	var algos []string
	var ke *knownhosts.KeyError
	if err := cb(knownhosts.Normalize(addr), &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)}, probeKey{}); errors.As(err, &ke) {
		for _, k := range ke.Want {
			switch t := k.Key.Type(); t {
			case ssh.KeyAlgoRSA:
				algos = append(algos, ssh.KeyAlgoRSASHA512, ssh.KeyAlgoRSASHA256, ssh.KeyAlgoRSA)
			default:
				algos = append(algos, t)
			}
		}
	}
	return cb, algos, nil
}

// probeKey is a public key of no real type, to list the known keys of a
// host.
type probeKey struct{}

func (probeKey) Type() string                        { return "minhbach-probe" }
func (probeKey) Marshal() []byte                     { return []byte("minhbach-probe") }
func (probeKey) Verify([]byte, *ssh.Signature) error { return errors.New("probe") }

// authMethods are the user's ssh-agent and unencrypted default keys.
func authMethods(home string) ([]ssh.AuthMethod, func()) {
	var out []ssh.AuthMethod
	closeAgent := func() {}
	if sock := os.Getenv("SSH_AUTH_SOCK"); sock != "" {
		if c, err := net.Dial("unix", sock); err == nil {
			out = append(out, ssh.PublicKeysCallback(agent.NewClient(c).Signers))
			closeAgent = func() { c.Close() }
		}
	}
	var signers []ssh.Signer
	for _, n := range []string{"id_ed25519", "id_ecdsa", "id_rsa"} {
		data, err := os.ReadFile(filepath.Join(home, ".ssh", n))
		if err != nil {
			continue
		}
		s, err := ssh.ParsePrivateKey(data)
		if err != nil {
			continue // a key with a passphrase: load it into ssh-agent
		}
		signers = append(signers, s)
	}
	if len(signers) > 0 {
		out = append(out, ssh.PublicKeys(signers...))
	}
	return out, closeAgent
}

// sshError turns a failed SSH handshake into a message saying what to do.
func sshError(err error, name, host, port string) error {
	var ke *knownhosts.KeyError
	if errors.As(err, &ke) {
		if len(ke.Want) == 0 {
			return &Error{Key: "deploy.sshUnknownHost", Args: []any{host, port, name}, Err: err}
		}
		return &Error{Key: "deploy.sshHostChanged", Args: []any{host, port}, Err: err}
	}
	var re *knownhosts.RevokedError
	if errors.As(err, &re) {
		return &Error{Key: "deploy.sshHostChanged", Args: []any{host, port}, Err: err}
	}
	if strings.Contains(err.Error(), "unable to authenticate") {
		return &Error{Key: "deploy.sshDenied", Args: []any{name, host, port}, Err: err}
	}
	return err
}

func (s *sftpStore) full(p string) string { return path.Join(s.root, p) }

func (s *sftpStore) List(ctx context.Context) ([]object, error) {
	var out []object
	w := s.client.Walk(s.root)
	for w.Step() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := w.Err(); err != nil {
			return nil, err
		}
		if w.Stat().IsDir() {
			continue
		}
		rel := strings.TrimPrefix(w.Path(), s.root+"/")
		if s.root == "." {
			rel = strings.TrimPrefix(w.Path(), "./")
		}
		out = append(out, object{Path: rel, Size: w.Stat().Size()})
	}
	return out, nil
}

func (s *sftpStore) Read(ctx context.Context, p string) ([]byte, error) {
	f, err := s.client.Open(s.full(p))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNotFound
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// Write writes a temporary file beside p and renames it over p, so that
// a visitor never gets half a file.
func (s *sftpStore) Write(ctx context.Context, p string, data []byte, _ headers) error {
	full := s.full(p)
	if err := s.client.MkdirAll(path.Dir(full)); err != nil {
		return err
	}
	tmp := s.full(tempName(p))
	f, err := s.client.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		_ = s.client.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		_ = s.client.Remove(tmp)
		return err
	}
	_ = s.client.Chmod(tmp, 0o644)
	if err := s.client.PosixRename(tmp, full); err != nil {
		// A server without the posix-rename extension: replace in two
		// steps.
		_ = s.client.Remove(full)
		if err2 := s.client.Rename(tmp, full); err2 != nil {
			_ = s.client.Remove(tmp)
			return fmt.Errorf("%v; %v", err, err2)
		}
	}
	return nil
}

// Delete removes p, and the folders it leaves empty.
func (s *sftpStore) Delete(ctx context.Context, p string) error {
	err := s.client.Remove(s.full(p))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for dir := path.Dir(p); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if s.client.RemoveDirectory(s.full(dir)) != nil {
			break // not empty
		}
	}
	return nil
}

func (s *sftpStore) Close() error {
	err := s.client.Close()
	if err2 := s.conn.Close(); err == nil {
		err = err2
	}
	return err
}
