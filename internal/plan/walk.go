package plan

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/fold"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/realpath"
)

// Skipped is a file under content/ or data/ that Load did not read, and
// why: every file there is either read or listed, so that nothing is left
// out without a word.
type Skipped struct {
	// File is the file's path from the portal's root, with slashes, as it
	// is reached (through a linked folder, the link's path).
	File string
	// Key and Args are the message saying why and what to do (see package
	// msg); the file's name is not among the arguments.
	Key  string
	Args []any
	// Folder is the folder all of whose files are skipped for one reason
	// (such as a folder that is not a period), or "" for a file skipped on
	// its own. The CLI tells such a folder on one line.
	Folder string
	// real is the file's real path (links followed).
	real string
}

// Text formats s as "file: why — what to do" in l.
func (s Skipped) Text(l msg.Lang) string {
	return s.File + ": " + msg.Get(l, s.Key, s.Args...)
}

// Junk reports whether s is a file the operating system or an editor makes
// on its own (.DS_Store, Thumbs.db, desktop.ini, other hidden files): such
// files are counted on one line.
func (s Skipped) Junk() bool { return s.Key == "skip.hidden" }

// The names Windows and macOS leave in folders, compared in lower case.
var osJunk = map[string]bool{"thumbs.db": true, "ehthumbs.db": true, "desktop.ini": true, "icon\r": true}

// officeExt are the documents staff drop into a folder instead of a
// report.
var officeExt = map[string]bool{
	".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".xlsm": true, ".pdf": true,
	".odt": true, ".ods": true, ".rtf": true, ".ppt": true, ".pptx": true,
}

// walker lists the files under content/ and data/.
type walker struct {
	l        *loader
	realRoot string
	reports  []string
	skipped  []Skipped
	// realNow is the real path of the entry being classified; read are
	// the real paths of the reports.
	realNow string
	read    map[string]bool
}

// walkSources walks content/ and data/, returning the report files to read
// (slash paths from the root, sorted) and recording every other file as
// skipped. Links are followed when their target is inside the portal.
func (l *loader) walkSources() []string {
	w := &walker{l: l, read: map[string]bool{}}
	root := l.abs("")
	if real, err := w.eval(root); err == nil {
		w.realRoot = real
	} else {
		w.realRoot = path.Clean(root)
	}
	for _, top := range []string{"content", "data"} {
		w.entry(top, w.realRoot, map[string]bool{w.realRoot: true}, nil)
	}
	sort.Strings(w.reports)
	sort.SliceStable(w.skipped, func(i, j int) bool { return w.skipped[i].File < w.skipped[j].File })
	l.skipped = w.skipped
	l.readReal = w.read
	return w.reports
}

// folderSkip is why every file of a folder is skipped.
type folderSkip struct {
	folder, key string
	args        []any
}

// entry handles the file, folder or link at rel (from the root), in the
// folder whose real path is parent. ancestors are the real paths of the
// folders above it, against link loops; skip is set inside a folder that
// is skipped as a whole.
func (w *walker) entry(rel, parent string, ancestors map[string]bool, skip *folderSkip) {
	abs := w.l.abs(rel)
	info, err := realpath.Lstat(w.l.fs, abs)
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			w.l.ps.add(Pos{File: rel, Line: 1, Col: 1}, "file.unreadable", err.Error())
		}
		return
	}
	w.realNow = path.Join(parent, path.Base(rel))
	if info.Mode()&os.ModeSymlink != 0 {
		real, err := w.eval(abs)
		switch {
		case errors.Is(err, realpath.ErrTooManyLinks):
			w.skip(rel, "", "skip.linkLoop")
			return
		case err != nil:
			w.skip(rel, "", "skip.linkBroken")
			return
		case !within(w.realRoot, real):
			w.skip(rel, "", "skip.linkOutside", real)
			return
		}
		w.realNow = real
		if info, err = w.l.fs.Stat(abs); err != nil {
			w.skip(rel, "", "skip.linkBroken")
			return
		}
		if info.IsDir() {
			if ancestors[real] {
				w.skip(rel, "", "skip.linkLoop")
				return
			}
			w.dir(rel, real, ancestors, skip)
			return
		}
	} else if info.IsDir() {
		w.dir(rel, path.Join(parent, path.Base(rel)), ancestors, skip)
		return
	}
	w.file(rel, skip)
}

// dir walks the folder rel, whose real path is real.
func (w *walker) dir(rel, real string, ancestors map[string]bool, skip *folderSkip) {
	if skip == nil {
		skip = w.folderReason(rel)
	}
	infos, err := afero.ReadDir(w.l.fs, w.l.abs(rel))
	if err != nil {
		w.l.ps.add(Pos{File: rel, Line: 1, Col: 1}, "file.unreadable", err.Error())
		return
	}
	inner := make(map[string]bool, len(ancestors)+1)
	for k := range ancestors {
		inner[k] = true
	}
	inner[real] = true
	for _, fi := range infos {
		w.entry(rel+"/"+fi.Name(), real, inner, skip)
	}
}

