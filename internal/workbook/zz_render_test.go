package workbook
import ("testing";"os";"github.com/minhbach/minhbach/internal/plan";"github.com/minhbach/minhbach/internal/status";"github.com/spf13/afero")
func TestZZRender(t *testing.T){
	p,_ := plan.Load(afero.NewReadOnlyFs(afero.NewOsFs()), "../..")
	asOf,_ := status.LatestAsOf(p)
	snap := status.Derive(p, asOf)
	var ex *plan.Report
	for _, r := range p.Reports { if r.Agency=="so-noi-vu" && r.Period=="2018-H1" { ex = r } }
	f, err := Template(p, snap, "so-noi-vu", "2018-H1", ex)
	if err!=nil{t.Fatal(err)}
	if err := f.SaveAs("/tmp/wb/x.xlsx"); err!=nil {t.Fatal(err)}
	f2, _ := Template(p, snap, "ubnd-dak-glei", "2018", nil)
	f2.SaveAs("/tmp/wb/y.xlsx")
	_ = os.Remove
}
