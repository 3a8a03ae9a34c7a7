package feed

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// words holds the texts of the feeds in one language: Vietnamese for "vi",
// English for anything else (as Status.Label does). Its words are the
// catalogue's (internal/msg), feed_* and the words the site shares.
type words struct {
	vi   bool
	l    msg.Lang
	lang string
	reg  *plan.Registry
	memo *memo
}

// memo keeps the names the feeds repeat (a milestone is named in every
// change and update of it, a report in every one it cites, in two feeds
// or three): the catalogue formats each once.
type memo struct {
	tasks      map[*plan.Task]string
	milestones map[*plan.Milestone]string
	reports    map[*plan.Report]string
	agencies   map[string]string
	dates      map[plan.Date]string
}

func newWords(lang string, reg *plan.Registry) words {
	return words{vi: lang == "vi", l: msg.For(lang), lang: lang, reg: reg, memo: &memo{
		tasks: map[*plan.Task]string{}, milestones: map[*plan.Milestone]string{}, reports: map[*plan.Report]string{},
		agencies: map[string]string{}, dates: map[plan.Date]string{},
	}}
}

// remember returns m[k], made by f the first time.
func remember[K comparable](m map[K]string, k K, f func() string) string {
	if s, ok := m[k]; ok {
		return s
	}
	s := f()
	m[k] = s
	return s
}

// get formats the catalogue's message key.
func (w words) get(key string, args ...any) string { return msg.Get(w.l, key, args...) }

// n says the catalogue's message key for the count n ("%d tasks", its
// singular key.one for 1).
func (w words) n(key string, n int) string { return msg.Plural(w.l, key, n, n) }

func (w words) date(d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	return remember(w.memo.dates, d, func() string { return msg.Date(w.l, d.Time()) })
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
	return w.get("feed_period_title", w.periodWords(p))
}

// periodWords is the period's name as it goes inside a sentence: its first
// letter lowered in Vietnamese ("6 tháng đầu năm 2018", "năm 2018").
func (w words) periodWords(p plan.Period) string {
	if w.vi {
		return lowerFirst(p.Words(w.lang))
	}
	return p.Words(w.lang)
}

// periodName names a period inside a sentence: "kỳ báo cáo 6 tháng đầu
// năm 2018", "First half of 2018".
func (w words) periodName(p plan.Period) string {
	return w.get("feed_period_name", w.periodWords(p))
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func (w words) agency(id string) string {
	return remember(w.memo.agencies, id, func() string { return w.agencyUncached(id) })
}

func (w words) agencyUncached(id string) string {
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
	return remember(w.memo.tasks, t, func() string { return msg.T(w.l, "task_n", map[string]any{"N": t.Number}) })
}

// milestone names a milestone with its task: "Mốc 3a (nhiệm vụ 3)".
func (w words) milestone(m *plan.Milestone) string {
	return remember(w.memo.milestones, m, func() string {
		if m.Task == nil {
			return msg.T(w.l, "milestone_n", map[string]any{"ID": m.ID})
		}
		return w.get("milestone_of_task", m.ID, m.Task.Number)
	})
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

// updateState names the state an update reports.
func (w words) updateState(s string) string { return status.StateLabel(s, w.lang) }

// report cites a report: "báo cáo số 45/BC-SNV ngày 5/7/2018".
func (w words) report(r *plan.Report) string {
	return remember(w.memo.reports, r, func() string {
		s := w.get("feed_report", r.Number, w.date(r.Date))
		if r.Sample {
			s += " (" + w.get("feed_sample") + ")"
		}
		return s
	})
}
