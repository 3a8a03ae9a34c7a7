package plan

import "strings"

// These helpers read one line of TOML as text. They serve the messages
// about a document that does not parse (input.go), where there is no
// syntax tree to ask; the positions of a document that parses come from a
// parser (keypos.go).

// splitKey splits a dotted key, honouring quotes.
func splitKey(s string) []string {
	var parts []string
	var b strings.Builder
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else {
				b.WriteByte(c)
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			parts = append(parts, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(parts, strings.TrimSpace(b.String()))
}

// equalsIndex finds the '=' that ends a key, outside quotes.
func equalsIndex(s string) int {
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '=':
			return i
		case c == '#':
			return -1
		}
	}
	return -1
}

// bracketDepth counts [ minus ] outside strings and comments.
func bracketDepth(s string) int {
	d := 0
	scanCode(s, func(c byte) {
		switch c {
		case '[', '{':
			d++
		case ']', '}':
			d--
		}
	})
	return d
}

// codeEnd returns where a # comment starts in the TOML line s, outside
// quotes, or len(s).
func codeEnd(s string) int { return scanCode(s, nil) }

// scanCode calls visit with each byte of the TOML line s that is outside
// quoted strings, up to a # comment, and returns where the comment starts
// (len(s) when there is none). A backslash escapes inside "…" only.
func scanCode(s string, visit func(c byte)) int {
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return i
		case visit != nil:
			visit(c)
		}
	}
	return len(s)
}
