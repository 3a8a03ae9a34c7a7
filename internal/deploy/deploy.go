// Package deploy publishes a build of minhbach's to a web host: an S3
// bucket or an S3-compatible store, Google Cloud Storage, Azure Blob
// Storage, a folder (file://) or an SSH host (sftp://), as configured in
// the [deployment] table of site.toml in Hugo's conventions.
//
// Only files that changed are uploaded (by checksum: the build's marker
// gives every file's SHA-256, and the target holds a copy of the marker of
// the last deploy, and, for S3, the MD5 of every file). Files are written
// assets first, then pages, then deletions, at most MaxDeletes of them,
// and the marker last. Before changing anything the deploy writes a
// journal (JournalName) on the target listing every file it may change,
// and removes it last: a deploy that is interrupted leaves the journal,
// and the next one knows those files are its own and uploads them again,
// so that it converges. A target that holds files minhbach did not put
// there is refused, and a file of someone else's is never overwritten nor
// deleted.
package deploy

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/publish"
)

// JournalName is the file a deploy writes on the target before changing
// anything and removes when it is done.
const JournalName = "minhbach-deploy-journal.json"

// journalFormat names the journal's format.
const journalFormat = "minhbach-deploy-journal/1"

// journal lists the files a deploy in progress may change.
type journal struct {
	Format string   `json:"format"`
	Paths  []string `json:"paths"`
}

// Options says what to publish where.
type Options struct {
	// Fs is the file system of Source and Dir; nil means the real one.
	Fs afero.Fs
	// Source is the portal's folder (where site.toml is); Dir the built
	// site ("public" when empty). Relative paths are from the working
	// directory.
	Source, Dir string
	// Target is the name of a target of site.toml, or a URL; empty means
	// the first target.
	Target string
	// DryRun says what would be done and changes nothing.
	DryRun bool
	// MaxDeletes is the most files the deploy may delete; a deploy that
	// would delete more is refused before it changes anything. Negative
	// means the configuration's maxDeletes (DefaultMaxDeletes if unset).
	MaxDeletes int
	// Progress, when set, is told of every file written or deleted.
	Progress func(done, total int, p string)

	// afterChange, in tests, is called after each change to the target;
	// a non-nil error stops the deploy there.
	afterChange func(n int) error
}

// Result is what a deploy did (or, with DryRun, would do).
type Result struct {
	// Target is the target, as it may be printed.
	Target string
	// Uploaded, Unchanged and Deleted are the files written, left as they
	// were, and removed; Bytes the bytes written.
	Uploaded, Unchanged, Deleted []string
	Bytes                        int64
	// Foreign are files on the target that minhbach did not put there:
	// left as they are.
	Foreign []string
	// Caches are file managers' caches in the build, not published.
	Caches []string
	// DryRun is true when nothing was changed on purpose.
	DryRun bool
}

// ErrInterrupted is returned when the context is done in the middle of a
// deploy: the target is a mix of the two sites until the next deploy.
var ErrInterrupted = errors.New("deploy interrupted")

