package summary

import (
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// The words of a summary are the catalogue's (internal/msg); these are the
// few sentences the workbook and the page both say about a row, made once
// here so that both say the same.

// Label is a share's status in lang, "" for a share with no data: a
// waiting share is labelled with what it waits for (its milestone's own
// condition).
func Label(lang msg.Lang, st status.Status, m *plan.Milestone) string {
	if st == status.Waiting {
		return m.WaitingLabel(string(lang))
	}
	if st == status.NoData {
		return ""
	}
	return st.Label(string(lang))
}

// AgencyName is an agency's name in lang (its English name when it has
// one).
func AgencyName(lang msg.Lang, a *plan.Agency) string {
	if lang == msg.EN && a.NameEn != "" {
		return a.NameEn
	}
	return a.Name
}

// SourceWords names the report a status rests on: its number and date, the
// agency that sent it and its period; "" when it rests on none.
func (s *Summary) SourceWords(lang msg.Lang, src *status.Source) string {
	if src == nil || src.Report == nil {
		return ""
	}
	r := src.Report
	name := r.Agency
	if a := s.SourceAgency(src); a != nil {
		name = AgencyName(lang, a)
	}
	return msg.Get(lang, "cli.summary.source", r.Number, date(lang, r.Date), name, r.PeriodInfo.Words(string(lang)))
}

// Result is what the source update said: the day it was done, its
// progress and its note, one per line; "" when it rests on none.
func Result(lang msg.Lang, src *status.Source) string {
	facts, note := ResultParts(lang, src)
	return joinLine(facts, note)
}

// ResultParts is Result in two parts: facts, the summary's own words (the
// day it was done, its progress), and note, the report's own words as its
// agency wrote them (in Vietnamese).
func ResultParts(lang msg.Lang, src *status.Source) (facts, note string) {
	if src == nil || src.Update == nil {
		return "", ""
	}
	u := src.Update
	if !u.DoneOn.IsZero() {
		facts = msg.Get(lang, "cli.summary.doneOn", date(lang, u.DoneOn))
	}
	if u.Progress != nil {
		facts = joinLine(facts, msg.Get(lang, "cli.summary.progress", *u.Progress))
	}
	return facts, u.Note
}

// date is d in lang's words, "" for no date.
func date(lang msg.Lang, d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	return msg.Date(lang, d.Time())
}

func joinLine(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}
