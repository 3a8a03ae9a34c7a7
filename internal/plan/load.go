package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/spf13/afero"
)

// The places of the source files, relative to the portal's root folder.
const (
	PlanFile     = "data/plan.toml"
	AgenciesFile = "data/agencies.toml"
	ReportsDir   = "content/bao-cao"
)

// Limits on the size of inputs, so that a mistaken file gets a message
// rather than exhausting the machine.
const (
	DefaultMaxDataBytes   = 256 << 20
	DefaultMaxReportBytes = 2 << 20
	maxTextLen            = 20000
)

type options struct {
	maxData, maxReport int64
	today              Date // see WithToday
}

// Option changes how Load reads the source.
type Option func(*options)

// WithLimits sets the largest data file and the largest report Load reads.
func WithLimits(maxData, maxReport int64) Option {
	return func(o *options) { o.maxData, o.maxReport = maxData, maxReport }
}

// Load reads and validates the portal whose source is the folder root of
// fsys. It reads every file, collects every problem it finds and returns
// them as Problems; the Project it returns alongside is complete only when
// the error is nil.
func Load(fsys afero.Fs, root string, opts ...Option) (*Project, error) {
	o := options{maxData: DefaultMaxDataBytes, maxReport: DefaultMaxReportBytes}
	for _, f := range opts {
		f(&o)
	}
	l := &loader{fs: fsys, root: root, opt: o}
	p := &Project{Agencies: &Registry{}, Plan: &Plan{}}
	if src, ok := l.read(AgenciesFile, o.maxData); ok {
		if kp, ok := l.decode(AgenciesFile, src, 0, p.Agencies); ok {
			l.refs = true
			l.checkRegistry(p.Agencies, kp)
		}
	}
	p.Agencies.index()
	indexMeant(p.Agencies)
	if src, ok := l.read(PlanFile, o.maxData); ok {
		if kp, ok := l.decode(PlanFile, src, 0, p.Plan); ok {
			p.Plan.File = PlanFile
			l.planOK = true
			l.checkPlan(p.Plan, p.Agencies, kp)
			l.checkPlanDate(p.Plan, kp)
			l.findAmbiguous(p.Plan, kp)
		}
	}
	p.Reports = l.loadReports(p)
	orderReports(p.Reports)
	l.tellSuppressed()
	p.Skipped, p.Notices = l.skipped, l.notices.list
	if len(l.ps.list) > 0 {
		l.ps.list.sort()
		return p, l.ps.list
	}
	return p, nil
}

type loader struct {
	fs   afero.Fs
	root string
	opt  options
	ps   problems
	// refs is whether the agencies file was read: when it was not, a
	// reference to an agency, group or role is not checked, so that one
	// mistake there does not bury its message under a reference error for
	// every use of every id. planOK is the same for the plan's milestones.
	refs, planOK bool
	// msIndex is the plan's milestones by id, built on first use.
	msIndex map[string]*Milestone
	// skipped and notices are what the Project's fields of those names
	// hold.
	skipped []Skipped
	notices problems
	// readReal are the real paths of the report files read.
	readReal map[string]bool
	// ambiguous are the milestone ids the plan uses twice (rootcause.go).
	ambiguous map[string]*rootCause
}

func (l *loader) abs(rel string) string { return path.Join(filepath.ToSlash(l.root), rel) }

// read returns the file's text, in UTF-8 without a byte-order mark (see
// decodeSource); when the file is not text, it returns the raw bytes and
// false.
func (l *loader) read(rel string, limit int64) ([]byte, bool) {
	top := Pos{File: rel, Line: 1, Col: 1}
	f, err := l.fs.Open(l.abs(rel))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			l.ps.add(top, "file.missing")
		} else {
			l.ps.add(top, "file.unreadable", err.Error())
		}
		return nil, false
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		l.ps.add(top, "file.unreadable", err.Error())
		return nil, false
	}
	if int64(len(src)) > limit {
		l.ps.add(top, "file.tooLarge", limit>>10)
		return nil, false
	}
	return l.decodeSource(rel, src)
}

