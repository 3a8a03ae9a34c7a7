package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	mbits "math/bits"
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
		if r.pos >= len(r.s) || shift > 25 {
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
// of a word) and holds indices into that base. A gap is the first index, then
// each difference between two indices minus one.
const (
	setList       = 'l' // varint gaps of the members
	setComplement = 'c' // varint gaps of the non-members
	setRice       = 'r' // Rice-coded gaps of the members
	setRiceComp   = 's' // Rice-coded gaps of the non-members
	setBitmap     = 'b' // one digit per six indices, bit i%6 of digit i/6
)

// Rice coding (r, s): varint(count), one digit k, then for each gap g, g>>k
// as that many 1 bits and a 0 bit, then the k low bits of g, most
// significant first; the bits fill the digits six at a time, most
// significant first, the last digit padded with 0 bits.

// gaps returns the gaps of the sorted indices idx.
func gaps(idx []int32) []int {
	out := make([]int, len(idx))
	prev := int32(-1)
	for i, v := range idx {
		out[i] = int(v - prev - 1)
		prev = v
	}
	return out
}

// riceBits returns the number of bits of g Rice-coded with parameter k.
func riceBits(g []int, k int) int {
	n := 0
	for _, v := range g {
		n += v>>k + 1 + k
	}
	return n
}

// riceParam returns the k in 0..30 that codes g in the fewest bits (the
// smallest such k), and that number of bits. A k past the bit length of
// the largest gap leaves every quotient 0 and only adds bits, so the search
// stops there.
func riceParam(g []int) (k, bits int) {
	top := 0
	for _, v := range g {
		top = max(top, v)
	}
	k, bits = 0, riceBits(g, 0)
	for j := 1; j < min(31, mbits.Len(uint(top))+1); j++ {
		if n := riceBits(g, j); n < bits {
			k, bits = j, n
		}
	}
	return k, bits
}

// appendRice writes the kind byte, the count, k (riceParam) and the bits.
func appendRice(b []byte, kind byte, g []int, k int) []byte {
	b = appendVarint(append(b, kind), len(g))
	b = append(b, alphabet[k])
	cur, n := 0, 0 // bits pending in cur
	put := func(bit int) {
		cur = cur<<1 | bit
		if n++; n == 6 {
			b = append(b, alphabet[cur])
			cur, n = 0, 0
		}
	}
	for _, v := range g {
		for q := v >> k; q > 0; q-- {
			put(1)
		}
		put(0)
		for i := k - 1; i >= 0; i-- {
			put(v >> i & 1)
		}
	}
	if n > 0 {
		b = append(b, alphabet[cur<<(6-n)])
	}
	return b
}

// riceLen returns the length appendRice writes for g coded in bits bits.
func riceLen(g []int, bits int) int {
	return 1 + len(appendVarint(nil, len(g))) + 1 + (bits+5)/6
}

// rice reads gaps coded by appendRice, from just after the kind byte.
func (r *reader) rice() []int {
	count := r.varint()
	k := -1
	if r.pos < len(r.s) {
		k = int(digitValue[r.s[r.pos]])
		r.pos++
	}
	if k < 0 || k > 30 || count > 6*len(r.s) {
		r.fail()
		return nil
	}
	bitPos := r.pos * 6
	bit := func() int {
		i := bitPos / 6
		if i >= len(r.s) {
			r.fail()
			return 0
		}
		d := int(digitValue[r.s[i]])
		if d < 0 {
			r.fail()
			return 0
		}
		v := d >> (5 - bitPos%6) & 1
		bitPos++
		return v
	}
	out := make([]int, 0, count)
	for range count {
		q := 0
		for bit() == 1 {
			q++
		}
		v := q
		for range k {
			v = v<<1 | bit()
		}
		if r.err != nil {
			return nil
		}
		out = append(out, v)
	}
	r.pos = len(r.s)
	return out
}

// appendGaps writes gaps as varints.
func appendGaps(b []byte, g []int) []byte {
	for _, v := range g {
		b = appendVarint(b, v)
	}
	return b
}

// complement returns the indices below n that are not in idx (sorted).
func complement(idx []int32, n int) []int32 {
	out := make([]int32, 0, n-len(idx))
	j := 0
	for i := 0; i < n; i++ {
		if j < len(idx) && int(idx[j]) == i {
			j++
			continue
		}
		out = append(out, int32(i))
	}
	return out
}

// encodeSet returns the shortest encoding of the sorted indices idx, a subset
// of a base with n members. Ties prefer l, c, r, s, b in that order.
func encodeSet(idx []int32, n int) string {
	g := gaps(idx)
	best := appendGaps([]byte{setList}, g)
	var cg []int
	if missing := n - len(idx); 1+missing < len(best) {
		cg = gaps(complement(idx, n))
		if c := appendGaps([]byte{setComplement}, cg); len(c) < len(best) {
			best = c
		}
	}
	if k, bits := riceParam(g); riceLen(g, bits) < len(best) {
		best = appendRice(nil, setRice, g, k)
	}
	if 1+n-len(idx) < len(best) {
		if cg == nil {
			cg = gaps(complement(idx, n))
		}
		if k, bits := riceParam(cg); riceLen(cg, bits) < len(best) {
			best = appendRice(nil, setRiceComp, cg, k)
		}
	}
	if 1+(n+5)/6 < len(best) {
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
	var g []int
	switch s[0] {
	case setList, setComplement:
		for !r.done() {
			g = append(g, r.varint())
		}
	case setRice, setRiceComp:
		g = r.rice()
	}
	var out []int32
	switch s[0] {
	case setList, setRice:
		prev := -1
		for _, v := range g {
			if prev += v + 1; prev >= n {
				r.fail()
				break
			}
			out = append(out, int32(prev))
		}
	case setComplement, setRiceComp:
		prev, next := -1, 0
		for _, v := range g {
			if prev += v + 1; prev >= n {
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
