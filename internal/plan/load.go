package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

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
			l.checkRegistry(p.Agencies, kp)
		}
	}
	p.Agencies.index()
	if src, ok := l.read(PlanFile, o.maxData); ok {
		if kp, ok := l.decode(PlanFile, src, 0, p.Plan); ok {
			p.Plan.File = PlanFile
			l.checkPlan(p.Plan, p.Agencies, kp)
		}
	}
	p.Reports = l.loadReports(p)
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
}

func (l *loader) abs(rel string) string { return path.Join(filepathToSlash(l.root), rel) }

func filepathToSlash(s string) string {
	if os.PathSeparator == '\\' {
		return strings.ReplaceAll(s, "\\", "/")
	}
	return s
}

// read returns the file's bytes without a byte-order mark.
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
	return bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), true
}

var typeErrRE = regexp.MustCompile(`line (\d+) \(last key "([^"]*)"\): (.*)`)

// decode decodes TOML into v and reports syntax errors, wrong types and
// unknown keys. lineOffset is added to every line (for front matter).
func (l *loader) decode(file string, src []byte, lineOffset int, v any) (keyPositions, bool) {
	md, err := toml.Decode(string(src), v)
	if err != nil {
		var pe toml.ParseError
		switch {
		case errors.As(err, &pe):
			pos := Pos{File: file, Line: pe.Position.Line + lineOffset, Col: max(pe.Position.Col, 1)}
			if pe.LastKey != "" && pe.Position.Line == 0 {
				pos.Line = 1 + lineOffset
			}
			key := "toml.syntax"
			if pe.LastKey != "" {
				key = "toml.value"
				l.ps.add(pos, key, pe.LastKey, pe.Message)
				return nil, false
			}
			l.ps.add(pos, key, pe.Message)
		default:
			if m := typeErrRE.FindStringSubmatch(err.Error()); m != nil {
				n, _ := strconv.Atoi(m[1])
				l.ps.add(Pos{File: file, Line: n + lineOffset, Col: 1}, "toml.value", m[2], m[3])
			} else {
				l.ps.add(Pos{File: file, Line: 1 + lineOffset, Col: 1}, "toml.value", "", strings.TrimPrefix(err.Error(), "toml: "))
			}
		}
		return nil, false
	}
	kp := indexKeys(file, src, lineOffset)
	known := knownKeys(reflect.TypeOf(v))
	seen := map[string]bool{}
	for _, k := range md.Undecoded() {
		pattern := strings.Join(k, ".")
		parent := strings.Join(k[:len(k)-1], ".")
		if _, isTable := known[pattern]; isTable {
			continue // a table whose keys are reported on their own
		}
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

// suggest names the known key closest to a misspelt one, or lists them all.
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
	return strings.Join(known, ", ")
}

func editDistance(a, b string) int {
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