var typeErrRE = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

// decode decodes TOML into v and reports syntax errors, wrong types and
// unknown keys. lineOffset is added to every line (for front matter).
func (l *loader) decode(file string, src []byte, lineOffset int, v any) (keyPositions, bool) {
	md, err := toml.Decode(string(src), v)
	if err != nil {
		if len(md.Keys()) == 0 {
			// The parser failed: Decode returns no metadata at all. Its
			// errors carry a last key too, but they are syntax errors, not
			// values of the wrong type.
			pos := Pos{File: file, Line: 1 + lineOffset, Col: 1}
			text := strings.TrimPrefix(err.Error(), "toml: ")
			var pe toml.ParseError
			if errors.As(err, &pe) {
				line, col := pe.Position.Line, pe.Position.Col
				if pe.Position.Start > 0 || line <= 1 {
					// The parser's line and column disagree at times (the
					// line after a newline it stopped on; a column past
					// the end of the line): the byte offset is exact.
					line, col = offsetPos(src, pe.Position.Start)
				}
				pos = Pos{File: file, Line: max(line, 1) + lineOffset, Col: max(col, 1)}
				text = pe.Message
			}
			l.syntaxProblem(file, src, lineOffset, pos, text)
		} else {
			pos, key, text := locateDecodeError(file, src, lineOffset, v, err)
			l.valueProblem(file, src, lineOffset, pos, key, text)
		}
		// Leave nothing half decoded behind (such as a nil element of
		// a slice of pointers) for the checks and the caller.
		rv := reflect.ValueOf(v)
		if rv.Kind() == reflect.Pointer && !rv.IsNil() {
			rv.Elem().Set(reflect.Zero(rv.Elem().Type()))
		}
		return nil, false
	}
	cleanAll(v)
	kp := indexKeys(file, src, lineOffset)
	known := knownKeys(reflect.TypeOf(v))
	seen := map[string]bool{}
	done := map[string]bool{}
	for _, k := range md.Undecoded() {
		pattern := strings.Join(k, ".")
		parent := strings.Join(k[:len(k)-1], ".")
		if _, isTable := known[pattern]; isTable || done[pattern] {
			// A table whose keys are reported on their own, or a key seen
			// before: matching finds it in every element at once.
			continue
		}
		done[pattern] = true
		for _, at := range kp.matching(file, pattern) {
			id := fmt.Sprintf("%d:%d", at.Line, at.Col)
			if seen[id] {
				continue
			}
			seen[id] = true
			l.ps.add(at, "toml.unknownKey", k[len(k)-1], suggest(k[len(k)-1], known[parent]))
		}
	}
	return kp, true
}

// offsetPos returns the line and the column, both from 1, of the byte at
// offset off of src. The column counts characters, as editors show them:
// "Nhiệm vụ" is 8 columns wide, not 12.
func offsetPos(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	line = bytes.Count(src[:off], []byte("\n")) + 1
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, utf8.RuneCount(src[start:off]) + 1
}

// decodeErrorInfo returns the line (0 when unknown), the key and the
// message of an error from decoding a document that parsed.
func decodeErrorInfo(err error) (line int, key, text string) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return pe.Position.Line, pe.LastKey, pe.Message
	}
	if m := typeErrRE.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, m[2], m[3]
	}
	return 0, "", strings.TrimPrefix(err.Error(), "toml: ")
}

