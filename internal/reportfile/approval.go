package reportfile

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/minhbach/minhbach/internal/plan"
)

// approvalKeys are the keys of the [approval] table SetApproval writes, in
// the order it adds missing ones.
var approvalKeys = []string{"state", "approved_by", "approved_on", "note", "digest", "amendments"}

// approvalValues returns the TOML value of each key of a, "" for a key to
// leave out.
func approvalValues(a plan.Approval) map[string]string {
	v := map[string]string{}
	if a.State != "" {
		v["state"] = Quote(a.State)
	}
	if a.ApprovedBy != "" {
		v["approved_by"] = Quote(a.ApprovedBy)
	}
	if !a.ApprovedOn.IsZero() {
		v["approved_on"] = a.ApprovedOn.String()
	}
	if a.Note != "" {
		v["note"] = Quote(a.Note)
	}
	if a.Digest != "" {
		v["digest"] = Quote(a.Digest)
	}
	if len(a.Amendments) > 0 {
		v["amendments"] = amendmentsValue(a.Amendments)
	}
	return v
}

// amendmentsValue writes the amendments as one TOML array of inline
// tables on one line (an inline table cannot span lines), oldest first.
func amendmentsValue(as []plan.Amendment) string {
	var b strings.Builder
	b.WriteString("[")
	for i, am := range as {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "{ on = %s, by = %s, reason = %s, before = %s", am.On.String(), Quote(am.By), Quote(am.Reason), Quote(am.Before))
		// No list when what changed is not known (no kept copy): an empty
		// array would read back as an empty list, not as none.
		if len(am.Changes) > 0 {
			b.WriteString(", changes = [")
			for j, c := range am.Changes {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString(Quote(c))
			}
			b.WriteString("]")
		}
		b.WriteString(" }")
	}
	b.WriteString("]")
	return b.String()
}

