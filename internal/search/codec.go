package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// alphabet holds the 64 digits of every encoded number and bit field in the
// index. They are the URL-safe base64 digits, so an encoded value never needs
// escaping inside a JSON or JavaScript string.
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// digitValue maps a byte to its value in alphabet, or -1.
var digitValue = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = int8(i)
	}
	return t
}()

// appendVarint writes v as little-endian groups of five bits, one digit per
// group; a digit with value 32 or more says that another group follows.
// Values below 32 take one digit, below 1024 two, below 32768 three.
func appendVarint(b []byte, v int) []byte {
	for v >= 32 {
		b = append(b, alphabet[32|v&31])
		v >>= 5
	}
	return append(b, alphabet[v])
}

// reader reads varints from an encoded string.
type reader struct {
	s   string
	pos int
	err error
}

// varint reads one number; on malformed input it records an error and
// returns 0.
func (r *reader) varint() int {
	v, shift := 0, 0
	for {
		if r.pos >= len(r.s) || shift > 30 {
			r.fail()
			return 0
		}
		d := int(digitValue[r.s[r.pos]])
		r.pos++
		if d < 0 {
			r.fail()
			return 0
		}
		v |= (d & 31) << shift
		if d < 32 {
			return v
		}
		shift += 5
	}
}

// take returns the next n bytes.
func (r *reader) take(n int) string {
	if n < 0 || r.pos+n > len(r.s) {
		r.fail()
		return ""
	}
	s := r.s[r.pos : r.pos+n]
	r.pos += n
	return s
}

func (r *reader) done() bool { return r.err != nil || r.pos >= len(r.s) }

func (r *reader) fail() {
	if r.err == nil {
		r.err = errors.New("search: malformed index data")
	}
	r.pos = len(r.s)
}

// Set encodings: the first byte names the form, the rest is its body. A set
// is always a subset of a base of n members (all documents, or the documents
// of a word) and holds indices into that base.
const (
	setList       = 'l' // varint gaps between member indices
	setComplement = 'c' // varint gaps between the indices that are NOT members
	setBitmap     = 'b' // one digit per six indices, bit i%6 of digit i/6
)

// appendGaps writes the sorted indices idx as gaps: the first index, then
// each difference minus one.
func appendGaps(b []byte, idx []int32) []byte {
	prev := int32(-1)
	for _, v := range idx {
		b = appendVarint(b, int(v-prev-1))
		prev = v
	}
	return b
}

// encodeSet returns the shortest encoding of the sorted indices idx, a subset
// of a base with n members. Ties prefer the list, then the complement.
func encodeSet(idx []int32, n int) string {
	best := appendGaps([]byte{setList}, idx)
	bitmapLen := 1 + (n+5)/6
	if missing := n - len(idx); 1+missing < len(best) && 1+missing < bitmapLen {
		comp := make([]int32, 0, missing)
		j := 0
		for i := 0; i < n; i++ {
			if j < len(idx) && int(idx[j]) == i {
				j++
				continue
			}
			comp = append(comp, int32(i))
		}
		if c := appendGaps([]byte{setComplement}, comp); len(c) < len(best) {
			best = c
		}
	}
	if bitmapLen < len(best) {
		bm := make([]byte, (n+5)/6)
		for _, v := range idx {
			bm[v/6] |= 1 << (v % 6)
		}
		for i := range bm {
			bm[i] = alphabet[bm[i]]
		}
		best = append([]byte{setBitmap}, bm...)
	}
	return string(best)
}

// decodeSet returns the sorted indices of the set encoded in s, a subset of
// a base with n members.
func decodeSet(s string, n int) ([]int32, error) {
	if s == "" {
		return nil, nil
	}
	r := &reader{s: s, pos: 1}
	var out []int32
	switch s[0] {
	case setList:
		prev := -1
		for !r.done() {
			prev += r.varint() + 1
			if prev >= n {
				r.fail()
				break
			}
			out = append(out, int32(prev))
		}
	case setComplement:
		prev, next := -1, 0
		for !r.done() {
			prev += r.varint() + 1
			if prev >= n {
				r.fail()
				break
			}
			for ; next < prev; next++ {
				out = append(out, int32(next))
			}
			next = prev + 1
		}
		for ; next < n; next++ {
			out = append(out, int32(next))
		}
	case setBitmap:
		for i := 1; i < len(s); i++ {
			d := int(digitValue[s[i]])
			if d < 0 {
				r.fail()
				break
			}
			for bit := 0; bit < 6; bit++ {
				if d&(1<<bit) != 0 {
					v := (i-1)*6 + bit
					if v >= n {
						r.fail()
						break
					}
					out = append(out, int32(v))
				}
			}
		}
	default:
		r.fail()
	}
	return out, r.err
}

// filePrefix and fileSuffix wrap every index file, so that a <script> tag can
// load it from any host or from a plain folder (file://), where fetch() of a
// local file is blocked.
const (
	filePrefix = "window.__mbShard&&window.__mbShard("
	fileSuffix = ");\n"
)

// wrap returns the file for key holding the JSON value body.
func wrap(key string, body []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(filePrefix) + len(key) + len(body) + 8)
	b.WriteString(filePrefix)
	b.WriteString(strconv.Quote(key)) // keys are ASCII: the quoting is valid JSON
	b.WriteByte(',')
	b.Write(body)
	b.WriteString(fileSuffix)
	return b.Bytes()
}

// unwrap returns the JSON value of a file written by wrap for key.
func unwrap(key string, file []byte) ([]byte, error) {
	head := filePrefix + strconv.Quote(key) + ","
	if !bytes.HasPrefix(file, []byte(head)) || !bytes.HasSuffix(file, []byte(fileSuffix)) {
		return nil, fmt.Errorf("search: index file %s is not wrapped as expected", key)
	}
	return file[len(head) : len(file)-len(fileSuffix)], nil
}

// marshal returns v as compact JSON without HTML escaping (the files are
// scripts, never inlined into HTML). encoding/json still escapes U+2028 and
// U+2029, which ES2017 does not accept raw inside string literals.
func marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // only plain strings, numbers, slices and maps reach here
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// fileKey names an index file: kind is one of the folder letters of the
// format, n its number.
func fileKey(kind byte, n int) string {
	var b strings.Builder
	b.WriteByte(kind)
	b.WriteByte('/')
	b.WriteString(strconv.Itoa(n))
	return b.String()
}
