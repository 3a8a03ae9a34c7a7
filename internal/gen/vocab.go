package gen

// The vocabulary the generator builds its Vietnamese text from: phrases of
// real administrative writing about reorganising the apparatus of the state,
// administrative reform and staffing, as plans and reports word them.

// verbs start a clause: what is to be done.
var verbs = []string{
	"rà soát", "sắp xếp", "kiện toàn", "xây dựng", "ban hành", "triển khai",
	"tổ chức thực hiện", "tham mưu", "hướng dẫn", "kiểm tra", "đánh giá",
	"tổng hợp", "đôn đốc", "theo dõi", "hoàn thiện", "sửa đổi, bổ sung",
	"công khai", "số hóa", "chuẩn hóa", "cắt giảm", "đơn giản hóa",
	"hợp nhất", "sáp nhập", "giải thể", "thành lập", "phân cấp", "ủy quyền",
	"tinh giản", "nâng cao chất lượng", "đẩy mạnh", "tăng cường", "thí điểm",
	"nhân rộng", "tuyên truyền", "phổ biến, quán triệt", "thẩm định",
	"rà soát, đánh giá", "xây dựng và trình ban hành", "quy định cụ thể",
	"tổ chức lại", "cơ cấu lại", "bố trí, sắp xếp", "sơ kết, đánh giá",
}

// objects are what a clause acts on.
var objects = []string{
	"tổ chức bộ máy của hệ thống chính trị",
	"các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh",
	"các phòng chuyên môn thuộc Ủy ban nhân dân cấp huyện",
	"các đơn vị sự nghiệp công lập", "biên chế công chức",
	"số lượng người làm việc trong đơn vị sự nghiệp công lập",
	"đội ngũ cán bộ, công chức, viên chức", "vị trí việc làm",
	"cơ cấu ngạch công chức", "chức danh nghề nghiệp viên chức",
	"số lượng cấp phó của các cơ quan, đơn vị", "đầu mối bên trong các cơ quan",
	"thủ tục hành chính", "cơ chế một cửa, một cửa liên thông",
	"Trung tâm Phục vụ hành chính công", "dịch vụ công trực tuyến mức độ 3, mức độ 4",
	"chính quyền điện tử", "đô thị thông minh",
	"hệ thống quản lý văn bản và điều hành",
	"cơ sở dữ liệu về cán bộ, công chức, viên chức",
	"các đơn vị hành chính cấp xã chưa đạt tiêu chuẩn",
	"thôn, tổ dân phố", "người hoạt động không chuyên trách ở cấp xã",
	"các Ban quản lý dự án khối nhà nước", "các tổ chức phối hợp liên ngành",
	"quy chế làm việc", "quy chế phối hợp", "chức năng, nhiệm vụ, quyền hạn",
	"tiêu chuẩn chức danh lãnh đạo, quản lý",
	"chế độ, chính sách đối với người dôi dư", "quỹ tiền lương",
	"cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập",
	"chế độ công vụ, công chức", "kỷ luật, kỷ cương hành chính",
	"đạo đức công vụ", "chỉ số cải cách hành chính",
	"chỉ số hài lòng của người dân, tổ chức", "công tác văn thư, lưu trữ",
	"hồ sơ công việc điện tử", "ứng dụng công nghệ thông tin",
	"chữ ký số chuyên dùng", "nền tảng tích hợp, chia sẻ dữ liệu",
	"chất lượng dịch vụ sự nghiệp công", "mạng lưới cơ sở giáo dục",
	"mạng lưới cơ sở y tế", "các trạm y tế xã",
	"các trường học có quy mô nhỏ", "các điểm trường lẻ",
	"Đề án vị trí việc làm", "kế hoạch tinh giản biên chế",
	"công tác tiếp công dân", "công tác đào tạo, bồi dưỡng cán bộ, công chức",
	"việc thi tuyển chức danh lãnh đạo, quản lý",
	"việc luân chuyển, điều động cán bộ",
	"hợp đồng lao động làm công việc hỗ trợ, phục vụ",
	"việc kiêm nhiệm chức danh", "các hội có tính chất đặc thù",
	"bộ phận tiếp nhận và trả kết quả", "cơ sở dữ liệu dân cư",
	"hệ thống thông tin báo cáo", "định mức biên chế",
}