// SetApproval returns the report file src with its approval set to a, and
// nothing else changed: every byte outside the lines of the approval's keys
// stays as it was (a byte-order mark, Windows line ends, comments, the
// order and the spelling of the other keys, the narrative).
//
// The approval may be written as an [approval] table, as dotted keys
// (approval.state = …) or as an inline table (approval = { … }). A key
// whose value already reads as the one wanted is left as it is; a key to
// set is given its new value in place, keeping what surrounds it (spaces,
// a comment after it); a key to clear is removed with its line; a missing
// key is added after the approval's last key, in the file's line ends.
// With no approval at all, an [approval] table is added before the first
// table of the front matter (and the comments above it).
//
// The result is decoded again and compared with src: it must parse, its
// approval must be a, and every other field must be as in src; otherwise
// SetApproval returns an error and no bytes.
func SetApproval(src []byte, a plan.Approval) ([]byte, error) {
	fm, err := frontMatterOf(src)
	if err != nil {
		return nil, err
	}
	entries, headers, err := scanFront(fm.text)
	if err != nil {
		return nil, err
	}
	want := approvalValues(a)
	var edits []edit
	var table *header
	for i := range headers {
		if headers[i].name == "approval" && !headers[i].array {
			table = &headers[i]
		}
	}
	found := map[string]*entry{}
	var inline *entry
	for i := range entries {
		e := &entries[i]
		switch {
		case table != nil && e.table == "approval" && slices.Contains(approvalKeys, e.key):
			found[e.key] = e
		case table == nil && e.table == "" && strings.HasPrefix(e.key, "approval."):
			if k := strings.TrimPrefix(e.key, "approval."); slices.Contains(approvalKeys, k) {
				found[k] = e
			}
		case table == nil && e.table == "" && e.key == "approval":
			inline = e
		}
	}
	switch {
	case inline != nil:
		var parts []string
		for _, k := range approvalKeys {
			if v := want[k]; v != "" {
				parts = append(parts, k+" = "+v)
			}
		}
		val := "{}"
		if len(parts) > 0 {
			val = "{ " + strings.Join(parts, ", ") + " }"
		}
		if strings.Contains(fm.text[inline.valStart:inline.valEnd], "\n") {
			return nil, errors.New("the inline approval table spans several lines")
		}
		edits = append(edits, edit{inline.valStart, inline.valEnd, val})
	case table != nil || len(found) > 0:
		prefix := ""
		insertAt := 0
		if table != nil {
			insertAt = table.lineEnd
		}
		for _, e := range found {
			insertAt = max(insertAt, e.lineEnd)
		}
		var add strings.Builder
		for _, k := range approvalKeys {
			e, v := found[k], want[k]
			switch {
			case e == nil && v != "":
				if table == nil {
					prefix = "approval."
				}
				add.WriteString(prefix + k + " = " + v + fm.eol)
			case e != nil && v == "":
				edits = append(edits, edit{e.lineStart, e.lineEnd, ""})
			case e != nil && !sameValue(fm.text[e.valStart:e.valEnd], v):
				edits = append(edits, edit{e.valStart, e.valEnd, v})
			}
		}
		if add.Len() > 0 {
			edits = append(edits, edit{insertAt, insertAt, add.String()})
		}
	default:
		var b strings.Builder
		for _, k := range approvalKeys {
			if v := want[k]; v != "" {
				b.WriteString(k + " = " + v + fm.eol)
			}
		}
		if b.Len() == 0 {
			break
		}
		at := len(fm.text)
		if len(headers) > 0 {
			at = headers[0].commentStart
		}
		block := "[approval]" + fm.eol + b.String()
		if before := strings.TrimRight(fm.text[:at], "\r\n"); before != "" && !strings.HasSuffix(fm.text[:at], fm.eol+fm.eol) {
			block = fm.eol + block
		}
		if at < len(fm.text) {
			block += fm.eol
		}
		edits = append(edits, edit{at, at, block})
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	text := fm.text
	for _, e := range edits {
		text = text[:e.start] + e.text + text[e.end:]
	}
	out := make([]byte, 0, len(src)+len(text)-len(fm.text))
	out = append(out, src[:fm.start]...)
	out = append(out, text...)
	out = append(out, src[fm.end:]...)
	if err := sameBut(fm.text, text, a); err != nil {
		return nil, err
	}
	return out, nil
}

// sameValue reports whether the TOML value text reads as the value want.
func sameValue(text, want string) bool {
	var a, b map[string]any
	if _, err := toml.Decode("v = "+text, &a); err != nil {
		return false
	}
	if _, err := toml.Decode("v = "+want, &b); err != nil {
		return false
	}
	if s, ok := a["v"].(string); ok {
		a["v"] = plan.CleanText(s)
	}
	if s, ok := b["v"].(string); ok {
		b["v"] = plan.CleanText(s)
	}
	return reflect.DeepEqual(a, b)
}

// sameBut decodes both front matters and checks that the edited one has
// the approval a and every other field of the original.
func sameBut(orig, edited string, a plan.Approval) error {
	var r0, r1 plan.Report
	if _, err := toml.Decode(orig, &r0); err != nil {
		return fmt.Errorf("the front matter does not read as TOML: %v", err)
	}
	if _, err := toml.Decode(edited, &r1); err != nil {
		return fmt.Errorf("the edited front matter does not read as TOML: %v", err)
	}
	got := r1.Approval
	got.ApprovedBy, got.Note = plan.CleanText(got.ApprovedBy), plan.CleanText(got.Note)
	a.ApprovedBy, a.Note = plan.CleanText(a.ApprovedBy), plan.CleanText(a.Note)
	if len(got.Amendments) == 0 && len(a.Amendments) == 0 {
		got.Amendments, a.Amendments = nil, nil
	}
	if !reflect.DeepEqual(got, a) {
		return fmt.Errorf("the edited approval reads as %+v, not %+v", r1.Approval, a)
	}
	r0.Approval, r1.Approval = plan.Approval{}, plan.Approval{}
	if !reflect.DeepEqual(r0, r1) {
		return errors.New("the edit changed more than the approval")
	}
	return nil
}

// frontMatter is the TOML of a report file: where it is in the file, and
// the file's line end.
type frontMatter struct {
	start, end int // src[start:end] is text, between the +++ lines
	text       string
	eol        string
}

// frontMatterOf finds the front matter of src as plan.Load does: after an
// optional byte-order mark, a "+++" line, the TOML, a "+++" line.
func frontMatterOf(src []byte) (frontMatter, error) {
	off := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		off = 3
	}
	rest := src[off:]
	var eol string
	switch {
	case bytes.HasPrefix(rest, []byte("+++\r\n")):
		eol = "\r\n"
	case bytes.HasPrefix(rest, []byte("+++\n")):
		eol = "\n"
	default:
		return frontMatter{}, errors.New("the file does not begin with a +++ line")
	}
	start := off + 3 + len(eol)
	i := start
	for i <= len(src) {
		j := bytes.IndexByte(src[i:], '\n')
		line := src[i:]
		next := len(src) + 1
		if j >= 0 {
			line = src[i : i+j]
			next = i + j + 1
		}
		if string(bytes.TrimSuffix(line, []byte("\r"))) == "+++" {
			return frontMatter{start: start, end: i, text: string(src[start:i]), eol: eol}, nil
		}
		if j < 0 {
			break
		}
		i = next
	}
	return frontMatter{}, errors.New("the front matter has no closing +++ line")
}

