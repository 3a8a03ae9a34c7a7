package view

import (
	"path"
	"strings"

	"github.com/minhbach/minhbach/internal/card"
	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/status"
)

// CardName is the file name of a page's link-preview picture, in the
// page's folder.
const CardName = "og.png"

// manyTasks is the number of tasks above which task pages share one card
// per status instead of one each: a card costs about 22 ms of CPU, and at a
// national plan's 10,000 tasks × 2 languages one card per task would add
// minutes to a build for pictures that repeat the page's title, which the
// preview shows anyway (og:title).
const manyTasks = 300

// CardJob is one link-preview picture to draw: its path relative to the
// output folder, and what it shows.
type CardJob struct {
	Path string
	Card card.Card
}

// Cards lists the link-preview pictures of every language: the home page,
// every task, agency, group and period page.
func (m *Model) Cards() []CardJob {
	var out []CardJob
	for _, lang := range Langs {
		pr := &presenter{Model: m, lang: lang}
		out = append(out, pr.cards()...)
	}
	return out
}

// cardURL is the address of the card of the page written to content path
// p (relative to the language's root), or "" when the page has none.
func (pr *presenter) cardURL(p string) string {
	switch dir := path.Dir(p); {
	case p == "_index":
		return CardName
	case strings.HasPrefix(p, "nhiem-vu/") && strings.HasSuffix(p, "/index") && len(pr.snap.Tasks) > manyTasks:
		if pr.taskCards == nil {
			pr.taskCards = make(map[string]string, len(pr.snap.Tasks))
			for _, ts := range pr.snap.Tasks {
				pr.taskCards["nhiem-vu/"+ts.Task.Slug+"/index"] = "nhiem-vu/" + statusCardName(ts.Status)
			}
		}
		return pr.taskCards[p]
	case strings.HasPrefix(p, "nhiem-vu/") && strings.HasSuffix(p, "/index"),
		strings.HasPrefix(p, "co-quan/") && strings.HasSuffix(p, "/index"),
		strings.HasPrefix(p, "ky-bao-cao/") && strings.HasSuffix(p, "/_index") && strings.Count(p, "/") == 2:
		return dir + "/" + CardName
	}
	return ""
}

// statusCardName is the shared card of the tasks of one status, in a plan
// with many tasks.
func statusCardName(s status.Status) string {
	k := string(s)
	if k == "" {
		k = "no-data"
	}
	return "og-" + k + ".png"
}

// pageCard returns the address and the text of the card of the page
// written to content path p, or "" when the page has none. The text is the
// card's words for those who cannot see it: what the page is, its status,
// the as-of date.
func (pr *presenter) pageCard(p string) (url, alt string) {
	url = pr.cardURL(p)
	if url == "" {
		return "", ""
	}
	if pr.cardIndex == nil {
		pr.cardIndex = map[string]card.Card{}
		for _, j := range pr.cards() {
			pr.cardIndex[strings.TrimPrefix(j.Path, LangDir(pr.lang))] = j.Card
		}
	}
	c, ok := pr.cardIndex[url]
	if !ok {
		return "", ""
	}
	var parts []string
	for _, s := range []string{c.Kind, c.Title, c.Status, c.Detail, c.AsOf, c.Sample} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return url, strings.Join(parts, " — ")
}

func (pr *presenter) asOfLine() string {
	if pr.snap.NoData {
		return pr.w("card_nodata")
	}
	return pr.w("card_asof", pr.date(pr.snap.AsOf))
}

// base is what every card of the language shows: the plan, the as-of
// date and the sample marker.
func (pr *presenter) baseCard() card.Card {
	c := card.Card{Site: pr.t(pr.p.Plan.Short, pr.p.Plan.ShortEn), AsOf: pr.asOfLine()}
	if pr.sample {
		c.Sample = pr.w("card_sample")
	}
	return c
}

func withStatus(c card.Card, s status.Status, label string) card.Card {
	if s == status.NoData {
		return c
	}
	c.Status, c.StatusColor = label, chart.Colors[s]
	return c
}