// qualifiers end a clause: how, where, by what rule.
var qualifiers = []string{
	"theo đúng quy định", "đảm bảo tinh gọn, hoạt động hiệu lực, hiệu quả",
	"phù hợp với điều kiện thực tế của địa phương", "theo lộ trình",
	"trên địa bàn tỉnh", "theo hướng dẫn của Trung ương",
	"theo khung quy định của Chính phủ", "gắn với tinh giản biên chế",
	"gắn với cơ cấu lại đội ngũ cán bộ, công chức, viên chức",
	"đảm bảo công khai, minh bạch", "theo hướng chuyên nghiệp, hiện đại",
	"nhằm nâng cao chất lượng phục vụ người dân, doanh nghiệp",
	"không làm ảnh hưởng đến hoạt động bình thường của cơ quan, đơn vị",
	"đúng tiến độ yêu cầu", "tránh chồng chéo, trùng lặp",
	"theo nguyên tắc một việc chỉ giao một cơ quan chủ trì",
	"đảm bảo sự đồng thuận của cán bộ, đảng viên và nhân dân",
	"giai đoạn 2018 – 2021", "đến năm 2025", "đến năm 2030",
	"theo Nghị quyết số 18-NQ/TW", "theo Nghị quyết số 19-NQ/TW",
	"theo Nghị quyết số 39-NQ/TW của Bộ Chính trị",
	"theo Nghị quyết số 56/2017/QH14 của Quốc hội",
	"theo Nghị quyết số 10/NQ-CP của Chính phủ",
	"theo Nghị định số 108/2014/NĐ-CP", "theo Nghị định số 24/2014/NĐ-CP",
	"theo Nghị định số 37/2014/NĐ-CP", "theo Nghị định số 61/2018/NĐ-CP",
	"theo Quyết định số 225/QĐ-TTg của Thủ tướng Chính phủ",
	"ở cả ba cấp tỉnh, huyện, xã", "tại các xã vùng sâu, vùng xa",
	"tại các huyện biên giới", "trong toàn ngành", "một cách thực chất",
	"có trọng tâm, trọng điểm", "gắn với trách nhiệm của người đứng đầu",
	"bảo đảm chất lượng, hiệu quả",
}

// partnerPhrases name partners the plan does not list as agencies.
var partnerPhrases = []string{
	"các cơ quan, đơn vị có liên quan", "tổ chức Đảng và cấp ủy cùng cấp",
	"các cơ quan truyền thông, báo chí", "Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp",
	"các tổ chức chính trị - xã hội", "Ban Tổ chức Tỉnh ủy",
	"Ủy ban nhân dân các xã, phường, thị trấn", "Liên đoàn Lao động tỉnh",
}

// deliverableKinds are the documents a milestone produces.
var deliverableKinds = []string{
	"Đề án", "Kế hoạch", "Báo cáo", "Quyết định", "Tờ trình", "Quy chế",
	"Hướng dẫn", "Phương án", "Chương trình hành động", "Văn bản đề xuất",
}

// conditions are the plan's wordings of what a milestone waits for.
var conditions = []string{
	"sau khi có hướng dẫn của Trung ương",
	"sau khi có quy định của Trung ương",
	"sau khi Nghị định của Chính phủ được ban hành",
	"sau khi được cấp có thẩm quyền phê duyệt",
	"sau khi có ý kiến của Ban Thường vụ Tỉnh ủy",
	"sau khi có hướng dẫn của Bộ Nội vụ",
}

