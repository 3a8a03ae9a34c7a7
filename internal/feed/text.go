package feed

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// words holds the texts of the feeds in one language: Vietnamese for "vi",
// English for anything else (as Status.Label does).
type words struct {
	vi   bool
	lang string
	reg  *plan.Registry
}

func newWords(lang string, reg *plan.Registry) words {
	return words{vi: lang == "vi", lang: lang, reg: reg}
}

// pick returns vi or en.
func (w words) pick(vi, en string) string {
	if w.vi {
		return vi
	}
	return en
}

func (w words) date(d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	if w.vi {
		return d.Vietnamese()
	}
	return d.Time().Format("2 January 2006")
}

func (w words) status(s status.Status) string { return s.Label(w.lang) }

// msStatus names the status of one milestone: a waiting milestone by what it
// waits for (Milestone.WaitingLabel); status names the generic status of a
// task or a count.
func (w words) msStatus(s status.Status, m *plan.Milestone) string {
	if s == status.Waiting && m != nil {
		if l := m.WaitingLabel(w.lang); l != "" {
			return l
		}
	}
	return s.Label(w.lang)
}

// periodTitle names a period as an entry title: "Kỳ báo cáo 6 tháng đầu
// năm 2018", "Reporting period: First half of 2018".
func (w words) periodTitle(p plan.Period) string {
	if w.vi {
		return "Kỳ báo cáo " + lowerFirst(p.Words("vi"))
	}
	return "Reporting period: " + p.Words(w.lang)
}

// periodName names a period inside a sentence: "kỳ báo cáo 6 tháng đầu
// năm 2018", "First half of 2018".
func (w words) periodName(p plan.Period) string {
	if w.vi {
		return "kỳ báo cáo " + lowerFirst(p.Words("vi"))
	}
	return p.Words(w.lang)
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func (w words) agency(id string) string {
	if a := w.reg.Agency(id); a != nil {
		if !w.vi && a.NameEn != "" {
			return a.NameEn
		}
		return a.Name
	}
	if g := w.reg.Group(id); g != nil {
		if !w.vi && g.NameEn != "" {
			return g.NameEn
		}
		return g.Name
	}
	return id
}

func (w words) agencyName(a *plan.Agency) string {
	if a == nil {
		return ""
	}
	return w.agency(a.ID)
}

func (w words) taskTitle(t *plan.Task) string {
	if !w.vi && t.TitleEn != "" {
		return t.TitleEn
	}
	return t.Title
}

// task names a task by its number: "Nhiệm vụ 3", "Task 3".
func (w words) task(t *plan.Task) string {
	return fmt.Sprintf(w.pick("Nhiệm vụ %d", "Task %d"), t.Number)
}

// milestone names a milestone with its task: "Mốc 3a (nhiệm vụ 3)".
func (w words) milestone(m *plan.Milestone) string {
	if m.Task == nil {
		return fmt.Sprintf(w.pick("Mốc %s", "Milestone %s"), m.ID)
	}
	return fmt.Sprintf(w.pick("Mốc %s (nhiệm vụ %d)", "Milestone %s (task %d)"), m.ID, m.Task.Number)
}

func (w words) action(m *plan.Milestone) string {
	if !w.vi && m.ActionEn != "" {
		return m.ActionEn
	}
	return m.Action
}

func (w words) planTitle(p *plan.Plan) string {
	candidates := []string{p.Short, p.Title}
	if !w.vi {
		candidates = []string{p.ShortEn, p.TitleEn, p.Short, p.Title}
	}
	for _, c := range candidates {
		if strings.TrimSpace(c) != "" {
			return c
		}
	}
	return "minhbach"
}

var updateStates = map[string][2]string{
	plan.StateNotStarted: {"Chưa bắt đầu", "Not started"},
	plan.StateInProgress: {"Đang thực hiện", "In progress"},
	plan.StateWaiting:    {"Đang chờ Trung ương", "Waiting for the central level"},
	plan.StateDone:       {"Hoàn thành", "Done"},
}

// updateState names the state an update reports.
func (w words) updateState(s string) string {
	l, ok := updateStates[s]
	if !ok {
		return s
	}
	return w.pick(l[0], l[1])
}

// report cites a report: "báo cáo số 45/BC-SNV ngày 5/7/2018".
func (w words) report(r *plan.Report) string {
	s := fmt.Sprintf(w.pick("báo cáo số %s ngày %s", "report No. %s of %s"), r.Number, w.date(r.Date))
	if r.Sample {
		s += w.pick(" (dữ liệu mẫu)", " (sample data)")
	}
	return s
}

// count says "n thing(s)" for a number and a noun in both languages.
func (w words) count(n int, vi, en, enPlural string) string {
	if w.vi {
		return fmt.Sprintf("%d %s", n, vi)
	}
	if n == 1 {
		return fmt.Sprintf("%d %s", n, en)
	}
	return fmt.Sprintf("%d %s", n, enPlural)
}
