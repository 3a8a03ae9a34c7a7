package deploy

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/azureblob" // azblob://
	"gocloud.dev/blob/fileblob"
	_ "gocloud.dev/blob/gcsblob" // gs://
	_ "gocloud.dev/blob/s3blob"  // s3://
	"gocloud.dev/gcerrors"
)

// blobStore is a bucket of gocloud.dev's blob packages: S3 and
// S3-compatible stores, Google Cloud Storage, Azure Blob Storage, or a
// folder (file://). Credentials are the drivers' usual ones, from the
// environment and the host's configuration (AWS_ACCESS_KEY_ID and
// ~/.aws, GOOGLE_APPLICATION_CREDENTIALS, AZURE_STORAGE_ACCOUNT…).
type blobStore struct {
	b *blob.Bucket
	// dir is the folder of a file:// target, whose folders a deletion
	// leaves empty are removed too (the blob package leaves them).
	dir string
}

func openBlob(ctx context.Context, u *url.URL, dryRun bool) (store, error) {
	var dir string
	if u.Scheme == "file" {
		// A folder gets exactly the site's files: no metadata sidecar
		// files, temporary files beside their target (a rename across
		// drives fails), and the folder created when missing.
		q := u.Query()
		q.Set("metadata", string(fileblob.MetadataDontWrite))
		q.Set("no_tmp_dir", "true")
		dir = filepath.FromSlash(u.Path)
		if u.Host == "." {
			dir = filepath.FromSlash(strings.TrimPrefix(u.Path, "/"))
		}
		if _, err := afero.NewOsFs().Stat(dir); dryRun && errors.Is(err, fs.ErrNotExist) {
			return emptyStore{}, nil
		}
		q.Set("create_dir", "true")
		u.RawQuery = q.Encode()
	}
	b, err := blob.OpenBucket(ctx, u.String())
	if err != nil {
		return nil, err
	}
	return &blobStore{b: b, dir: dir}, nil
}

func (s *blobStore) List(ctx context.Context) ([]object, error) {
	var out []object
	it := s.b.List(nil)
	for {
		o, err := it.Next(ctx)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if o.IsDir || strings.HasSuffix(o.Key, "/") {
			continue
		}
		out = append(out, object{Path: o.Key, Size: o.Size, MD5: o.MD5})
	}
}

func (s *blobStore) Read(ctx context.Context, p string) ([]byte, error) {
	data, err := s.b.ReadAll(ctx, p)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return nil, errNotFound
	}
	return data, err
}

func (s *blobStore) Write(ctx context.Context, p string, data []byte, h headers) error {
	w, err := s.b.NewWriter(ctx, p, &blob.WriterOptions{
		ContentType:     h.ContentType,
		CacheControl:    h.CacheControl,
		ContentEncoding: h.ContentEncoding,
	})
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		_ = w.Close()
		return err
	}
	return w.Close()
}

func (s *blobStore) Delete(ctx context.Context, p string) error {
	err := s.b.Delete(ctx, p)
	if err != nil && gcerrors.Code(err) != gcerrors.NotFound {
		return err
	}
	if s.dir != "" {
		fsys := afero.NewOsFs()
		for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
			if fsys.Remove(filepath.Join(s.dir, filepath.FromSlash(d))) != nil {
				break // not empty
			}
		}
	}
	return nil
}

func (s *blobStore) Close() error { return s.b.Close() }