// closers end an action: reporting the result back.
var closers = []string{
	"báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Nội vụ)",
	"trình cấp có thẩm quyền xem xét, quyết định",
	"định kỳ báo cáo kết quả thực hiện theo quy định",
	"kịp thời đề xuất tháo gỡ khó khăn, vướng mắc phát sinh",
	"tham mưu cấp có thẩm quyền xem xét, thực hiện theo quy định",
}

// fillers are short phrases that pad a text to its length.
var fillers = []string{
	"kịp thời", "nghiêm túc", "hiệu quả", "đồng bộ", "thường xuyên",
	"toàn diện", "quyết liệt", "thống nhất", "chặt chẽ", "cụ thể",
}

// Phrases of a report's narrative and notes.
var (
	resultOpeners = []string{
		"Trong kỳ báo cáo", "Thực hiện Kế hoạch", "Bám sát chỉ đạo của cấp trên",
		"Trên cơ sở nhiệm vụ được giao", "Quán triệt các văn bản chỉ đạo",
		"Căn cứ tình hình thực tế",
	}
	resultVerbs = []string{
		"đã chủ động", "đã tập trung", "đã khẩn trương", "đã tích cực",
		"đã phối hợp chặt chẽ để", "đã chỉ đạo các phòng, ban chuyên môn",
	}
	problems = []string{
		"việc triển khai ở một số đơn vị còn chậm, chưa đồng bộ",
		"đội ngũ công chức làm công tác tổ chức còn mỏng, kiêm nhiệm nhiều việc",
		"hạ tầng công nghệ thông tin chưa đáp ứng yêu cầu",
		"chưa có hướng dẫn cụ thể của Trung ương về một số nội dung",
		"kinh phí thực hiện chính sách đối với người dôi dư còn hạn chế",
		"tâm lý một bộ phận cán bộ, công chức còn e ngại khi sắp xếp",
		"việc cập nhật cơ sở dữ liệu chưa thường xuyên",
		"địa bàn rộng, giao thông đi lại khó khăn, nhất là vào mùa mưa",
		"trình độ ứng dụng công nghệ thông tin của người dân còn hạn chế",
		"một số văn bản hướng dẫn ban hành chậm, thiếu thống nhất",
	}
	causes = []string{
		"nguyên nhân chủ yếu do", "một phần do", "nguyên nhân khách quan là",
		"nguyên nhân chủ quan là",
	}
	nextSteps = []string{
		"tiếp tục", "tập trung", "khẩn trương", "chỉ đạo quyết liệt để",
		"đẩy nhanh tiến độ", "phấn đấu hoàn thành",
	}
	proposals = []string{
		"Đề nghị Bộ Nội vụ sớm ban hành văn bản hướng dẫn",
		"Kiến nghị Ủy ban nhân dân tỉnh bố trí kinh phí",
		"Đề nghị các cơ quan có thẩm quyền quan tâm, hỗ trợ",
		"Kiến nghị sửa đổi, bổ sung một số quy định chưa phù hợp",
	}
	noteDone = []string{
		"Đã hoàn thành và báo cáo kết quả theo quy định",
		"Đã ban hành văn bản và tổ chức triển khai thực hiện",
		"Hoàn thành, đã gửi hồ sơ về cơ quan tổng hợp",
		"Đã thực hiện xong, đang theo dõi việc tổ chức thực hiện",
	}
	noteLate = []string{
		"Hoàn thành chậm so với thời hạn do phải xin ý kiến nhiều cơ quan",
		"Hoàn thành chậm do chờ ý kiến thẩm định",
	}
	noteProgress = []string{
		"Đang lấy ý kiến các cơ quan, đơn vị có liên quan",
		"Đang hoàn thiện dự thảo để trình cấp có thẩm quyền",
		"Đã xây dựng dự thảo, đang tổng hợp ý kiến góp ý",
		"Đang rà soát số liệu, đối chiếu với quy định hiện hành",
		"Đang triển khai thực hiện theo kế hoạch",
		"Đã thành lập tổ công tác, đang khảo sát thực tế",
	}
	noteWaiting = []string{
		"Chưa có hướng dẫn của Trung ương nên chưa triển khai",
		"Đang chờ văn bản hướng dẫn của Bộ, ngành Trung ương",
		"Chờ cấp có thẩm quyền phê duyệt chủ trương",
	}
	noteNotStarted = []string{
		"Chưa triển khai, dự kiến thực hiện trong kỳ tới",
		"Chưa đến thời điểm thực hiện theo lộ trình",
	}
	rejectNotes = []string{
		"Báo cáo chưa đầy đủ số liệu về tinh giản biên chế; đề nghị bổ sung và gửi lại.",
		"Thiếu văn bản chứng minh kết quả hoàn thành; đề nghị bổ sung.",
		"Báo cáo chưa có chữ ký của thủ trưởng cơ quan; đề nghị gửi lại bản chính thức.",
		"Số liệu không khớp với báo cáo kỳ trước; đề nghị rà soát lại.",
	}
)

