package deploy

import (
	"context"
	"errors"
	"net/url"
)

// object is a file on a target: its slash path from the site's root, its
// size and, when the target tells it (S3's ETag of a file uploaded in one
// part), its MD5.
type object struct {
	Path string
	Size int64
	MD5  []byte
}

// headers are what a file is served with.
type headers struct {
	ContentType, CacheControl, ContentEncoding string
}

// store is a target's files. Every path is a slash path relative to the
// target's root, never starting with "/".
type store interface {
	// List returns every file under the root.
	List(ctx context.Context) ([]object, error)
	// Read returns a whole file, or an error satisfying
	// errors.Is(err, errNotFound).
	Read(ctx context.Context, p string) ([]byte, error)
	// Write replaces (or creates) a file with data, so that a reader
	// sees either the old or the new file, never a part.
	Write(ctx context.Context, p string, data []byte, h headers) error
	// Delete removes a file; a file already gone is no error.
	Delete(ctx context.Context, p string) error
	Close() error
}

// errNotFound is returned by store.Read for a file that is not there.
var errNotFound = errors.New("not found")

// open opens the store of a target URL. With dryRun, a folder (file://,
// sftp://) that does not exist yet is not created: it is empty.
func open(ctx context.Context, raw string, dryRun ...bool) (store, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, err
	}
	dry := len(dryRun) > 0 && dryRun[0]
	if u.Scheme == "sftp" {
		return openSFTP(ctx, u, dry)
	}
	return openBlob(ctx, u, dry)
}

// emptyStore is a folder that does not exist yet, in a dry run.
type emptyStore struct{}

func (emptyStore) List(context.Context) ([]object, error)               { return nil, nil }
func (emptyStore) Read(context.Context, string) ([]byte, error)         { return nil, errNotFound }
func (emptyStore) Write(context.Context, string, []byte, headers) error { return errors.New("dry run") }
func (emptyStore) Delete(context.Context, string) error                 { return errors.New("dry run") }
func (emptyStore) Close() error                                         { return nil }
