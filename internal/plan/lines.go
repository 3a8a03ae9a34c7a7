package plan

import "strings"

// These helpers read one line of TOML as text. They serve the messages
// about a document that does not parse (input.go), where there is no
// syntax tree to ask; the positions of a document that parses come from a
// parser (keypos.go).

// splitKey splits a dotted key at the dots outside quotes; each part is
// trimmed and loses its quotes.
func splitKey(s string) []string {
	var parts []string
	start := 0
	scanCode(s, func(i int, c byte) bool {
		if c == '.' {
			parts = append(parts, keyPart(s[start:i]))
			start = i + 1
		}
		return true
	})
	return append(parts, keyPart(s[start:]))
}

// keyPart is one part of a dotted key, trimmed and without its quotes.
func keyPart(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// equalsIndex finds the '=' that ends a key, outside quotes and before a
// comment, or -1.
func equalsIndex(s string) int {
	if i := scanCode(s, func(_ int, c byte) bool { return c != '=' }); i < len(s) && s[i] == '=' {
		return i
	}
	return -1
}

// bracketDepth counts [ minus ] outside strings and comments.
func bracketDepth(s string) int {
	d := 0
	scanCode(s, func(_ int, c byte) bool {
		switch c {
		case '[', '{':
			d++
		case ']', '}':
			d--
		}
		return true
	})
	return d
}

// codeEnd returns where a # comment starts in the TOML line s, outside
// quotes, or len(s).
func codeEnd(s string) int { return scanCode(s, nil) }

// scanCode calls visit with each byte of the TOML line s that is outside
// quoted strings, and its index, up to a # comment or until visit returns
// false, and returns where it stopped: the comment, the byte visit
// refused, or len(s). A backslash escapes inside "…" only.
func scanCode(s string, visit func(i int, c byte) bool) int {
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
		case visit != nil && !visit(i, c):
			return i
		}
	}
	return len(s)
}
