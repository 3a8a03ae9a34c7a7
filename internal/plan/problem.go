package plan

import (
	"fmt"
	"sort"
	"strings"

	"github.com/minhbach/minhbach/internal/msg"
)

// Problem is one thing wrong with the source files: where, and a message
// key with its arguments (see package msg).
type Problem struct {
	Pos  Pos
	Key  string
	Args []any
}

// Text formats p as "file:line:col: what is wrong — how to fix it" in l.
func (p Problem) Text(l msg.Lang) string {
	return fmt.Sprintf("%s:%d:%d: %s", p.Pos.File, p.Pos.Line, p.Pos.Col, msg.Get(l, p.Key, p.Args...))
}

// Problems is every problem found, in file and line order, the data
// files first.
type Problems []Problem

// Error lists the problems in Vietnamese, one a line.
func (ps Problems) Error() string { return ps.Text(msg.VI) }

// Text lists the problems in l, one a line.
func (ps Problems) Text(l msg.Lang) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Text(l)
	}
	return strings.Join(lines, "\n")
}

func (ps Problems) sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Pos, ps[j].Pos
		if ra, rb := fileRank(a.File), fileRank(b.File); ra != rb {
			return ra < rb
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// problems collects problems as a load goes on.
type problems struct{ list Problems }

func (ps *problems) add(pos Pos, key string, args ...any) {
	ps.list = append(ps.list, Problem{Pos: pos, Key: key, Args: args})
}
