package plan

// The site's addresses name pages by the data's ids: a task's page is
// nhiem-vu/<slug>/, an agency's or a group's co-quan/<id>/, a period's
// ky-bao-cao/<period>/ and a report's ky-bao-cao/<period>/<agency>/. At
// some of these levels the site also makes pages of its own (the further
// pages of a long list, a period's summary), and an id equal to one of
// their segments would put two pages at one address, one silently
// replacing the other. The segments are named here, once: internal/view
// builds its addresses with them (its tests check that it writes no other
// segment at these levels), and the loader refuses an id, slug or alias
// equal to one (checkReserved).

// Segments of the addresses the site makes itself.
const (
	// FurtherSegment is the folder of the further pages of a long list:
	// nhiem-vu/trang/2/, ky-bao-cao/<period>/trang/2/,
	// ky-bao-cao/<period>/trang/nhiem-vu/2/, …/tong-hop/trang/<list>/2/.
	FurtherSegment = "trang"
	// SummarySegment is a period's printable summary:
	// ky-bao-cao/<period>/tong-hop/.
	SummarySegment = "tong-hop"
)

// Level is a level of the site's addresses at which an id of the data
// names a page.
type Level int

// The levels of the site's addresses that the data's ids name.
const (
	// TaskLevel is nhiem-vu/<slug>/: task slugs and their aliases.
	TaskLevel Level = iota
	// AgencyLevel is co-quan/<id>/: agency and group ids and their aliases.
	AgencyLevel
	// PeriodLevel is ky-bao-cao/<period>/: period ids, which have a form
	// of their own (ParsePeriod) that no segment of the site has.
	PeriodLevel
	// ReportLevel is ky-bao-cao/<period>/<agency>/: the ids of the
	// agencies, which report.
	ReportLevel
)

// Levels are every level, in order.
var Levels = []Level{TaskLevel, AgencyLevel, PeriodLevel, ReportLevel}

// Reserved lists the segments the site makes itself at level l, which no
// id, slug or alias named at that level may be.
func Reserved(l Level) []string {
	switch l {
	case TaskLevel:
		return []string{FurtherSegment}
	case ReportLevel:
		return []string{FurtherSegment, SummarySegment}
	}
	return nil
}

// Prefix is the address of level l up to the id, relative to a language's
// root, for messages: "nhiem-vu/", "ky-bao-cao/…/".
func (l Level) Prefix() string {
	switch l {
	case TaskLevel:
		return "nhiem-vu/"
	case AgencyLevel:
		return "co-quan/"
	case PeriodLevel:
		return "ky-bao-cao/"
	}
	return "ky-bao-cao/…/"
}

// The beginnings of the ids suggested in place of a reserved one
// ("co-quan-tong-hop").
const (
	taskPrefix   = "nhiem-vu-"
	agencyPrefix = "co-quan-"
)

// checkReserved reports the id (a slug, an alias: key names it) written
// at pos when the site makes a page of its own at its address at one of
// levels, and says so; it suggests the id after prefix ("co-quan-"). It
// returns whether the id is free.
func (l *loader) checkReserved(pos Pos, key, id, prefix string, levels ...Level) bool {
	for _, lv := range levels {
		for _, seg := range Reserved(lv) {
			if id != seg {
				continue
			}
			msgKey := "id.reservedFurther"
			if seg == SummarySegment {
				msgKey = "id.reservedSummary"
			}
			l.ps.add(pos, msgKey, key, id, lv.Prefix()+seg+"/", prefix+id)
			return false
		}
	}
	return true
}
