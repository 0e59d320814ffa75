package httpapi_test

import (
	"testing"

	"parley/httpapi"
)

// territoryNote is snap's note on the built-in case's Territory (worked
// by hand in ask's TestLikeliestNoteBuiltIn).
const territoryNote = "the likeliest option is →35 (32%), not →50 (25%), the option nearest the forecast 55.0 (where the distribution is centred): an option's chance counts every outcome nearer it than any other option, and →35's stretch, 17.5–42.5, is wider than →50's, 42.5–57.5, and holds more of the chance the model puts on single values, 22% against 17% (the reference point 35.0; the stated positions 20.0, 25.0 and 30.0)"

// TestForecastLikeliestNote: the API's snap forecast of the built-in
// case says in distribution.likeliest_note why an issue's likeliest
// option is not its forecast's nearest, in ask's words: on Territory,
// Ukraine's armed forces and Ukraine and NATO, and on no other issue.
func TestForecastLikeliestNote(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	p := "/api/scenarios/" + createBuiltin(e)
	var run struct {
		Status string
		Result struct {
			Models []struct {
				Issues []struct {
					Issue        string
					Distribution struct {
						LikeliestNote *string `json:"likeliest_note"`
					}
				}
			}
		}
	}
	e.want(e.do("POST", p+"/forecast", `{"models":["snap"]}`), 200).json(t, &run)
	if run.Status != "done" || len(run.Result.Models) != 1 {
		t.Fatalf("snap's forecast: %+v", run)
	}
	with := map[string]bool{}
	for _, x := range run.Result.Models[0].Issues {
		if n := x.Distribution.LikeliestNote; n != nil {
			with[x.Issue] = true
			if x.Issue == "territory" && *n != territoryNote {
				t.Errorf("territory's note\n%q\nwant\n%q", *n, territoryNote)
			}
		}
	}
	if len(with) != 3 || !with["territory"] || !with["armed-forces"] || !with["nato"] {
		t.Errorf("notes on %v, want territory, armed-forces and nato alone (omitted elsewhere)", with)
	}
}