// entry is a key = value line of the front matter.
type entry struct {
	table, key         string // the table it is in ("" for the top), the key (dotted keys joined by ".")
	lineStart, lineEnd int    // the line(s), with the line end
	valStart, valEnd   int    // the value
}

// header is a [table] or [[array]] line.
type header struct {
	name               string
	array              bool
	lineStart, lineEnd int
	commentStart       int // where the comment lines right above it begin
}

type edit struct {
	start, end int
	text       string
}

// scanFront reads the lines of TOML text: its key lines and table lines,
// skipping comments and the inside of strings and arrays.
func scanFront(s string) ([]entry, []header, error) {
	var entries []entry
	var headers []header
	table := ""
	i := 0
	lastContentEnd := 0
	for i < len(s) {
		lineStart := i
		i = skipSpace(s, i)
		if i >= len(s) {
			break
		}
		switch s[i] {
		case '\n', '\r', '#':
			i = lineEnd(s, i)
			continue
		case '[':
			array := strings.HasPrefix(s[i:], "[[")
			j := i + 1
			if array {
				j++
			}
			k, err := keyEnd(s, j, ']', "a table name has an unclosed quote", "a table header has no closing ]")
			if err != nil {
				return nil, nil, err
			}
			name := normKey(s[j:k])
			table = name
			end := lineEnd(s, k)
			headers = append(headers, header{name: name, array: array, lineStart: lineStart, lineEnd: end,
				commentStart: max(commentBlockStart(s, lastContentEnd, lineStart), lastContentEnd)})
			lastContentEnd = end
			i = end
			continue
		}
		eq, err := keyEnd(s, i, '=', "a key has an unclosed quote", "a line is neither a key = value nor a table")
		if err != nil {
			return nil, nil, err
		}
		key := normKey(s[i:eq])
		v := skipSpace(s, eq+1)
		end, err := scanValue(s, v)
		if err != nil {
			return nil, nil, err
		}
		le := lineEnd(s, end)
		entries = append(entries, entry{table: table, key: key, lineStart: lineStart, lineEnd: le, valStart: v, valEnd: end})
		lastContentEnd = le
		i = le
	}
	return entries, headers, nil
}