// Vietnamese personal names, for reviewers.
var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middleNames = []string{"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Thị Thu", "Văn Hoàng"}
	givenNames  = []string{"Hùng", "Lan", "Hương", "Tuấn", "Dũng", "Hà", "Nam", "Phương", "Thảo", "Sơn", "Hải", "Long", "Trang", "Bình", "Khánh", "Nhung", "Quý", "Thắng"}
)

// department is a kind of provincial department (sở, ban, ngành).
type department struct {
	name, en, short, head string
}

// departments are the provincial departments and like units.
var departments = []department{
	{"Sở Nội vụ", "Department of Home Affairs", "SNV", "Giám đốc"},
	{"Sở Tư pháp", "Department of Justice", "STP", "Giám đốc"},
	{"Sở Kế hoạch và Đầu tư", "Department of Planning and Investment", "SKHĐT", "Giám đốc"},
	{"Sở Tài chính", "Department of Finance", "STC", "Giám đốc"},
	{"Sở Công Thương", "Department of Industry and Trade", "SCT", "Giám đốc"},
	{"Sở Nông nghiệp và Phát triển nông thôn", "Department of Agriculture and Rural Development", "SNN&PTNT", "Giám đốc"},
	{"Sở Giao thông vận tải", "Department of Transport", "SGTVT", "Giám đốc"},
	{"Sở Xây dựng", "Department of Construction", "SXD", "Giám đốc"},
	{"Sở Tài nguyên và Môi trường", "Department of Natural Resources and Environment", "STN&MT", "Giám đốc"},
	{"Sở Thông tin và Truyền thông", "Department of Information and Communications", "STTTT", "Giám đốc"},
	{"Sở Lao động - Thương binh và Xã hội", "Department of Labour, Invalids and Social Affairs", "SLĐTBXH", "Giám đốc"},
	{"Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism", "SVHTTDL", "Giám đốc"},
	{"Sở Khoa học và Công nghệ", "Department of Science and Technology", "SKHCN", "Giám đốc"},
	{"Sở Giáo dục và Đào tạo", "Department of Education and Training", "SGDĐT", "Giám đốc"},
	{"Sở Y tế", "Department of Health", "SYT", "Giám đốc"},
	{"Sở Ngoại vụ", "Department of Foreign Affairs", "SNgV", "Giám đốc"},
	{"Thanh tra", "Inspectorate", "TTr", "Chánh Thanh tra"},
	{"Ban Dân tộc", "Ethnic Minorities Board", "BDT", "Trưởng ban"},
	{"Văn phòng Ủy ban nhân dân", "Office of the People's Committee", "VP UBND", "Chánh Văn phòng"},
	{"Ban Quản lý Khu kinh tế", "Economic Zone Management Board", "BQL KKT", "Trưởng ban"},
}

