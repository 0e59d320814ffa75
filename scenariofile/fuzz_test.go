package scenariofile

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics (it recovers, so a recovered
// panic shows as an "internal error" diagnostic and fails here), that every
// diagnostic has a message and the file name, and that an error-free
// scenario round-trips through Marshal in both formats.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.*")
	broken, _ := filepath.Glob("testdata/broken/*.*")
	for _, p := range append(files, broken...) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(ok))
	f.Add([]byte(edit(map[int]string{9: "  - {actor: a, issue: cf, postion: abc}"})))
	f.Add([]byte(ok + "variants: [{id: v, remove_actors: [a], stances: [{actor: a, issue: cf, position: 1}]}]\n"))
	f.Add([]byte("{}"))
	f.Add([]byte("metadata: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Detect(data)
		s, ds := Parse("fuzz.yaml", data)
		for _, d := range ds {
			if strings.TrimSpace(d.Message) == "" {
				t.Errorf("diagnostic without a message: %+v", d)
			}
			if strings.HasPrefix(d.Message, "internal error") {
				t.Fatalf("Parse panicked: %s", d)
			}
			if d.File != "fuzz.yaml" {
				t.Errorf("diagnostic without the file name: %+v", d)
			}
		}
		if s == nil {
			if ds.Err(false) == nil {
				t.Fatalf("nil scenario without an error: %v", ds)
			}
			return
		}
		if ds.Err(false) != nil {
			return
		}
		for _, format := range []string{"yaml", "json"} {
			out, err := Marshal(s, format)
			if err != nil {
				t.Fatalf("Marshal %s of a valid scenario: %v", format, err)
			}
			again, ds2 := Parse("again", out)
			if ds2.Err(false) != nil {
				t.Fatalf("%s: re-parsing a valid scenario: %v\n%s", format, ds2, out)
			}
			if !reflect.DeepEqual(again, s) {
				t.Fatalf("%s round trip differs:\n got %#v\nwant %#v\n%s", format, again, s, out)
			}
		}
	})
}

func TestSeedFiles(t *testing.T) {
	for _, p := range []string{"testdata/valid.yaml", "testdata/valid.json"} {
		if _, ds, err := Load(p); err != nil || len(ds) != 0 {
			t.Errorf("%s: %v %v", p, err, ds)
		}
	}
	// The broken example reports each of its problems, with lines.
	_, ds, err := Load("testdata/broken/typos.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ds.Errors(false) {
		got = append(got, d.Path+"@"+strconv.Itoa(d.Line))
	}
	want := []string{
		"issues[0].anchors[2].value@10",
		"issues[1].id@11",
		"actors[0].capability@14",
		"actors[0].capability_range@14",
		"actors[1].capabilty@15",
		"stances[0].postion@17",
		"stances[1].position@18",
		"stances[1].salience@18",
		"stances[2].actor@19",
		"stances[2].issue@19",
		"snapshots[0].date@21",
		"snapshots[0].stances[0].salience@22",
		"variants[0].remove_actors[0]@25",
		"variants[0].add_actors[0].capability@26",
		"variants[1].id@27",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("broken/typos.yaml errors:\n got %v\nwant %v\n%v", got, want, ds)
	}
}