// Deploy publishes the build in o.Dir to the target.
func Deploy(ctx context.Context, o Options) (*Result, error) {
	fsys := o.Fs
	if fsys == nil {
		fsys = afero.NewOsFs()
	}
	src := o.Source
	if src == "" {
		src = "."
	}
	dir := o.Dir
	if dir == "" {
		dir = "public"
	}
	cfg, err := LoadConfig(fsys, src)
	if err != nil {
		return nil, err
	}
	tgt, err := cfg.Find(o.Target)
	if err != nil {
		return nil, err
	}
	max := o.MaxDeletes
	if max < 0 {
		max = cfg.MaxDeletes
		if max == 0 {
			max = DefaultMaxDeletes
		}
	}
	b, err := readBuild(fsys, dir)
	if err != nil {
		return nil, err
	}
	st, err := open(ctx, tgt.URL, o.DryRun)
	if err != nil {
		var de *Error
		if errors.As(err, &de) {
			return nil, err
		}
		return nil, &Error{Key: "deploy.cannotOpen", Args: []any{tgt.String(), err}, Err: err}
	}
	defer st.Close()
	p, err := plan(ctx, st, b, cfg, tgt, max)
	if err != nil {
		return nil, err
	}
	res := &Result{Target: tgt.String(), Unchanged: p.unchanged, Foreign: p.foreign, Caches: b.caches, DryRun: o.DryRun}
	if o.DryRun {
		for _, u := range p.uploads {
			res.Uploaded = append(res.Uploaded, u.Path)
			res.Bytes += u.Size
		}
		res.Deleted = p.deletes
		return res, nil
	}
	if len(p.uploads) == 0 && len(p.deletes) == 0 && len(p.leftovers) == 0 && !p.marker && !p.journal {
		return res, nil
	}
	r := &run{ctx: ctx, st: st, o: o, res: res, tgt: tgt, total: len(p.uploads) + len(p.deletes) + len(p.leftovers)}
	// The journal first: from now on every file this deploy may touch is
	// known to be minhbach's, even if it stops half-way.
	j := journal{Format: journalFormat, Paths: p.journalPaths}
	data, _ := json.MarshalIndent(j, "", " ")
	if err := r.write(JournalName, append(data, '\n'), headers{ContentType: "application/json"}, false); err != nil {
		return res, err
	}
	for _, f := range p.uploads {
		data, err := afero.ReadFile(fsys, filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil {
			return res, &Error{Key: "deploy.readBuild", Args: []any{dir, err}, Err: err}
		}
		if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != f.SHA256 {
			// The folder changed since it was checked (a build ran).
			return res, &Error{Key: "deploy.changedDuring", Args: []any{dir, f.Path, tgt.String()}}
		}
		if err := r.write(f.Path, data, headersOf(cfg, f.Path), true); err != nil {
			return res, err
		}
		res.Uploaded = append(res.Uploaded, f.Path)
		res.Bytes += int64(len(data))
	}
	for _, d := range append(p.deletes, p.leftovers...) {
		if err := r.remove(d); err != nil {
			return res, err
		}
		if !slices.Contains(p.leftovers, d) {
			res.Deleted = append(res.Deleted, d)
		}
	}
	if p.marker {
		if err := r.write(publish.MarkerName, b.marker, headersOf(cfg, publish.MarkerName), false); err != nil {
			return res, err
		}
	}
	if err := st.Delete(ctx, JournalName); err != nil {
		return res, r.fail(JournalName, err)
	}
	return res, nil
}

// run is a deploy changing the target.
type run struct {
	ctx         context.Context
	st          store
	o           Options
	res         *Result
	tgt         Target
	done, total int
	changes     int
}

func (r *run) check() error {
	if r.ctx.Err() != nil {
		return &Error{Key: "deploy.interrupted", Args: []any{r.tgt.String()}, Err: ErrInterrupted}
	}
	return nil
}

func (r *run) changed(p string, counted bool) error {
	if counted {
		r.done++
		if r.o.Progress != nil {
			r.o.Progress(r.done, r.total, p)
		}
	}
	r.changes++
	if r.o.afterChange != nil {
		if err := r.o.afterChange(r.changes); err != nil {
			return err
		}
	}
	return nil
}

func (r *run) write(p string, data []byte, h headers, counted bool) error {
	if err := r.check(); err != nil {
		return err
	}
	if err := r.st.Write(r.ctx, p, data, h); err != nil {
		return r.fail(p, err)
	}
	return r.changed(p, counted)
}

func (r *run) remove(p string) error {
	if err := r.check(); err != nil {
		return err
	}
	if err := r.st.Delete(r.ctx, p); err != nil {
		return r.fail(p, err)
	}
	return r.changed(p, true)
}

func (r *run) fail(p string, err error) error {
	if r.ctx.Err() != nil {
		return &Error{Key: "deploy.interrupted", Args: []any{r.tgt.String()}, Err: ErrInterrupted}
	}
	return &Error{Key: "deploy.writeFailed", Args: []any{p, r.tgt.String(), err}, Err: err}
}

// deployPlan is what a deploy will do.
type deployPlan struct {
	uploads      []localFile // in order: assets, then pages
	unchanged    []string
	deletes      []string // minhbach's files that the build no longer has
	leftovers    []string // temporary files of an interrupted upload
	foreign      []string // someone else's files: left alone
	marker       bool     // the marker must be written
	journal      bool     // a journal of an interrupted deploy is there
	journalPaths []string
}

// plan compares the build with what the target holds.
func plan(ctx context.Context, st store, b *build, cfg *Config, tgt Target, max int) (*deployPlan, error) {
	objs, err := st.List(ctx)
	if err != nil {
		return nil, &Error{Key: "deploy.cannotList", Args: []any{tgt.String(), err}, Err: err}
	}
	remote := make(map[string]object, len(objs))
	for _, o := range objs {
		remote[o.Path] = o
	}
	p := &deployPlan{}
	var prev *publish.Manifest
	if _, ok := remote[publish.MarkerName]; ok {
		data, err := st.Read(ctx, publish.MarkerName)
		if err != nil {
			return nil, &Error{Key: "deploy.cannotList", Args: []any{tgt.String(), err}, Err: err}
		}
		var m publish.Manifest
		if err := json.Unmarshal(data, &m); err != nil || m.Format != publish.Format {
			return nil, &Error{Key: "deploy.remoteBadMarker", Args: []any{tgt.String(), publish.MarkerName}}
		}
		prev = &m
		p.marker = !bytes.Equal(data, b.marker)
	} else {
		p.marker = true
	}
	var jr *journal
	if _, ok := remote[JournalName]; ok {
		data, err := st.Read(ctx, JournalName)
		if err != nil {
			return nil, &Error{Key: "deploy.cannotList", Args: []any{tgt.String(), err}, Err: err}
		}
		var j journal
		if err := json.Unmarshal(data, &j); err != nil || j.Format != journalFormat {
			return nil, &Error{Key: "deploy.remoteBadMarker", Args: []any{tgt.String(), JournalName}}
		}
		jr = &j
		p.journal = true
	}
	// What is minhbach's on the target: the files of the last deploy's
	// marker, and those an interrupted deploy may have written.
	owned := map[string]bool{publish.MarkerName: true, JournalName: true}
	known := map[string]publish.File{}
	pending := map[string]bool{}
	if prev != nil {
		for _, f := range prev.Files {
			owned[f.Path] = true
			known[f.Path] = f
		}
	}
	if jr != nil {
		for _, q := range jr.Paths {
			owned[q] = true
			pending[q] = true
		}
	}
	local := map[string]bool{publish.MarkerName: true}
	for _, f := range b.files {
		local[f.Path] = true
	}
	var others []string
	for _, o := range objs {
		if owned[o.Path] {
			continue
		}
		if t, ok := leftoverOf(o.Path); ok && (owned[t] || local[t]) {
			p.leftovers = append(p.leftovers, o.Path)
			continue
		}
		others = append(others, o.Path)
	}
	var work []string // others, without file managers' caches
	for _, o := range others {
		if !publish.OSCache(o) {
			work = append(work, o)
		}
	}
	if prev == nil && jr == nil && len(work) > 0 {
		return nil, &Error{Key: "deploy.remoteNotOurs", Args: []any{tgt.String(), len(work), list(work), publish.MarkerName}}
	}
	var clash []string
	for _, o := range others {
		if local[o] {
			clash = append(clash, o)
		} else {
			p.foreign = append(p.foreign, o)
		}
	}
	if len(clash) > 0 {
		return nil, &Error{Key: "deploy.wouldOverwrite", Args: []any{tgt.String(), list(clash)}}
	}
	for _, f := range b.files {
		if upToDate(f, remote, known, pending) && !forced(cfg, f.Path) {
			p.unchanged = append(p.unchanged, f.Path)
			continue
		}
		p.uploads = append(p.uploads, f)
	}
	sort.SliceStable(p.uploads, func(i, j int) bool { return !isPage(p.uploads[i].Path) && isPage(p.uploads[j].Path) })
	for q := range owned {
		if _, there := remote[q]; there && !local[q] && q != JournalName {
			p.deletes = append(p.deletes, q)
		}
	}
	// Pages first, so that no page left links to a deleted asset.
	sort.Slice(p.deletes, func(i, j int) bool {
		a, b := p.deletes[i], p.deletes[j]
		if isPage(a) != isPage(b) {
			return isPage(a)
		}
		return a < b
	})
	sort.Strings(p.leftovers)
	if len(p.deletes) > max {
		return nil, &Error{Key: "deploy.tooManyDeletes", Args: []any{tgt.String(), len(p.deletes), max, list(p.deletes), len(p.deletes)}}
	}
	seen := map[string]bool{}
	if jr != nil {
		for _, q := range jr.Paths {
			seen[q] = true
		}
	}
	for _, f := range p.uploads {
		seen[f.Path] = true
	}
	for _, q := range p.deletes {
		seen[q] = true
	}
	for q := range seen {
		p.journalPaths = append(p.journalPaths, q)
	}
	sort.Strings(p.journalPaths)
	return p, nil
}

// upToDate reports whether the target holds f as it is: by MD5 where the
// target tells it; otherwise by the last deploy's marker, for a file of
// the right size that no interrupted deploy may have changed since.
func upToDate(f localFile, remote map[string]object, known map[string]publish.File, pending map[string]bool) bool {
	o, ok := remote[f.Path]
	if !ok || o.Size != f.Size {
		return false
	}
	if o.MD5 != nil {
		return bytes.Equal(o.MD5, f.MD5)
	}
	k, ok := known[f.Path]
	return ok && !pending[f.Path] && k.SHA256 == f.SHA256 && k.Size == f.Size
}

func forced(cfg *Config, p string) bool {
	m := cfg.match(p)
	return m != nil && m.Force
}

// leftoverOf returns the file whose upload left the temporary file p.
func leftoverOf(p string) (string, bool) {
	dir, base := path.Split(p)
	if !strings.HasPrefix(base, ".") || !strings.HasSuffix(base, uploadSuffix) || len(base) <= len(uploadSuffix)+1 {
		return "", false
	}
	return dir + strings.TrimSuffix(base[1:], uploadSuffix), true
}

// isPage reports whether p is a page (HTML) rather than an asset.
func isPage(p string) bool { return strings.HasSuffix(p, ".html") }
