package httpapi_test

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// TestLoad holds PARLEY_LOAD_CLIENTS (200) concurrent clients on the
// forecast endpoint of `parley serve` (a subprocess on loopback, over the
// file store) for PARLEY_LOAD_SECONDS (30) and requires every request to
// succeed and every acknowledged run to be stored. PARLEY_LOAD_MODELS
// picks the models (a comma-separated list; "default" for the default
// set; compromise when unset). It runs only with PARLEY_LOAD=1: figures
// in BENCHMARKS.md.
//
//	PARLEY_LOAD=1 go test ./httpapi -run TestLoad -v -timeout 10m
func TestLoad(t *testing.T) {
	if os.Getenv("PARLEY_LOAD") != "1" {
		t.Skip("load test: set PARLEY_LOAD=1 to run it (30 s, 200 clients on loopback)")
	}
	clients := envInt("PARLEY_LOAD_CLIENTS", 200)
	dur := time.Duration(envInt("PARLEY_LOAD_SECONDS", 30)) * time.Second
	models := os.Getenv("PARLEY_LOAD_MODELS")
	req := `{"models":["compromise"]}`
	switch models {
	case "":
		models = "compromise"
	case "default":
		req = `{}`
	default:
		b, _ := json.Marshal(map[string][]string{"models": strings.Split(models, ",")})
		req = string(b)
	}
	// Every client may wait for one of the --max-inline slots (by default
	// 64 wait and more are refused with 503, which this test counts as
	// failures): it measures throughput, not admission.
	// and no run history is pruned (--keep-runs 0), so that every
	// acknowledged run can be counted afterwards
	child, base := startServe(t, nil, "serve --addr 127.0.0.1:0 --db "+filepath.Join(t.TempDir(), "load.db")+" --max-waiting "+strconv.Itoa(clients)+" --keep-runs 0")
	defer func() { child.Process.Kill(); child.Wait() }()
	client := &http.Client{
		Timeout:   2 * time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: clients, IdleConnTimeout: time.Minute},
	}
	var list []struct{ ID string }
	res, err := client.Get(base + "/api/scenarios")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(res.Body).Decode(&list)
	res.Body.Close()
	if len(list) != 1 {
		t.Fatalf("want the seeded built-in case, got %d scenarios", len(list))
	}
	url := base + "/api/scenarios/" + list[0].ID + "/forecast"

	var (
		mu       sync.Mutex
		lat      []time.Duration
		errors   []string
		bytesIn  int64
		wg       sync.WaitGroup
		deadline = time.Now().Add(dur)
	)
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				t0 := time.Now()
				res, err := client.Post(url, "application/json", strings.NewReader(req))
				var b []byte
				if err == nil {
					b, err = io.ReadAll(res.Body)
					res.Body.Close()
				}
				d := time.Since(t0)
				mu.Lock()
				switch {
				case err != nil:
					errors = append(errors, err.Error())
				case res.StatusCode != 200 || !strings.Contains(string(b), `"status":"done"`):
					errors = append(errors, res.Status+": "+string(b[:min(len(b), 200)]))
				default:
					lat = append(lat, d)
					bytesIn += int64(len(b))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if len(errors) > 0 {
		t.Fatalf("%d of %d requests failed; first: %s", len(errors), len(errors)+len(lat), errors[0])
	}
	if len(lat) == 0 {
		t.Fatal("no request finished")
	}
	// Every acknowledged run is stored.
	var runs []json.RawMessage
	res, err = client.Get(base + "/api/scenarios/" + list[0].ID + "/runs")
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(res.Body).Decode(&runs)
	res.Body.Close()
	if len(runs) != len(lat) {
		t.Fatalf("%d runs stored for %d acknowledged forecasts", len(runs), len(lat))
	}
	slices.Sort(lat)
	q := func(p float64) time.Duration { return lat[int(p*float64(len(lat)-1))].Round(time.Millisecond) }
	t.Logf("models %s: %d clients × %v: %d requests, 0 errors, %.1f req/s, latency p50 %v p95 %v p99 %v max %v, %.1f MB of responses, %d runs stored",
		models, clients, elapsed.Round(time.Millisecond), len(lat), float64(len(lat))/elapsed.Seconds(), q(.5), q(.95), q(.99), lat[len(lat)-1].Round(time.Millisecond), float64(bytesIn)/1e6, len(runs))
}