// folderReason says why every file of the folder rel is skipped, or nil
// when its files are looked at one by one.
func (w *walker) folderReason(rel string) *folderSkip {
	parts := strings.Split(rel, "/")
	name := parts[len(parts)-1]
	switch {
	case strings.HasPrefix(name, "."):
		return &folderSkip{rel, "skip.hidden", nil}
	case len(parts) == 1: // content, data
		return nil
	case parts[0] == "data":
		return &folderSkip{rel, "skip.dataFolder", nil}
	case len(parts) == 2 && name == "bao-cao":
		return nil
	case len(parts) == 2:
		if squash(name) == "baocao" {
			return &folderSkip{rel, "skip.reportsFolderName", nil}
		}
		return &folderSkip{rel, "skip.content", nil}
	case len(parts) == 3:
		if per, err := ParsePeriod(name); err == nil && per.ID == name {
			return nil
		}
		if s := suggestPeriod(name); s != "" {
			return &folderSkip{rel, "skip.periodName", []any{s}}
		}
		return &folderSkip{rel, "skip.notPeriod", nil}
	default:
		return &folderSkip{rel, "skip.nested", []any{path.Dir(rel)}}
	}
}

// squash folds a name to lowercase ASCII letters and digits only.
func squash(s string) string {
	var b strings.Builder
	for _, r := range fold.String(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// suggestPeriod turns a folder name that is nearly a period id ("2018-h1",
// "2018 H1", "2018_H1", "H1-2018") into the id, or "".
func suggestPeriod(name string) string {
	s := strings.ToUpper(strings.TrimSpace(name))
	s = strings.NewReplacer(" ", "-", "_", "-", ".", "-").Replace(s)
	if strings.HasPrefix(s, "H1-") && len(s) == 7 {
		s = s[3:] + "-H1"
	}
	if per, err := ParsePeriod(s); err == nil {
		return per.ID
	}
	return ""
}

// file classifies the file rel.
func (w *walker) file(rel string, skip *folderSkip) {
	name := path.Base(rel)
	lower := strings.ToLower(name)
	parts := strings.Split(rel, "/")
	switch {
	case strings.HasPrefix(name, ".") || osJunk[lower]:
		w.skip(rel, "", "skip.hidden")
	case strings.HasPrefix(name, "~$"):
		w.skip(rel, "", "skip.lockFile")
	case skip != nil:
		w.skip(rel, skip.folder, skip.key, skip.args...)
	case parts[0] == "data":
		switch {
		case rel == PlanFile || rel == AgenciesFile:
			// Read by Load itself.
		case nearData(lower) != "":
			w.skip(rel, "", "skip.dataName", nearData(lower))
		default:
			w.skip(rel, "", "skip.data")
		}
	case officeExt[path.Ext(lower)]:
		w.skip(rel, "", "skip.office")
	case len(parts) == 2:
		w.skip(rel, "", "skip.content")
	case len(parts) == 3:
		w.skip(rel, "", "skip.notInPeriod")
	case path.Ext(name) == ".md" && name != ".md":
		w.reports = append(w.reports, rel)
		w.read[w.realNow] = true
	case nearReport(name) != "":
		w.skip(rel, "", "skip.nearMiss", nearReport(name))
	default:
		w.skip(rel, "", "skip.unknown")
	}
}

// nearData returns the data file a misnamed one probably is
// ("plan.toml.txt", "Plan.TOML", "agencies (1).toml"), or "".
func nearData(lower string) string {
	for _, f := range []string{PlanFile, AgenciesFile} {
		base := strings.TrimSuffix(path.Base(f), ".toml")
		if strings.HasPrefix(lower, base) && strings.Contains(lower, ".toml") {
			return f
		}
	}
	return ""
}

// nearReport returns the name a file that is nearly a report should have
// ("x.md.txt", "x.MD", "x.markdown", "x.txt", "x.md.bak", "x.md~"), or "".
func nearReport(name string) string {
	base := strings.TrimSuffix(name, "~")
	lower := strings.ToLower(base)
	for _, ext := range []string{".md.txt", ".md.bak", ".md.old", ".md.orig", ".md", ".markdown", ".mdown", ".txt", ".bak"} {
		if strings.HasSuffix(lower, ext) && len(base) > len(ext) {
			stem := base[:len(base)-len(ext)]
			if ext == ".bak" && strings.HasSuffix(strings.ToLower(stem), ".md") {
				stem = stem[:len(stem)-3]
			}
			return stem + ".md"
		}
	}
	return ""
}

func (w *walker) skip(rel, folder, key string, args ...any) {
	w.skipped = append(w.skipped, Skipped{File: rel, Key: key, Args: args, Folder: folder, real: w.realNow})
}

// within reports whether the slash path p is root or inside it.
func within(root, p string) bool {
	return p == root || strings.HasPrefix(p, strings.TrimSuffix(root, "/")+"/")
}

// eval returns the real path of p (slash separated, absolute), following
// every link on the way, as filepath.EvalSymlinks does, through afero.
func (w *walker) eval(p string) (string, error) {
	real, err := realpath.Eval(w.l.fs, filepath.FromSlash(p))
	return filepath.ToSlash(real), err
}
