package opendata

import "strings"

// The Frictionless Data Package descriptor
// (https://specs.frictionlessdata.io/data-package/), profile
// tabular-data-package. Structs, not maps, so that keys keep their order.

type dataPackage struct {
	Profile     string     `json:"profile"`
	Name        string     `json:"name"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Homepage    string     `json:"homepage,omitempty"`
	Licenses    []license  `json:"licenses"`
	Resources   []resource `json:"resources"`
}

type license struct {
	Name  string `json:"name"`
	Path  string `json:"path"`
	Title string `json:"title"`
}

type resource struct {
	Profile     string  `json:"profile"`
	Name        string  `json:"name"`
	Path        string  `json:"path"`
	Title       string  `json:"title"`
	Description string  `json:"description"`
	Format      string  `json:"format"`
	Mediatype   string  `json:"mediatype"`
	Encoding    string  `json:"encoding"`
	Dialect     dialect `json:"dialect"`
	Schema      schema  `json:"schema"`
}

type dialect struct {
	Delimiter      string `json:"delimiter"`
	LineTerminator string `json:"lineTerminator"`
	QuoteChar      string `json:"quoteChar"`
	DoubleQuote    bool   `json:"doubleQuote"`
	Header         bool   `json:"header"`
}

type schema struct {
	Fields        []field      `json:"fields"`
	PrimaryKey    []string     `json:"primaryKey,omitempty"`
	ForeignKeys   []foreignKey `json:"foreignKeys,omitempty"`
	MissingValues []string     `json:"missingValues"`
}

type field struct {
	Name        string       `json:"name"`
	Type        string       `json:"type"`
	Format      string       `json:"format,omitempty"`
	Title       string       `json:"title"`
	Description string       `json:"description"`
	Constraints *constraints `json:"constraints,omitempty"`
}

type constraints struct {
	Enum []string `json:"enum,omitempty"`
}

type foreignKey struct {
	Fields    []string  `json:"fields"`
	Reference reference `json:"reference"`
}

type reference struct {
	Resource string   `json:"resource"`
	Fields   []string `json:"fields"`
}

// csvNote tells, in every resource, how the CSV files are written.
const csvNote = " Tệp CSV theo RFC 4180 (dấu phẩy, xuống dòng CRLF), mã hóa UTF-8 có dấu BOM (EF BB BF) ở đầu tệp để Excel hiển thị đúng tiếng Việt; dòng đầu là tên cột. " +
	"Để chống chèn công thức (CSV injection), ô văn bản bắt đầu bằng =, +, -, @, ký tự tab hoặc CR được thêm một dấu nháy đơn (') ở đầu; khi dùng dữ liệu, bỏ dấu nháy đơn đứng đầu các ô đó."

// resource returns t's Data Package resource.
func (t *table[T]) resource() resource {
	r := resource{
		Profile:     "tabular-data-resource",
		Name:        t.name,
		Path:        t.path,
		Title:       t.title,
		Description: t.desc + csvNote,
		Format:      "csv",
		Mediatype:   "text/csv",
		Encoding:    "utf-8",
		Dialect:     dialect{Delimiter: ",", LineTerminator: "\r\n", QuoteChar: `"`, DoubleQuote: true, Header: true},
		Schema: schema{
			PrimaryKey:    t.primaryKey,
			ForeignKeys:   t.foreignKeys,
			MissingValues: []string{""},
		},
	}
	for _, c := range t.cols {
		f := field{Name: c.name, Type: c.typ, Title: c.title, Description: c.desc}
		if c.typ == "date" {
			f.Format = "default"
		}
		if len(c.enum) > 0 {
			f.Constraints = &constraints{Enum: c.enum}
		}
		r.Schema.Fields = append(r.Schema.Fields, f)
	}
	return r
}

func (d *data) dataPackage() dataPackage {
	title := d.p.Plan.Short
	if title == "" {
		title = d.p.Plan.Title
	}
	desc := []string{
		"Dữ liệu mở về tình hình thực hiện kế hoạch: " + d.p.Plan.Title + ".",
		"Gồm ba bảng: nhiem-vu.csv (nhiệm vụ), moc.csv (mốc thực hiện và phần việc của từng thành viên nhóm), bao-cao.csv (báo cáo đã được phê duyệt).",
		"Tệp minhbach.json (cùng thư mục) chứa toàn bộ mô hình dữ liệu: kế hoạch, cơ quan, nhiệm vụ, mốc, trạng thái và nguồn của trạng thái, các kỳ báo cáo với những thay đổi trạng thái, và nội dung các báo cáo đã được phê duyệt; tệp này không phải dạng bảng nên không được liệt kê trong resources.",
		"Trạng thái được tính từ các báo cáo đã được phê duyệt, tính đến ngày cuối của kỳ báo cáo gần nhất; chỉ báo cáo đã được phê duyệt mới được công bố.",
		"Tệp CSV mã hóa UTF-8 có dấu BOM ở đầu; ô văn bản bắt đầu bằng =, +, -, @, tab hoặc CR được thêm dấu nháy đơn (') ở đầu để chống chèn công thức.",
	}
	if d.sample() {
		desc = append(desc, "Lưu ý: dữ liệu có chứa báo cáo mẫu (cột sample = true), không phải báo cáo thật.")
	}
	dp := dataPackage{
		Profile:     "tabular-data-package",
		Name:        "minhbach",
		Title:       "Dữ liệu mở: " + title,
		Description: strings.Join(desc, " "),
		Licenses: []license{{
			Name:  "CC-BY-4.0",
			Path:  "https://creativecommons.org/licenses/by/4.0/",
			Title: "Creative Commons Attribution 4.0",
		}},
		Resources: []resource{tasksTable.resource(), milestonesTable.resource(), reportsTable.resource()},
	}
	if d.base != "" {
		dp.Homepage = d.url(Dir + "/")
	}
	return dp
}