// province is a province with its district-level units. A district written
// "tp:X" is a city (thành phố), "tx:X" a town (thị xã), otherwise a rural
// district (huyện).
type province struct {
	name      string
	districts []string
}

// provinces are real provinces and their district-level units.
var provinces = []province{
	{"Kon Tum", []string{"tp:Kon Tum", "Đắk Glei", "Ngọc Hồi", "Đắk Tô", "Kon Plông", "Kon Rẫy", "Đắk Hà", "Sa Thầy", "Tu Mơ Rông", "Ia H'Drai"}},
	{"Gia Lai", []string{"tp:Pleiku", "tx:An Khê", "tx:Ayun Pa", "Kbang", "Đak Đoa", "Chư Păh", "Ia Grai", "Mang Yang", "Kông Chro", "Đức Cơ", "Chư Prông", "Chư Sê", "Đak Pơ", "Ia Pa", "Krông Pa", "Phú Thiện", "Chư Pưh"}},
	{"Đắk Lắk", []string{"tp:Buôn Ma Thuột", "tx:Buôn Hồ", "Ea H'leo", "Ea Súp", "Buôn Đôn", "Cư M'gar", "Krông Búk", "Krông Năng", "Ea Kar", "M'Đrắk", "Krông Bông", "Krông Pắc", "Krông A Na", "Lắk", "Cư Kuin"}},
	{"Đắk Nông", []string{"tp:Gia Nghĩa", "Cư Jút", "Đắk Glong", "Đắk Mil", "Đắk R'lấp", "Đắk Song", "Krông Nô", "Tuy Đức"}},
	{"Lâm Đồng", []string{"tp:Đà Lạt", "tp:Bảo Lộc", "Đam Rông", "Lạc Dương", "Lâm Hà", "Đơn Dương", "Đức Trọng", "Di Linh", "Bảo Lâm", "Đạ Huoai", "Đạ Tẻh", "Cát Tiên"}},
	{"Quảng Nam", []string{"tp:Tam Kỳ", "tp:Hội An", "tx:Điện Bàn", "Tây Giang", "Đông Giang", "Đại Lộc", "Duy Xuyên", "Quế Sơn", "Nam Giang", "Phước Sơn", "Hiệp Đức", "Thăng Bình", "Tiên Phước", "Bắc Trà My", "Nam Trà My", "Núi Thành", "Phú Ninh", "Nông Sơn"}},
	{"Quảng Ngãi", []string{"tp:Quảng Ngãi", "tx:Đức Phổ", "Bình Sơn", "Trà Bồng", "Sơn Tịnh", "Tư Nghĩa", "Sơn Hà", "Sơn Tây", "Minh Long", "Nghĩa Hành", "Mộ Đức", "Ba Tơ", "Lý Sơn"}},
	{"Bình Định", []string{"tp:Quy Nhơn", "tx:An Nhơn", "tx:Hoài Nhơn", "An Lão", "Hoài Ân", "Phù Mỹ", "Vĩnh Thạnh", "Tây Sơn", "Phù Cát", "Tuy Phước", "Vân Canh"}},
	{"Phú Yên", []string{"tp:Tuy Hòa", "tx:Sông Cầu", "tx:Đông Hòa", "Đồng Xuân", "Tuy An", "Sơn Hòa", "Sông Hinh", "Tây Hòa", "Phú Hòa"}},
	{"Hà Giang", []string{"tp:Hà Giang", "Đồng Văn", "Mèo Vạc", "Yên Minh", "Quản Bạ", "Vị Xuyên", "Bắc Mê", "Hoàng Su Phì", "Xín Mần", "Bắc Quang", "Quang Bình"}},
	{"Lào Cai", []string{"tp:Lào Cai", "tx:Sa Pa", "Bát Xát", "Mường Khương", "Si Ma Cai", "Bắc Hà", "Bảo Thắng", "Bảo Yên", "Văn Bàn"}},
	{"Điện Biên", []string{"tp:Điện Biên Phủ", "tx:Mường Lay", "Mường Nhé", "Mường Chà", "Tủa Chùa", "Tuần Giáo", "Điện Biên", "Điện Biên Đông", "Mường Ảng", "Nậm Pồ"}},
	{"Sơn La", []string{"tp:Sơn La", "Quỳnh Nhai", "Thuận Châu", "Mường La", "Bắc Yên", "Phù Yên", "Mộc Châu", "Yên Châu", "Mai Sơn", "Sông Mã", "Sốp Cộp", "Vân Hồ"}},
	{"Nghệ An", []string{"tp:Vinh", "tx:Cửa Lò", "tx:Thái Hòa", "Quế Phong", "Quỳ Châu", "Kỳ Sơn", "Tương Dương", "Nghĩa Đàn", "Quỳ Hợp", "Quỳnh Lưu", "Con Cuông", "Tân Kỳ", "Anh Sơn", "Diễn Châu", "Yên Thành", "Đô Lương", "Thanh Chương", "Nghi Lộc", "Nam Đàn", "Hưng Nguyên"}},
	{"Cà Mau", []string{"tp:Cà Mau", "U Minh", "Thới Bình", "Trần Văn Thời", "Cái Nước", "Đầm Dơi", "Năm Căn", "Phú Tân", "Ngọc Hiển"}},
	{"An Giang", []string{"tp:Long Xuyên", "tp:Châu Đốc", "tx:Tân Châu", "An Phú", "Phú Tân", "Châu Phú", "Tịnh Biên", "Tri Tôn", "Châu Thành", "Chợ Mới", "Thoại Sơn"}},
	{"Sóc Trăng", []string{"tp:Sóc Trăng", "tx:Vĩnh Châu", "tx:Ngã Năm", "Châu Thành", "Kế Sách", "Mỹ Tú", "Cù Lao Dung", "Long Phú", "Mỹ Xuyên", "Thạnh Trị", "Trần Đề"}},
	{"Thanh Hóa", []string{"tp:Thanh Hóa", "tp:Sầm Sơn", "tx:Bỉm Sơn", "Mường Lát", "Quan Hóa", "Bá Thước", "Quan Sơn", "Lang Chánh", "Ngọc Lặc", "Cẩm Thủy", "Thạch Thành", "Hà Trung", "Vĩnh Lộc", "Thọ Xuân", "Như Xuân", "Như Thanh", "Nông Cống", "Quảng Xương", "Tĩnh Gia"}},
}

