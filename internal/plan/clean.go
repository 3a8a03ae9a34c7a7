package plan

import (
	"reflect"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// cleanText normalises a text to NFC (so that "ạ" typed two ways is one
// string) and removes the invisible characters that can make text read
// differently from what it is: bidirectional overrides, embeddings and
// isolates (U+202A–U+202E, U+2066–U+2069) and zero-width spaces and
// byte-order marks (U+200B, U+FEFF). Line ends become "\n" (a multi-line
// string of a data file saved on Windows holds "\r\n", and the same text
// must give the same site), and the other control characters (U+0000–U+001F
// but tab and line feed, U+007F–U+009F), which no one types and no page
// can show, are removed. Every string the loader reads goes through it, so
// no output can carry them.
func cleanText(s string) string {
	if isCleanASCII(s) {
		return s
	}
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200B, r == 0xFEFF:
			return -1
		case control(r):
			return -1
		}
		return r
	}, s)
	return norm.NFC.String(s)
}

// control reports whether r is a control character cleanText removes.
func control(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7F && r <= 0x9F
}

// isCleanASCII reports whether s is ASCII without a control character
// (tab and line feed aside): cleanText leaves it as it is.
func isCleanASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7F || c < 0x20 && c != '\t' && c != '\n' {
			return false
		}
	}
	return true
}

// identifiers are the fields (Type.Field) whose values are ids,
// references or keywords: they are validated as they were written, so that
// an invisible character in an id is an error rather than silently dropped.
var identifiers = map[string]bool{
	"Plan.Issuer": true, "Reporting.Compiler": true, "Reporting.Recipient": true, "Reporting.Every": true,
	"Task.Slug": true, "Task.Overseer": true, "Task.Aliases": true,
	"Milestone.ID": true, "Milestone.Owner": true, "Milestone.Partners": true, "Milestone.DueText": true,
	"Milestone.Ref": true, "Milestone.DueRef": true, "Block.Kind": true, "Block.Label": true,
	"Agency.ID": true, "Agency.Kind": true, "Group.ID": true, "Group.Members": true, "Role.ID": true, "Kind.ID": true,
	"Member.ID": true, "Bound.Text": true,
	"Agency.Aliases": true, "Group.Aliases": true,
	"Report.Agency": true, "Report.Period": true, "Approval.State": true,
	"Update.Milestone": true, "Update.Member": true, "Update.State": true,
}

// cleanAll applies cleanText to every exported string reachable from v
// (a pointer to a decoded file), in place.
func cleanAll(v any) { cleanValue(reflect.ValueOf(v)) }

func cleanValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			cleanValue(v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if f.IsExported() && !identifiers[v.Type().Name()+"."+f.Name] {
				cleanValue(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			cleanValue(v.Index(i))
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(cleanText(v.String()))
		}
	}
}

// CleanText is what the loader does to every text it reads (see
// cleanText): NFC, "\n" line ends, without bidirectional controls,
// zero-width spaces, byte-order marks and other control characters. A
// reader of reports from elsewhere (a workbook) uses it so that the same
// words typed on another keyboard compare equal.
func CleanText(s string) string { return cleanText(s) }
