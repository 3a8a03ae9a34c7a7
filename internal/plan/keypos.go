package plan

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
)

// keyPositions maps the path of every key and table in a TOML document to
// where it is written. A path joins keys with dots and puts an element's
// index after an array of tables: "tasks.2.milestones.0.owner". Columns
// count characters, as editors show them, not bytes. Besides keys:
//
//   - "path=" is where the value of key path starts;
//   - "path.#n" is where the n-th element (from 0) of a members array
//     starts, so that a problem with one member of a long list is told on
//     its own line.
//
// Keys inside inline tables are located at the inline table's key.
//
// BurntSushi/toml, the decoder, keeps key positions private
// (MetaData.keyInfo), so the loader asks go-toml/v2's parser, which exposes
// the bytes of every key and value, where each is written. It runs only on
// documents BurntSushi/toml has decoded (or has parsed, for a value of the
// wrong type); should it stop where the decoder did not (the two read a
// few corners of TOML differently), what it has read so far is kept and
// the rest falls back to the enclosing table (see at).
type keyPositions map[string]Pos

// indexKeys returns the positions of every key, value, table and members
// element of src, a document of file whose first line is line
// lineOffset+1.
func indexKeys(file string, src []byte, lineOffset int) keyPositions {
	kp, _ := scanKeys(file, src, lineOffset)
	return kp
}

// scanKeys returns the positions of every key and table, and the index
// (from 0, without lineOffset) of every line that is a table header, in
// order.
func scanKeys(file string, src []byte, lineOffset int) (keyPositions, []int) {
	s := keyScan{file: file, src: src, lineOffset: lineOffset, kp: keyPositions{}, counts: map[string]int{}}
	var p unstable.Parser
	p.Reset(src)
	for p.NextExpression() {
		s.expression(p.Expression())
	}
	return s.kp, s.headers
}

// keyScan is the state of scanKeys.
type keyScan struct {
	file       string
	src        []byte
	lineOffset int
	kp         keyPositions
	headers    []int
	counts     map[string]int // array-of-tables path -> elements seen
	current    string         // path of the table being filled
	lines      []int          // offsets where each line starts, made on first use
}

// pos returns the position of byte off of the document: what offsetPos
// says, found in an index of where the lines start (offsetPos counts the
// lines from the top each time, which made a plan of thousands of keys
// quadratic to index).
func (s *keyScan) pos(off int) Pos {
	if s.lines == nil {
		s.lines = append(s.lines, 0)
		for i, b := range s.src {
			if b == '\n' {
				s.lines = append(s.lines, i+1)
			}
		}
	}
	off = min(max(off, 0), len(s.src))
	// The last line that starts at or before off.
	i := sort.SearchInts(s.lines, off+1) - 1
	return Pos{File: s.file, Line: i + 1 + s.lineOffset, Col: utf8.RuneCount(s.src[s.lines[i]:off]) + 1}
}

// expression records one top-level expression: a table header or a key
// and its value.
func (s *keyScan) expression(e *unstable.Node) {
	switch e.Kind {
	case unstable.Table, unstable.ArrayTable:
		keys, first, _ := keyOf(e)
		// A header starts its line, after blanks: its '['.
		start := bytes.LastIndexByte(s.src[:first], '\n') + 1
		for start < first && (s.src[start] == ' ' || s.src[start] == '\t') {
			start++
		}
		at := s.pos(start)
		s.headers = append(s.headers, at.Line-s.lineOffset-1)
		if e.Kind == unstable.Table {
			s.current = resolve(keys, s.counts)
			s.kp[s.current] = at
			return
		}
		arr := resolve(keys, s.counts)
		idx := s.counts[arr]
		s.counts[arr] = idx + 1
		s.current = arr + "." + strconv.Itoa(idx)
		s.kp[s.current] = at
		if _, ok := s.kp[arr]; !ok {
			s.kp[arr] = at
		}
	case unstable.KeyValue:
		keys, first, end := keyOf(e)
		path := strings.Join(keys, ".")
		if s.current != "" {
			path = s.current + "." + path
		}
		s.kp[path] = s.pos(first)
		// The value starts after the '=' that follows the key.
		off := skipBlanks(s.src, end)
		if off < len(s.src) && s.src[off] == '=' {
			off = skipBlanks(s.src, off+1)
		}
		s.kp[path+"="] = s.pos(off)
		if v := e.Value(); v.Kind == unstable.Array && strings.HasSuffix(path, ".members") {
			s.elements(path, v)
		}
	}
}

// elements records where each element of the members array v of path
// starts.
func (s *keyScan) elements(path string, v *unstable.Node) {
	n := 0
	for it := v.Children(); it.Next(); n++ {
		if off, ok := nodeStart(s.src, it.Node()); ok {
			s.kp[path+".#"+strconv.Itoa(n)] = s.pos(off)
		}
	}
}

// keyOf returns the parts of the key of a key/value or a table header, and
// the byte offsets where the key starts and ends.
func keyOf(e *unstable.Node) (keys []string, start, end int) {
	start = -1
	for it := e.Key(); it.Next(); {
		k := it.Node()
		keys = append(keys, string(k.Data))
		if start < 0 {
			start = int(k.Raw.Offset)
		}
		end = int(k.Raw.Offset + k.Raw.Length)
	}
	return keys, max(start, 0), end
}

// nodeStart returns the byte offset where value n starts. Arrays carry no
// bytes of their own in go-toml/v2's tree: a nested array starts at the
// '[' before its first element, and an empty one is not located.
func nodeStart(src []byte, n *unstable.Node) (int, bool) {
	if n.Kind != unstable.Array {
		return int(n.Raw.Offset), n.Raw.Length > 0
	}
	first := n.Child()
	if first == nil {
		return 0, false
	}
	off, ok := nodeStart(src, first)
	if !ok {
		return 0, false
	}
	for off > 0 && (src[off-1] == ' ' || src[off-1] == '\t' || src[off-1] == '\n' || src[off-1] == '\r') {
		off--
	}
	if off > 0 && src[off-1] == '[' {
		off--
	}
	return off, true
}

// skipBlanks returns the offset of the first byte from off that is not a
// space or a tab.
func skipBlanks(src []byte, off int) int {
	for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
		off++
	}
	return off
}

// resolve turns a header's keys into a path, putting in the current index
// of every array of tables it passes through.
func resolve(keys []string, counts map[string]int) string {
	path := ""
	for i, k := range keys {
		if path != "" {
			path += "."
		}
		path += k
		if i < len(keys)-1 {
			if n, ok := counts[path]; ok && n > 0 {
				path += "." + strconv.Itoa(n-1)
			}
		}
	}
	return path
}

// at returns the position of path, falling back to its nearest enclosing
// table, then to the top of the file.
func (kp keyPositions) at(file, path string) Pos {
	for p := path; ; {
		if pos, ok := kp[p]; ok {
			return pos
		}
		i := strings.LastIndex(p, ".")
		if i < 0 {
			return Pos{File: file, Line: 1, Col: 1}
		}
		p = p[:i]
	}
}

// value returns the position of the value of key path.
func (kp keyPositions) value(file, path string) Pos {
	if pos, ok := kp[path+"="]; ok {
		return pos
	}
	return kp.at(file, path)
}