// locateDecodeError finds where a value of the wrong type is written.
//
// BurntSushi/toml reports such an error at the last place its key was
// written, which is the wrong element when the key is in an array of tables
// ("tasks.number" of the second of three tasks is reported on the third).
// So the document is cut at table headers and decoded again: the shortest
// prefix that fails ends with the table that holds the bad value.
func locateDecodeError(file string, src []byte, lineOffset int, v any, err error) (Pos, string, string) {
	line, key, text := decodeErrorInfo(err)
	fallback := Pos{File: file, Line: max(line, 1) + lineOffset, Col: 1}
	t := reflect.TypeOf(v)
	if t.Kind() != reflect.Pointer {
		return fallback, key, text
	}
	kp, headers := scanKeys(file, src, lineOffset)
	lines := strings.SplitAfter(string(src), "\n")
	cuts := append(append([]int{}, headers...), len(lines))
	prefixErr := func(j int) error {
		_, err := toml.Decode(strings.Join(lines[:cuts[j]], ""), reflect.New(t.Elem()).Interface())
		return err
	}
	j := sort.Search(len(cuts), func(j int) bool { return prefixErr(j) != nil })
	if j == len(cuts) {
		return fallback, key, text
	}
	md, err := toml.Decode(strings.Join(lines[:cuts[j]], ""), reflect.New(t.Elem()).Interface())
	if err == nil || len(md.Keys()) == 0 {
		return fallback, key, text // the cut broke the syntax: keep what toml said
	}
	_, key, text = decodeErrorInfo(err)
	lo, hi := 0, cuts[j] // the lines of the last table of the prefix
	if j > 0 {
		lo = cuts[j-1]
	}
	var best *Pos
	for p, pos := range kp {
		if strings.HasSuffix(p, "=") || stripIndexes(p) != key {
			continue
		}
		if pos.Line-lineOffset-1 < lo || pos.Line-lineOffset-1 >= hi {
			continue
		}
		if vp, ok := kp[p+"="]; ok {
			pos = vp
		}
		if best == nil || pos.Line < best.Line {
			best = &pos
		}
	}
	if best != nil {
		return *best, key, text
	}
	if j > 0 {
		return Pos{File: file, Line: lo + 1 + lineOffset, Col: 1}, key, text
	}
	return fallback, key, text
}

// matching returns the positions of every written key whose path, without
// array indexes, is pattern.
func (kp keyPositions) matching(file, pattern string) []Pos {
	var out []Pos
	for p, pos := range kp {
		if strings.HasSuffix(p, "=") {
			continue
		}
		if stripIndexes(p) == pattern {
			out = append(out, pos)
		}
	}
	if len(out) == 0 {
		out = append(out, Pos{File: file, Line: 1, Col: 1})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

func stripIndexes(p string) string {
	parts := strings.Split(p, ".")
	out := parts[:0]
	for _, s := range parts {
		if _, err := strconv.Atoi(s); err != nil {
			out = append(out, s)
		}
	}
	return strings.Join(out, ".")
}

// knownKeys lists, for each table path of the Go type t (without indexes),
// the keys it accepts.
func knownKeys(t reflect.Type) map[string][]string {
	out := map[string][]string{}
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t == reflect.TypeOf(Date{}) {
			return
		}
		var keys []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("toml")
			if tag == "" || tag == "-" || !f.IsExported() {
				continue
			}
			keys = append(keys, tag)
			sub := tag
			if prefix != "" {
				sub = prefix + "." + tag
			}
			walk(f.Type, sub)
		}
		out[prefix] = keys
	}
	walk(t, "")
	return out
}

// suggest names the known id or key closest to a misspelt one or, when
// none is close, the few closest (see Closest).
func suggest(bad string, known []string) string {
	best, bestD := "", 1<<30
	for _, k := range known {
		if d := editDistance(bad, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" && bestD <= max(2, len(bad)/3) {
		return best
	}
	return strings.Join(Closest(bad, known, MaxSuggestions), ", ")
}

// editDistance is the edit distance of two ids or keys, in bytes.
func editDistance(a, b string) int { return EditDistance([]byte(a), []byte(b)) }

// EditDistance returns the Levenshtein distance between a and b: how many
// elements (bytes, or characters) must be inserted, deleted or replaced to
// turn one into the other.
func EditDistance[E comparable](a, b []E) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
