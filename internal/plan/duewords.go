package plan

// DueWords returns the milestone's deadline as the plan words it, in
// Vietnamese ("vi") or English (any other lang), followed by its condition
// in parentheses when it has one, as the plan's "Thời gian thực hiện" reads:
// "Trong năm 2018 (sau khi có hướng dẫn của Trung ương)". The condition is
// the plan's own Vietnamese wording in every language: it is quoted, not
// translated ("In 2018 (sau khi có hướng dẫn của Trung ương)"); an HTML page
// marks it lang="vi" (see DueCondition for the two parts).
func (m *Milestone) DueWords(lang string) string {
	words, cond := m.DueCondition(lang)
	if cond == "" {
		return words
	}
	return words + " (" + cond + ")"
}

// DueCondition returns the two parts of DueWords: the deadline's words in
// lang and the condition as the plan writes it ("" when it has none).
func (m *Milestone) DueCondition(lang string) (words, condition string) {
	return m.Due.Words(lang), m.Condition
}