// keyEnd returns where the key or table name at i ends: at the stop byte,
// outside quotes, on its line. The error says unclosed when a quote is not
// closed, unstopped when the line has no stop byte.
func keyEnd(s string, i int, stop byte, unclosed, unstopped string) (int, error) {
	for i < len(s) && s[i] != stop && s[i] != '\n' {
		if s[i] != '"' && s[i] != '\'' {
			i++
			continue
		}
		end, ok := scanString(s, i)
		if !ok {
			return i, errors.New(unclosed)
		}
		i = end
	}
	if i >= len(s) || s[i] != stop {
		return i, errors.New(unstopped)
	}
	return i, nil
}

// commentBlockStart returns where the comment lines right above the line
// at end begin (not before from).
func commentBlockStart(s string, from, end int) int {
	at := end
	for at > from {
		prev := strings.LastIndexByte(s[:at-1], '\n') + 1
		if prev < from {
			break
		}
		line := strings.TrimSpace(s[prev:at])
		if !strings.HasPrefix(line, "#") {
			break
		}
		at = prev
	}
	return at
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// lineEnd returns the offset after the end of the line i is on.
func lineEnd(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(s)
}

// normKey returns a (dotted) key with spaces and quotes around its parts
// removed: ` "approval" . state ` is "approval.state".
func normKey(k string) string {
	var parts []string
	for _, p := range splitDotted(k) {
		p = strings.TrimSpace(p)
		if len(p) >= 2 && (p[0] == '"' || p[0] == '\'') && p[len(p)-1] == p[0] {
			p = p[1 : len(p)-1]
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ".")
}

func splitDotted(k string) []string {
	var out []string
	start := 0
	for i := 0; i < len(k); i++ {
		switch k[i] {
		case '"', '\'':
			if end, ok := scanString(k, i); ok {
				i = end - 1
			}
		case '.':
			out = append(out, k[start:i])
			start = i + 1
		}
	}
	return append(out, k[start:])
}

// scanString returns the offset after the string that begins at i (basic,
// literal, or either multi-line).
func scanString(s string, i int) (int, bool) {
	q := s[i]
	if strings.HasPrefix(s[i:], strings.Repeat(string(q), 3)) {
		j := i + 3
		for j < len(s) {
			if q == '"' && s[j] == '\\' {
				j += 2
				continue
			}
			if strings.HasPrefix(s[j:], strings.Repeat(string(q), 3)) {
				j += 3
				// Up to two more quotes belong to the string.
				for n := 0; n < 2 && j < len(s) && s[j] == q; n++ {
					j++
				}
				return j, true
			}
			j++
		}
		return 0, false
	}
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\n':
			return 0, false
		case q == '"' && s[j] == '\\':
			j++
		case s[j] == q:
			return j + 1, true
		}
	}
	return 0, false
}

// scanValue returns the offset after the value that begins at i: a
// string, an array or an inline table (with whatever they hold), or a bare
// value (number, date, boolean) up to a space, a comment or the line end.
func scanValue(s string, i int) (int, error) {
	if i >= len(s) {
		return 0, errors.New("a key has no value")
	}
	switch s[i] {
	case '"', '\'':
		end, ok := scanString(s, i)
		if !ok {
			return 0, errors.New("a string has no closing quote")
		}
		return end, nil
	case '[', '{':
		depth := 0
		for j := i; j < len(s); j++ {
			switch s[j] {
			case '"', '\'':
				end, ok := scanString(s, j)
				if !ok {
					return 0, errors.New("a string has no closing quote")
				}
				j = end - 1
			case '#':
				j = lineEnd(s, j) - 1
			case '[', '{':
				depth++
			case ']', '}':
				depth--
				if depth == 0 {
					return j + 1, nil
				}
			}
		}
		return 0, errors.New("an array or inline table has no closing bracket")
	}
	j := i
	for j < len(s) && s[j] != '\n' && s[j] != '\r' && s[j] != '#' {
		j++
	}
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t') {
		j--
	}
	// A date with a time is one value with a space in it: "2018-06-30 08:00".
	return j, nil
}