func (pr *presenter) cards() []CardJob {
	root := LangDir(pr.lang)
	var out []CardJob
	add := func(p string, c card.Card) { out = append(out, CardJob{Path: root + p, Card: c}) }

	pl := pr.p.Plan
	home := pr.baseCard()
	home.Kind = pr.w("card_home")
	home.Title = pr.t(pl.Title, pl.TitleEn)
	home.Detail = pr.countsLine(pr.snap.TaskCounts, len(pr.snap.Tasks))
	add(CardName, home)

	if len(pr.snap.Tasks) > manyTasks {
		seen := map[status.Status]bool{}
		for _, ts := range pr.snap.Tasks {
			if seen[ts.Status] {
				continue
			}
			seen[ts.Status] = true
			c := withStatus(pr.baseCard(), ts.Status, ts.Status.Label(pr.lang))
			c.Title = pr.w("card_task_shared")
			add("nhiem-vu/"+statusCardName(ts.Status), c)
		}
	} else {
		for _, ts := range pr.snap.Tasks {
			t := ts.Task
			c := withStatus(pr.baseCard(), ts.Status, ts.Status.Label(pr.lang))
			c.Kind = msg.T(msg.For(pr.lang), "task_n", map[string]any{"N": t.Number})
			c.Title = pr.t(t.Title, t.TitleEn)
			// Ongoing milestones are never done: they are not counted.
			done, total := 0, 0
			for _, ms := range ts.Milestones {
				if ms.Status.Done() {
					done++
				}
				if ms.Status != status.Ongoing {
					total++
				}
			}
			if ts.Status != status.NoData && total > 0 {
				c.Detail = pr.w("card_milestones_done", done, total)
			}
			add("nhiem-vu/"+t.Slug+"/"+CardName, c)
			// Under its former addresses too, as its badges (Badges).
			for _, a := range t.Aliases {
				add("nhiem-vu/"+a+"/"+CardName, c)
			}
		}
	}

	reg := pr.p.Agencies
	owners := map[string][]status.Status{}
	for _, ts := range pr.snap.Tasks {
		for _, ms := range ts.Milestones {
			if reg.Group(ms.Milestone.Owner) != nil {
				owners[ms.Milestone.Owner] = append(owners[ms.Milestone.Owner], ms.Status)
			}
			for _, mem := range ms.Members {
				owners[mem.Agency.ID] = append(owners[mem.Agency.ID], mem.Status)
			}
		}
	}
	agencyCard := func(id, name string) {
		ss := owners[id]
		w := status.Worst(ss...)
		c := withStatus(pr.baseCard(), w, w.Label(pr.lang))
		c.Kind = pr.w("card_agency")
		c.Title = name
		if len(ss) > 0 && w != status.NoData {
			done, total := 0, 0
			for _, s := range ss {
				if s.Done() {
					done++
				}
				if s != status.Ongoing {
					total++
				}
			}
			if total > 0 {
				c.Detail = pr.w("card_shares_done", done, total)
			}
		}
		add("co-quan/"+id+"/"+CardName, c)
	}
	for _, a := range reg.Agencies {
		agencyCard(a.ID, pr.t(a.Name, a.NameEn))
	}
	for _, g := range reg.Groups {
		agencyCard(g.ID, pr.t(g.Name, g.NameEn))
	}

	for _, h := range pr.hist {
		c := pr.baseCard()
		c.Kind = pr.w("card_period")
		c.Title = h.Period.Words(pr.lang)
		c.AsOf = pr.w("card_asof", pr.date(h.Period.End))
		due := len(h.Reports) + len(h.Missing)
		c.Detail = pr.w("card_period_detail", len(h.Reports), due, h.Snapshot.MemberCounts[status.Overdue])
		add(periodURL(h.Period.ID)+CardName, c)
	}
	return out
}

// countsLine is the home card's summary: how many tasks, how many are
// overdue and how many are done.
func (pr *presenter) countsLine(counts map[status.Status]int, total int) string {
	done := counts[status.DoneOnTime] + counts[status.DoneLate]
	return pr.w("card_home_counts", total, counts[status.Overdue], done)
}
