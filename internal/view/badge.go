package view

import (
	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// BadgeV is one status badge of a task, as the task page offers it for
// embedding: the live one, which follows the latest data, or the frozen one
// of a published period, whose status is as of the period's end and whose
// file never changes once a later period is published.
type BadgeV struct {
	// URL is the badge's file, relative to the language's root.
	URL string `json:"url"`
	// Title is what the badge says in words: the task, its status, the date
	// it is as of and, for sample data, that it is sample data. It is the
	// SVG's <title> and the core of the embed code's alt text.
	Title string `json:"title"`
	// Period names the period of a frozen badge ("6 tháng đầu năm 2019");
	// empty for the live one.
	Period string `json:"period,omitempty"`
	// Date is the date the status is as of, in words.
	Date string `json:"date,omitempty"`
}

// BadgeFile is one badge file to write: its path under the output folder
// and what it shows.
type BadgeFile struct {
	Path  string
	Parts chart.BadgeParts
}

// LiveBadgeURL is the address of a task's live badge, relative to the
// language's root: it always shows the latest status.
func LiveBadgeURL(slug string) string { return TaskURL(slug) + "badge.svg" }

// PeriodBadgeURL is the address of a task's frozen badge of one period,
// relative to the language's root: badge-<period>.svg beside the live one
// ("nhiem-vu/<slug>/badge-2019-H1.svg"). Its status is as of the period's
// end, and a later period's reports do not change it.
func PeriodBadgeURL(slug, period string) string {
	return TaskURL(slug) + "badge-" + period + ".svg"
}

// Badges hands to each, in a fixed order, every badge file of the site:
// for each task and language, the live badge and one per published period.
// A period's badge says "sample data" when a report of that period or an
// earlier one is sample data (what its status was derived from); the live
// badge when any published report is.
//
// A task's badges are also written, the same, under each of its aliases
// (nhiem-vu/<former slug>/badge.svg): a page's old address redirects by
// an HTML page, which an image embedded elsewhere cannot follow.
func (m *Model) Badges(each func(BadgeFile) error) error {
	samples := m.samples
	for i, ts := range m.snap.Tasks {
		slugs := append([]string{ts.Task.Slug}, ts.Task.Aliases...)
		for _, lang := range Langs {
			pr := &presenter{Model: m, lang: lang}
			dir := LangDir(lang)
			left := pr.badgeLeft(ts)
			live := pr.badgeAs(left, ts, m.snap, m.sample)
			for _, slug := range slugs {
				if err := each(BadgeFile{Path: dir + LiveBadgeURL(slug), Parts: live}); err != nil {
					return err
				}
			}
			for j, h := range m.hist {
				pts := periodTask(h.Snapshot, i, ts.Task)
				if pts == nil {
					continue
				}
				frozen := pr.badgeAs(left, pts, h.Snapshot, samples[j])
				for _, slug := range slugs {
					if err := each(BadgeFile{Path: dir + PeriodBadgeURL(slug, h.Period.ID), Parts: frozen}); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

// periodSamples tells, for each period of the history, whether a report of
// that period or of an earlier one is sample data.
func (m *Model) periodSamples() []bool {
	out := make([]bool, len(m.hist))
	sample := false
	for i, h := range m.hist {
		for _, r := range h.Reports {
			sample = sample || r.Sample
		}
		out[i] = sample
	}
	return out
}

// periodTask is the task t in a period's snapshot s: the one at index i
// (the snapshots list the plan's tasks in the same order), else found by
// looking; nil when s does not have it.
func periodTask(s *status.Snapshot, i int, t *plan.Task) *status.Task {
	if i < len(s.Tasks) && s.Tasks[i].Task == t {
		return s.Tasks[i]
	}
	for _, ts := range s.Tasks {
		if ts.Task == t {
			return ts
		}
	}
	return nil
}

// badge is what the badge of ts shows, as of the snapshot s: "Nhiệm vụ 6"
// and the status, its title with the as-of date, and the sample marker
// when sample.
func (pr *presenter) badge(ts *status.Task, s *status.Snapshot, sample bool) chart.BadgeParts {
	return pr.badgeAs(pr.badgeLeft(ts), ts, s, sample)
}

// badgeLeft is the left part of the badges of ts: "Nhiệm vụ 6".
func (pr *presenter) badgeLeft(ts *status.Task) string {
	return msg.T(msg.For(pr.lang), "task_n", map[string]any{"N": ts.Task.Number})
}

// badgeAs is badge with its left part given (made once per task).
func (pr *presenter) badgeAs(left string, ts *status.Task, s *status.Snapshot, sample bool) chart.BadgeParts {
	label := ts.Status.Label(pr.lang)
	p := chart.BadgeParts{Left: left, Right: label, Title: pr.badgeTitle(left+": "+label, s, sample), Status: ts.Status}
	if sample {
		p.Mark = pr.w("card_sample")
	}
	return p
}

// badgeTitle is what a badge whose words are words says in full: with
// the date s is as of (when it has data) and, when sample, that it is
// sample data.
func (pr *presenter) badgeTitle(words string, s *status.Snapshot, sample bool) string {
	if !s.AsOf.IsZero() && !s.NoData {
		words = pr.w("asof_words", words, pr.date(s.AsOf))
	}
	if sample {
		words = pr.w("badge_sample_words", words)
	}
	return words
}

// taskBadges are the badges the task page of ts offers: the live one and,
// when a period is published, the frozen one of the latest period.
func (pr *presenter) taskBadges(ts *status.Task, i int) (live BadgeV, frozen *BadgeV) {
	slug := ts.Task.Slug
	live = BadgeV{URL: LiveBadgeURL(slug), Title: pr.badge(ts, pr.snap, pr.sample).Title}
	if !pr.snap.AsOf.IsZero() && !pr.snap.NoData {
		live.Date = pr.date(pr.snap.AsOf)
	}
	if len(pr.hist) == 0 {
		return live, nil
	}
	h := pr.hist[len(pr.hist)-1]
	pts := periodTask(h.Snapshot, i, ts.Task)
	if pts == nil {
		return live, nil
	}
	samples := pr.samples
	return live, &BadgeV{URL: PeriodBadgeURL(slug, h.Period.ID), Title: pr.badge(pts, h.Snapshot, samples[len(samples)-1]).Title,
		Period: h.Period.Words(pr.lang), Date: pr.date(h.Snapshot.AsOf)}
}
