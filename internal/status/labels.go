package status

import (
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
)

// Key is the catalogue key of the status's words: status_<id>, and
// status_none for NoData.
func (s Status) Key() string {
	if s == NoData {
		return "status_none"
	}
	return "status_" + string(s)
}

// Label returns the status's name as the site shows it, in Vietnamese
// ("vi") or English (any other lang), from the catalogue (i18n/*.toml). A
// status the catalogue does not name is its id.
func (s Status) Label(lang string) string {
	if !msg.Has(s.Key()) {
		return string(s)
	}
	return msg.Get(msg.For(lang), s.Key())
}

// StateKey is the catalogue key of the words of an update's state
// (plan.StateNotStarted …): a state that is also a status (in-progress,
// waiting) says the status's words; the others have update_<state>.
func StateKey(state string) string {
	switch state {
	case plan.StateInProgress:
		return InProgress.Key()
	case plan.StateWaiting:
		return Waiting.Key()
	}
	return "update_" + state
}

// StateLabel names an update's state in Vietnamese ("vi") or English (any
// other lang); an unknown state is itself. A waiting milestone is better
// named by what it waits for (plan.Milestone.WaitingLabel).
func StateLabel(state, lang string) string {
	if !msg.Has(StateKey(state)) {
		return state
	}
	return msg.Get(msg.For(lang), StateKey(state))
}