// roles are the overseeing offices of a generated plan.
var roles = []struct{ id, title, en string }{
	{"thu-tuong", "Thủ tướng Chính phủ", "Prime Minister"},
	{"pho-thu-tuong-thuong-truc", "Phó Thủ tướng Thường trực Chính phủ", "Standing Deputy Prime Minister"},
	{"pho-thu-tuong-noi-chinh", "Phó Thủ tướng Chính phủ phụ trách lĩnh vực nội chính", "Deputy Prime Minister in charge of internal affairs"},
	{"bo-truong-bo-noi-vu", "Bộ trưởng Bộ Nội vụ", "Minister of Home Affairs"},
	{"chu-nhiem-van-phong-chinh-phu", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", "Minister, Chairman of the Government Office"},
}

// basisDocs are the legal basis of a generated plan.
var basisDocs = []struct{ number, date, issuer, title string }{
	{"18-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương Đảng (khóa XII)", "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả"},
	{"19-NQ/TW", "2017-10-25", "Ban Chấp hành Trung ương Đảng (khóa XII)", "Về tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập"},
	{"56/2017/QH14", "2017-11-24", "Quốc hội", "Về việc tiếp tục cải cách tổ chức bộ máy hành chính nhà nước tinh gọn, hoạt động hiệu lực, hiệu quả"},
	{"10/NQ-CP", "2018-02-03", "Chính phủ", "Về ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 18-NQ/TW ngày 25 tháng 10 năm 2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng"},
}
