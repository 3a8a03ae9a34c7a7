package status

// Label returns the status's name as the site shows it, in Vietnamese
// ("vi") or English.
func (s Status) Label(lang string) string {
	l, ok := labels[s]
	if !ok {
		return string(s)
	}
	if lang == "vi" {
		return l[0]
	}
	return l[1]
}

var labels = map[Status][2]string{
	NoData:      {"Chưa có báo cáo", "No reports yet"},
	DoneOnTime:  {"Hoàn thành đúng hạn", "Done on time"},
	DoneLate:    {"Hoàn thành chậm", "Done late"},
	Waiting:     {"Chờ Trung ương", "Waiting for the central level"},
	Overdue:     {"Quá hạn", "Overdue"},
	NotReported: {"Chưa báo cáo", "Not reported"},
	Ongoing:     {"Thường xuyên", "Ongoing"},
	InProgress:  {"Đang thực hiện", "In progress"},
}
